import type { Alert, TimelineEntry } from './analytics';
import type { Incident } from './domain';
import type { Enquiry } from './enquiries';
import type { Stakeholder } from './stakeholders';
import type { Claim } from './claims';
import type { Impostor, OwnChannel } from './own-channels';
import type { Task } from './plan';
import type { SentimentWindow } from './review';
import type { StatementSummary } from './statements';
import type { RosterRow } from './team';
import type { TriageCounts } from './triage';
import { deadline } from './update-timer';

/** The periods a situation report can cover: since the last one was sent, the last hours, or the whole crisis (from its detection). */
export const SITREP_PERIODS = ['last', '1h', '4h', '24h', 'whole'] as const;
export type SitrepPeriod = (typeof SITREP_PERIODS)[number];

/** A statement that went out in the period: which version, on which channel, when. */
export type SitrepPublication = { statementId: string; title: string; version: number; channel: string; at: number };

/**
 * Where the crisis stands now and what changed since `since`, for the people outside the room (executives, the
 * board, the other shift): figures, what happened and was decided, statements, tasks, who is on shift.
 */
export type SituationReport = {
  incident: Incident;
  generatedAt: number;
  since: number;
  /** When the last report was recorded as sent; null before the first. */
  lastSentAt: number | null;
  /** Mentions published in the period (whole hours from the hour `since` falls in), and in as long a period before it. */
  mentions: { period: SentimentWindow; before: SentimentWindow; peakHour: { at: number; mentions: number } | null };
  openAlerts: Alert[];
  triage: TriageCounts & { repliesInPeriod: number; approvedWordingInPeriod: number };
  /**
   * The timeline of the period, oldest first. Over SITREP_ENTRIES, key events and decisions are kept first, then the
   * newest of the rest; the routine entries left out are counted.
   */
  entries: TimelineEntry[];
  omittedEntries: number;
  statements: { published: SitrepPublication[]; waiting: StatementSummary[]; approvedNotPublished: StatementSummary[] };
  tasks: { late: Task[]; dueSoon: Task[]; doneInPeriod: number };
  /** Journalists still waiting for an answer (the most pressing deadline first), and the period's enquiries. */
  enquiries: { open: Enquiry[]; receivedInPeriod: number; closedInPeriod: number };
  /** Stakeholders still to inform (the soonest due first), and how many were informed in the period. */
  stakeholders: { toInform: Stakeholder[]; informedInPeriod: number };
  /** Claims still to answer (spreading first), with how many mentions carried each in the period; and how many were answered in it. */
  claims: { toAnswer: (Claim & { inPeriod: number })[]; answeredInPeriod: number };
  /** The brand's channels not posting as usual (taken over first) or with an approved statement not out on them yet. */
  channels: OwnChannel[];
  /** Accounts posing as the brand not removed yet (those not reported first). */
  impostors: Impostor[];
  roster: RosterRow[];
  nextUpdateDueAt: number | null;
  /** The next report on the incident's schedule; null without one. */
  timer: SitrepTimer | null;
};

/** How often a report can be scheduled (minutes): every hour to once a day. */
export const SITREP_CADENCES: readonly number[] = [60, 120, 240, 480, 720, 1440];

/** The next report on the incident's schedule: due `everyMinutes` after the last one sent (or after the crisis opened), while it is live. */
export type SitrepTimer = { everyMinutes: number; lastSentAt: number | null; dueAt: number };

export function sitrepTimer(incident: Incident, lastSentAt: number | null): SitrepTimer | null {
  const everyMinutes = incident.sitrepEveryMinutes;
  const dueAt = everyMinutes ? deadline(incident, lastSentAt, everyMinutes) : null;
  return dueAt === null ? null : { everyMinutes: everyMinutes!, lastSentAt, dueAt };
}

export const SITREP_ENTRIES = 40;
/** Tasks due within this long count as "due next". */
export const SITREP_DUE_SOON_MS = 2 * 3_600_000;
