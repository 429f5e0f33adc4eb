import type { Database } from 'better-sqlite3';
import type { Actor, Incident } from '../../../shared/domain';
import { OPEN_ENQUIRY_STATUSES } from '../../../shared/enquiries';
import { OPEN_TASK_STATUSES, isOverdue } from '../../../shared/plan';
import { SITREP_DUE_SOON_MS, SITREP_ENTRIES, sitrepTimer, type SitrepPeriod, type SitrepPublication, type SitrepTimer, type SituationReport } from '../../../shared/sitrep';
import type { TimelineEntry } from '../../../shared/analytics';
import type { AlertService } from '../alerts/alert-service';
import type { EnquiryService } from '../enquiries/enquiry-service';
import type { StakeholderService } from '../stakeholders/stakeholder-service';
import type { ClaimService } from '../claims/claim-service';
import type { ChannelService } from '../channels/channel-service';
import type { ImpostorService } from '../channels/impostor-service';
import { claimMentionsSince } from '../claims/claim-spread';
import type { TaskService } from '../plan/task-service';
import { HOUR, hourlyCounts, sentimentWindow, total } from '../review/hourly-counts';
import type { StatementService } from '../statements/statement-service';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { systemLine } from '../timeline/system-line';
import type { TriageService } from '../triage/triage-service';

type Deps = {
  db: Database;
  incident(id: string): Incident;
  alerts: AlertService;
  timeline: TimelineRepo;
  triage: TriageService;
  statements: StatementService;
  tasks: TaskService;
  team: TeamService;
  enquiries: EnquiryService;
  stakeholders: StakeholderService;
  claims: ClaimService;
  channels: ChannelService;
  impostors: ImpostorService;
  now(): number;
};

const PERIOD_HOURS: Partial<Record<SitrepPeriod, number>> = { '1h': 1, '4h': 4, '24h': 24 };

/**
 * Situation reports: where the crisis stands and what changed in a period, read from the record each time (nothing
 * is stored but the line on the timeline saying a report was sent, which is where the next one starts by default).
 */
export class SitrepService {
  constructor(private readonly d: Deps) {}

  /** The start of a period: since the last report sent (before the first, the whole crisis), the last hours, or the whole crisis. */
  since(incidentId: string, period: SitrepPeriod): number {
    const hours = PERIOD_HOURS[period];
    if (hours) return this.d.now() - hours * HOUR;
    return (period === 'last' ? this.lastSentAt(incidentId) : null) ?? crisisStart(this.d.incident(incidentId));
  }

  get(incidentId: string, since: number): SituationReport {
    const { db, now: clock } = this.d;
    const incident = this.d.incident(incidentId);
    const now = clock();
    const hours = hourlyCounts(db, incidentId);
    // Mentions are counted by the hour they were published in (the chart rollups), so the period starts on the hour.
    const from = Math.floor(since / HOUR) * HOUR;
    const inPeriod = hours.filter((h) => h.hour * HOUR >= from);
    const peak = inPeriod.reduce<(typeof hours)[number] | null>((best, h) => (best === null || total(h) > total(best) ? h : best), null);
    // The line of the report sent at `since` is where this one starts, said in the header, not a thing that happened.
    const entries = this.d.timeline.list({ incidentId, since }).filter((e) => e.occurredAt > since || e.ref?.line?.key !== 'sitrepSent').reverse();
    const tasks = this.d.tasks.list(incidentId);
    const statements = this.d.statements.list(incidentId);
    const enquiries = this.d.enquiries.list(incidentId);
    const replies = db
      .prepare('SELECT COUNT(*) AS n, COUNT(statement_id) AS approved FROM mention_responses WHERE incident_id = ? AND at >= ?')
      .get(incidentId, since) as { n: number; approved: number };
    const publicUpdate = this.d.timeline.updateTimer(incident);
    const lastSentAt = this.lastSentAt(incidentId);
    return {
      incident,
      generatedAt: now,
      since,
      lastSentAt,
      mentions: {
        period: sentimentWindow(hours, from, Infinity),
        before: sentimentWindow(hours, from - (Math.max(now, from + HOUR) - from), from),
        peakHour: peak && total(peak) > 0 ? { at: peak.hour * HOUR, mentions: total(peak) } : null,
      },
      openAlerts: this.d.alerts.list(incidentId).filter((a) => a.acknowledgedAt === null),
      triage: { ...this.d.triage.counts(incidentId, incident.level), repliesInPeriod: replies.n, approvedWordingInPeriod: replies.approved },
      entries: mostTelling(entries),
      omittedEntries: Math.max(0, entries.length - SITREP_ENTRIES),
      statements: {
        published: this.published(incidentId, since),
        waiting: statements.filter((s) => s.state === 'in_review'),
        // Approved reply wordings are answered with from triage, never published: not something waiting to go out.
        approvedNotPublished: statements.filter((s) => s.state === 'approved' && s.kind !== 'social_reply'),
      },
      tasks: {
        late: tasks.filter((t) => isOverdue(t, now)).sort(byDue),
        dueSoon: tasks.filter((t) => !isOverdue(t, now) && t.dueAt !== null && t.dueAt <= now + SITREP_DUE_SOON_MS && OPEN_TASK_STATUSES.includes(t.status)).sort(byDue),
        doneInPeriod: tasks.filter((t) => t.status === 'done' && t.doneAt !== null && t.doneAt >= since).length,
      },
      enquiries: {
        open: enquiries.filter((e) => OPEN_ENQUIRY_STATUSES.includes(e.status)),
        receivedInPeriod: enquiries.filter((e) => e.receivedAt >= since).length,
        closedInPeriod: enquiries.filter((e) => e.closedAt !== null && e.closedAt >= since).length,
      },
      stakeholders: this.stakeholders(incidentId, since),
      claims: this.claims(incidentId, since),
      channels: this.d.channels.list(incidentId).filter((c) => c.posting !== 'as_usual' || c.waiting.length > 0),
      impostors: this.d.impostors.list(incidentId).filter((i) => i.status !== 'removed'),
      roster: this.d.team.roster(incidentId, now),
      nextUpdateDueAt: publicUpdate?.dueAt ?? null,
      timer: sitrepTimer(incident, lastSentAt),
    };
  }

