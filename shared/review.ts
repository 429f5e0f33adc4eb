import type { Alert, SystemLine, TimelineEntry } from './analytics';
import type { Incident, IncidentStatus } from './domain';
import type { Enquiry } from './enquiries';
import type { Stakeholder } from './stakeholders';
import type { Claim } from './claims';
import type { Impostor, OwnChannel } from './own-channels';
import type { Task } from './plan';

/** A duration in milliseconds, or null when one of its ends never happened. */
export type Span = number | null;

/** Mentions of a period and how they felt: net = (positive − negative) / rated, in [-1, 1]. */
export type SentimentWindow = { mentions: number; rated: number; negative: number; negativeShare: number | null; net: number | null };

/** How long approvers at one step of the chains took, from the version reaching them to their decision. */
export type ApprovalWait = { step: number; roleId: string; roleName: string; decisions: number; medianMs: number; maxMs: number };

export type ReportMetrics = {
  /** Start of the first volume or negative-share spike the early warning found. */
  firstSpikeAt: number | null;
  detectedAt: number | null;
  /** The first public update on the timeline (a published statement writes one). */
  firstPublicUpdateAt: number | null;
  spikeToDetectionMs: Span;
  spikeToAcknowledgementMs: Span;
  detectionToAcknowledgementMs: Span;
  firstMentionResponseAt: number | null;
  detectionToFirstResponseMs: Span;
  /** Per answered mention: its first reply minus its publication, the median over mentions. */
  medianResponseMs: Span;
  firstDraftAt: number | null;
  firstApprovedAt: number | null;
  draftToApprovedMs: Span;
  approvalWaits: ApprovalWait[];
  mentions: number;
  peakHour: { at: number; mentions: number } | null;
  /** Hours with fewer rated mentions than this are too small to call a peak share. */
  peakNegativeShare: { at: number; share: number; rated: number } | null;
  negativeReach: number;
  /** Time spent in each status, in the order the incident went through them. */
  phases: { status: IncidentStatus; ms: number }[];
  sentiment: { before: SentimentWindow; during: SentimentWindow; after: SentimentWindow | null };
  /** After: negative share back within 5 points of before. Null without mentions before or after. */
  recovered: boolean | null;
  /** From the peak negative hour to the first hour back within 5 points of before. */
  recoveryMs: Span;
  /** The brand's share of brand + competitor mentions before and after; null without both kinds of topic. */
  shareOfVoice: { before: number | null; after: number | null } | null;
  /** Replies: all recorded, those taken from an approved statement (`approvedWording`), and of them the changed ones. */
  triage: { mentions: number; triaged: number; responded: number; escalated: number; replies: number; approvedWording: number; editedWording: number };
  tasks: { total: number; done: number; doneLate: number; openLate: number; cancelled: number };
  /** Public updates against the cadence of the level: each one on time or late, and gaps nobody filled. */
  publicUpdates: { total: number; onTime: number; late: number; missed: number; cadenceMinutes: number };
  /**
   * Journalists' enquiries: received, answered or declined (`closed`), of them after the outlet's deadline, those still
   * open, and the median time from an enquiry coming in to its answer.
   */
  /**
   * `keyMessages`: of the enquiries answered (not declined), those whose answer carries at least one of the
   * incident's key messages; null when the incident has none.
   */
  press: { received: number; closed: number; closedLate: number; open: number; medianAnswerMs: Span; keyMessages: { answered: number; carrying: number } | null };
  /**
   * Stakeholders listed and informed; of them informed before the first public update (heard it from the brand first);
   * `late`: informed after the time they were due, or still to inform past it.
   */
  stakeholders: { listed: number; informed: number; beforePublic: number; late: number };
  /**
   * Claims logged and answered; `slowed`: answered ones carried by fewer mentions after the answer than in as long
   * before it; the median time from a claim's first mention to its answer (negative: answered before it was seen).
   */
  claims: { logged: number; answered: number; slowed: number; medianToAnswerMs: Span };
  /**
   * The brand's own channels listed; those whose posts were held at some point, and detection → the first hold;
   * accounts taken over, and the longest time one was out of the brand's hands (one still lost: until now or closing).
   */
  channels: { listed: number; paused: number; detectionToPauseMs: Span; lost: number; longestLostMs: Span };
  /** Accounts posing as the brand: spotted, removed by their platform, and the median time from spotting one to its removal. */
  impostors: { spotted: number; removed: number; medianToRemovalMs: Span };
};

export const PEAK_SHARE_MIN_RATED = 10;
export const RECOVERY_MARGIN = 0.05;

export type ReportPoint = { at: number; total: number; negative: number; neutral: number; positive: number; net: number | null };
export type ReportSeries = { bucketMs: number; points: ReportPoint[] };
/** A key timeline event (its text; a line Firebreak wrote also as `line`), or a publication (title and channel id). */
export type ReportEvent = { at: number; kind: 'key_event' | 'statement'; text: string; channel?: string; line?: SystemLine };

export type AudienceChange = { platform: string; account: string; before: number | null; after: number | null };
export type Cost = { item: string; amount: number; currency: string };
export type Lesson = { text: string; playbookId: string | null };

/** What people write in the review; the figures are computed from the record. */
export type ReviewInput = {
  summary: string;
  wentWell: string;
  wentWrong: string;
  planChanges: string;
  audience: AudienceChange[];
  costs: Cost[];
  lessons: Lesson[];
};
export type Review = ReviewInput & { updatedBy: string | null; updatedAt: number | null };

export type AfterActionReport = {
  incident: Incident;
  generatedAt: number;
  metrics: ReportMetrics;
  series: ReportSeries;
  events: ReportEvent[];
  review: Review;
  actionItems: Task[];
  /** The press log: every media enquiry, in the order they came. */
  enquiries: Enquiry[];
  /** Who was told what, in the order they were listed. */
  stakeholders: Stakeholder[];
  /** The claims and the answers given, in the order they were logged. */
  claims: Claim[];
  /** The brand's own channels, in the order they were listed, with what was published on each. */
  channels: OwnChannel[];
  /** The accounts posing as the brand, in the order they were spotted. */
  impostors: Impostor[];
  /** The whole timeline, oldest first (by when it happened): the record of what happened and what was decided. */
  timeline: TimelineEntry[];
  /** The early-warning alerts raised, for the timeline's alert lines in the reader's words. */
  alerts: Alert[];
  /** Names of the playbooks the lessons concern, as written in this data directory. */
  playbookNames: Record<string, string>;
};

/** A lesson of a past review, as the playbook it concerns shows it. */
export type PlaybookLesson = { incidentId: string; incidentTitle: string; closedAt: number | null; text: string };

/** One row of the past-crises archive. */
export type PastCrisis = {
  incident: Incident;
  mentions: number;
  peakHourMentions: number | null;
  negativeShare: number | null;
  detectionToAcknowledgementMs: Span;
  durationMs: Span;
  hasReview: boolean;
};

/** Hours since detection on the x-axis, so crises of different dates line up. */
export type AlignedPoint = { hour: number; mentions: number; negativeShare: number | null };
export type ComparedIncident = { incident: Incident; metrics: ReportMetrics; curve: AlignedPoint[] };

/** Costs summed per currency (a report never adds euros to hryvnias). */
export function costTotals(costs: readonly Cost[]): { currency: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const c of costs) totals.set(c.currency, (totals.get(c.currency) ?? 0) + c.amount);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/** How a figure is written in one language; `when` phrases a moment ("at 3 PM"). */
export type FigureFormat = {
  span(ms: Span): string;
  n(v: number | null): string;
  pct(v: number | null): string;
  when(at: number): string;
  yes: string;
  no: string;
  notYet: string;
};