  /** Who still has to hear from the brand (the soonest due first) and who was told in the period. */
  private stakeholders(incidentId: string, since: number): SituationReport['stakeholders'] {
    const all = this.d.stakeholders.list(incidentId);
    return {
      toInform: all.filter((s) => s.status === 'to_inform'),
      informedInPeriod: all.filter((s) => s.status === 'informed' && s.closedAt !== null && s.closedAt >= since).length,
    };
  }

  /** The claims still to answer (in the list's order: spreading first) and their mentions in the period; those answered in it. */
  private claims(incidentId: string, since: number): SituationReport['claims'] {
    const all = this.d.claims.list(incidentId);
    return {
      toAnswer: all.filter((c) => c.status === 'to_answer').map((c) => ({ ...c, inPeriod: claimMentionsSince(this.d.db, incidentId, c.terms, since) })),
      answeredInPeriod: all.filter((c) => c.status === 'answered' && c.closedAt !== null && c.closedAt >= since).length,
    };
  }

  /** When the next report is due on the incident's schedule. */
  timer(incidentId: string): SitrepTimer | null {
    return sitrepTimer(this.d.incident(incidentId), this.lastSentAt(incidentId));
  }

  /** A report was sent: a line on the timeline, from which the next report starts. */
  markSent(incidentId: string, actor: Actor): TimelineEntry {
    this.d.incident(incidentId);
    return recordSitrepSent(this.d.timeline, incidentId, actor, this.d.now());
  }

  private lastSentAt(incidentId: string): number | null {
    return this.d.db
      .prepare("SELECT MAX(occurred_at) FROM timeline_entries WHERE incident_id = ? AND kind = 'action' AND json_extract(ref, '$.line.key') = 'sitrepSent'")
      .pluck()
      .get(incidentId) as number | null;
  }

  private published(incidentId: string, since: number): SitrepPublication[] {
    return this.d.db
      .prepare(`SELECT p.statement_id AS statementId, v.title, p.version, p.channel, p.published_at AS at FROM statement_publications p
        JOIN statements s ON s.id = p.statement_id JOIN statement_versions v ON v.statement_id = p.statement_id AND v.version = p.version
        WHERE s.incident_id = ? AND p.published_at >= ? ORDER BY p.published_at, p.id`)
      .all(incidentId, since) as SitrepPublication[];
  }
}

/** The timeline line saying a report went out (also how the demo records the one sent before it was loaded). */
export function recordSitrepSent(timeline: TimelineRepo, incidentId: string, actor: Actor, at: number): TimelineEntry {
  const { text, line } = systemLine('sitrepSent', {});
  return timeline.add({ incidentId, kind: 'action', author: actor.name, role: actor.role, occurredAt: at, tags: ['sitrep'], text, ref: { line } });
}

/** The whole crisis starts when it was detected (the first posts are often found before the room convenes). */
function crisisStart(incident: Incident): number {
  return Math.min(incident.detectedAt ?? Infinity, incident.openedAt ?? Infinity, incident.createdAt);
}

/**
 * At most SITREP_ENTRIES of a period's entries (oldest first), for readers who cannot take the whole timeline: key
 * events and decisions first (the newest of them if even those are too many), then the newest of the rest.
 */
function mostTelling(entries: TimelineEntry[]): TimelineEntry[] {
  if (entries.length <= SITREP_ENTRIES) return entries;
  const telling = (e: TimelineEntry) => e.keyEvent || e.kind === 'decision';
  const first = entries.filter(telling).slice(-SITREP_ENTRIES);
  const room = SITREP_ENTRIES - first.length;
  const rest = room > 0 ? entries.filter((e) => !telling(e)).slice(-room) : [];
  const kept = new Set([...first, ...rest]);
  return entries.filter((e) => kept.has(e));
}

const byDue = (a: { dueAt: number | null }, b: { dueAt: number | null }) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity);