/** The report's key figures in order, written with a language's format: the review tab, the comparison and the exported report list the same. */
export function keyFigures(m: ReportMetrics, f: FigureFormat) {
  const at = (v: number) => ` (${f.when(v)})`;
  return [
    { key: 'spikeToDetection', value: f.span(m.spikeToDetectionMs) },
    { key: 'spikeToAcknowledgement', value: f.span(m.spikeToAcknowledgementMs) },
    { key: 'detectionToAcknowledgement', value: f.span(m.detectionToAcknowledgementMs) },
    { key: 'detectionToFirstResponse', value: f.span(m.detectionToFirstResponseMs) },
    { key: 'medianResponse', value: f.span(m.medianResponseMs) },
    { key: 'draftToApproved', value: f.span(m.draftToApprovedMs) },
    { key: 'mentions', value: f.n(m.mentions) },
    { key: 'peakHour', value: m.peakHour ? f.n(m.peakHour.mentions) + at(m.peakHour.at) : '—' },
    { key: 'peakNegativeShare', value: m.peakNegativeShare ? f.pct(m.peakNegativeShare.share) + at(m.peakNegativeShare.at) : '—' },
    { key: 'negativeReach', value: f.n(m.negativeReach) },
    { key: 'recovered', value: m.recovered === null ? f.notYet : m.recovered ? f.yes : f.no },
    { key: 'recovery', value: f.span(m.recoveryMs) },
    { key: 'triaged', value: `${f.n(m.triage.triaged)} / ${f.n(m.triage.mentions)}` },
    { key: 'responded', value: f.n(m.triage.responded) },
    { key: 'approvedReplies', value: `${f.n(m.triage.approvedWording)} / ${f.n(m.triage.replies)} (${f.n(m.triage.editedWording)})` },
    { key: 'tasks', value: `${f.n(m.tasks.done)} / ${f.n(m.tasks.total)} (${f.n(m.tasks.doneLate)})` },
    { key: 'tasksOpenLate', value: f.n(m.tasks.openLate) },
    { key: 'updates', value: `${f.n(m.publicUpdates.onTime)} / ${f.n(m.publicUpdates.late)} / ${f.n(m.publicUpdates.missed)}` },
    { key: 'enquiries', value: `${f.n(m.press.closed)} / ${f.n(m.press.received)} (${f.n(m.press.closedLate)})` },
    { key: 'enquiryAnswer', value: f.span(m.press.medianAnswerMs) },
    { key: 'pressKeyMessages', value: m.press.keyMessages ? `${f.n(m.press.keyMessages.carrying)} / ${f.n(m.press.keyMessages.answered)}` : '—' },
    // A crisis that listed no stakeholders (or one reviewed before they were listed) says nothing rather than "0 / 0".
    { key: 'stakeholders', value: m.stakeholders.listed ? `${f.n(m.stakeholders.informed)} / ${f.n(m.stakeholders.listed)} (${f.n(m.stakeholders.beforePublic)})` : '—' },
    { key: 'stakeholdersLate', value: m.stakeholders.listed ? f.n(m.stakeholders.late) : '—' },
    { key: 'claims', value: m.claims.logged ? `${f.n(m.claims.answered)} / ${f.n(m.claims.logged)} (${f.n(m.claims.slowed)})` : '—' },
    { key: 'claimAnswer', value: f.span(m.claims.medianToAnswerMs) },
    { key: 'channelsPaused', value: m.channels.listed ? `${f.n(m.channels.paused)} / ${f.n(m.channels.listed)}` : '—' },
    { key: 'detectionToPause', value: f.span(m.channels.detectionToPauseMs) },
    { key: 'impostors', value: m.impostors.spotted ? `${f.n(m.impostors.removed)} / ${f.n(m.impostors.spotted)}` : '—' },
    { key: 'impostorRemoval', value: f.span(m.impostors.medianToRemovalMs) },
    { key: 'accountsLost', value: m.channels.lost ? `${f.n(m.channels.lost)} (${f.span(m.channels.longestLostMs)})` : m.channels.listed ? f.n(0) : '—' },
  ] as const;
}

/** A duration as days, hours and minutes: which of the three a language's template needs, and their values. */
export function durationParts(ms: number): { unit: 'd' | 'h' | 'm'; d: number; h: number; m: number } {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return { unit: minutes >= 1440 ? 'd' : minutes >= 60 ? 'h' : 'm', d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

/** The words of a report's durations in one language: `review.duration.*` and `review.earlier`, filled in. */
export type SpanWords = (key: 'd' | 'h' | 'm' | 'earlier', values: Record<string, string>) => string;

/**
 * A span in words. A negative one (the team detected the crisis before the early warning's first spike) is said
 * as "35 min earlier": a bare minus sign read as a typo or a fault.
 */
export function spanText(ms: Span, say: SpanWords, number: (v: number) => string): string {
  if (ms === null) return '—';
  const p = durationParts(ms);
  const words = say(p.unit, { d: number(p.d), h: number(p.h), m: number(p.m) });
  return ms < 0 && p.d + p.h + p.m > 0 ? say('earlier', { span: words }) : words;
}
