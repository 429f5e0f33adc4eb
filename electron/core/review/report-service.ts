import type { Database } from 'better-sqlite3';
import type { SystemLine } from '../../../shared/analytics';
import type { Actor, Incident } from '../../../shared/domain';
import type { Task } from '../../../shared/plan';
import type { AfterActionReport, AlignedPoint, ComparedIncident, PastCrisis, ReportEvent, ReportSeries, Review, ReviewInput } from '../../../shared/review';
import type { AlertService } from '../alerts/alert-service';
import type { EnquiryService } from '../enquiries/enquiry-service';
import type { StakeholderService } from '../stakeholders/stakeholder-service';
import type { ClaimService } from '../claims/claim-service';
import type { ChannelService } from '../channels/channel-service';
import type { ImpostorService } from '../channels/impostor-service';
import type { EventBus } from '../events';
import type { IncidentService } from '../incidents/incident-service';
import type { TaskInput, TaskService } from '../plan/task-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { notFound } from '../said-error';
import { HOUR, hourlyCounts, rated, total, type Hour } from './hourly-counts';
import { crisisWindow, ReportMetricsQuery } from './report-metrics';
import { ReviewRepo } from './review-repo';

const DAY = 24 * HOUR;
/** The combined chart stays readable: hours for a week, six-hour buckets for a month, days beyond. */
const bucketFor = (spanMs: number): number => (spanMs <= 7 * DAY ? HOUR : spanMs <= 31 * DAY ? 6 * HOUR : DAY);

export type PastCrisisFilter = { search?: string; level?: 1 | 2 | 3 | 4; crisisType?: Incident['crisisType']; closedFrom?: number; closedTo?: number };

/** The after-action report of an incident, the archive of closed crises, and their comparison. */
export class ReportService {
  private readonly metrics: ReportMetricsQuery;
  readonly reviews: ReviewRepo;

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly incidents: IncidentService,
    private readonly tasks: TaskService,
    private readonly record: { enquiries: EnquiryService; stakeholders: StakeholderService; claims: ClaimService; channels: ChannelService; impostors: ImpostorService; timeline: TimelineRepo; alerts: AlertService },
    private readonly now: () => number,
  ) {
    this.metrics = new ReportMetricsQuery(db, now, (id) => record.claims.list(id));
    this.reviews = new ReviewRepo(db);
  }

  get(incidentId: string): AfterActionReport {
    const incident = this.incidents.get(incidentId);
    const hours = hourlyCounts(this.db, incidentId);
    return {
      incident,
      generatedAt: this.now(),
      metrics: this.metrics.compute(incident, hours),
      series: series(hours),
      events: this.events_(incidentId),
      review: this.reviews.get(incidentId),
      actionItems: this.tasks.list(incidentId).filter((t) => t.fromReview),
      // The press log in the order the enquiries came: what the brand told each outlet, and when.
      enquiries: this.record.enquiries.list(incidentId).sort((a, b) => a.receivedAt - b.receivedAt || a.id - b.id),
      stakeholders: this.record.stakeholders.list(incidentId).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id),
      claims: this.record.claims.list(incidentId).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id),
      channels: this.record.channels.list(incidentId).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id),
      impostors: this.record.impostors.list(incidentId).sort((a, b) => a.spottedAt - b.spottedAt || a.id - b.id),
      timeline: this.record.timeline.chronology(incidentId),
      alerts: this.record.alerts.all(incidentId),
      playbookNames: Object.fromEntries((this.db.prepare('SELECT id, name FROM playbooks').all() as { id: string; name: string }[]).map((p) => [p.id, p.name])),
    };
  }

  saveReview(incidentId: string, input: ReviewInput, actor: Actor): Review {
    this.incidents.get(incidentId);
    for (const l of input.lessons) {
      if (l.playbookId && !this.db.prepare('SELECT 1 FROM playbooks WHERE id = ?').get(l.playbookId)) {
        throw notFound('playbook', l.playbookId);
      }
    }
    this.db.transaction(() => this.reviews.save(incidentId, input, actor, this.now()))();
    this.events.publish({ type: 'review.changed', incidentId });
    return this.reviews.get(incidentId);
  }

  /** An action item is a task of the incident, so it is owned, due and tracked like every other. */
  addActionItem(incidentId: string, input: TaskInput, actor: Actor): Task {
    this.incidents.get(incidentId);
    const task = this.tasks.add(incidentId, input, actor, { fromReview: true });
    this.events.publish({ type: 'plan.changed', incidentId });
    this.events.publish({ type: 'review.changed', incidentId });
    return task;
  }

  /** Closed incidents (archived or not) with their key figures, most recently closed first. */
  pastCrises(f: PastCrisisFilter): PastCrisis[] {
    const list = [false, true].flatMap((archived) => this.incidents.list({ status: 'closed', archived, level: f.level, crisisType: f.crisisType ?? undefined, search: f.search, limit: 1000 }));
    return list
      .filter((i) => (f.closedFrom === undefined || (i.closedAt ?? 0) >= f.closedFrom) && (f.closedTo === undefined || (i.closedAt ?? 0) < f.closedTo))
      .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0))
      .map((incident) => {
        const m = this.metrics.compute(incident);
        const w = crisisWindow(incident, m.firstSpikeAt, this.now());
        return {
          incident,
          mentions: m.mentions,
          peakHourMentions: m.peakHour?.mentions ?? null,
          negativeShare: m.sentiment.during.negativeShare,
          detectionToAcknowledgementMs: m.detectionToAcknowledgementMs,
          durationMs: w.end === null ? null : w.end - w.start,
          hasReview: this.reviews.has(incident.id),
        };
      });
  }

  /** Incidents side by side: their metrics and hourly curves counted from detection (hour 0). */
  compare(ids: readonly string[]): ComparedIncident[] {
    return ids.map((id) => {
      const incident = this.incidents.get(id);
      const hours = hourlyCounts(this.db, id);
      const metrics = this.metrics.compute(incident, hours);
      const zero = metrics.detectedAt ?? crisisWindow(incident, metrics.firstSpikeAt, this.now()).start;
      return { incident, metrics, curve: aligned(hours, zero) };
    });
  }

  /**
   * Key timeline events and published statements, for the combined chart. A publication is also a key event on the
   * timeline (its public update); it is listed once, as a publication.
   */
  private events_(incidentId: string): ReportEvent[] {
    const key = this.db
      .prepare(`SELECT occurred_at AS at, text, json_extract(ref, '$.line') AS line FROM timeline_entries WHERE incident_id = ? AND key_event = 1
        AND NOT (kind = 'public_update' AND json_extract(ref, '$.statementId') IS NOT NULL) ORDER BY occurred_at`)
      .all(incidentId) as { at: number; text: string; line: string | null }[];
    const published = this.db
      .prepare(`SELECT p.published_at AS at, v.title AS text, p.channel FROM statement_publications p
        JOIN statements s ON s.id = p.statement_id JOIN statement_versions v ON v.statement_id = p.statement_id AND v.version = p.version
        WHERE s.incident_id = ? ORDER BY p.published_at`)
      .all(incidentId) as { at: number; text: string; channel: string }[];
    const keyEvents = key.map(({ line, ...e }): ReportEvent => ({ ...e, kind: 'key_event', ...(line ? { line: JSON.parse(line) as SystemLine } : {}) }));
    return [...keyEvents, ...published.map((e) => ({ ...e, kind: 'statement' as const }))].sort((a, b) => a.at - b.at);
  }
}

/** Volume by sentiment and net sentiment per bucket, gaps filled so the line shows quiet hours as zero. */
export function series(hours: readonly Hour[]): ReportSeries {
  if (!hours.length) return { bucketMs: HOUR, points: [] };
  const first = hours[0].hour * HOUR;
  const bucketMs = bucketFor(hours[hours.length - 1].hour * HOUR - first);
  const start = Math.floor(first / bucketMs) * bucketMs;
  const buckets = new Map<number, Hour>();
  for (const h of hours) {
    const at = Math.floor((h.hour * HOUR) / bucketMs) * bucketMs;
    const b = buckets.get(at) ?? { hour: at / HOUR, negative: 0, neutral: 0, positive: 0, unrated: 0 };
    b.negative += h.negative;
    b.neutral += h.neutral;
    b.positive += h.positive;
    b.unrated += h.unrated;
    buckets.set(at, b);
  }
  const end = Math.max(...buckets.keys());
  const points = [];
  for (let at = start; at <= end; at += bucketMs) {
    const b = buckets.get(at);
    const r = b ? rated(b) : 0;
    points.push({ at, total: b ? total(b) : 0, negative: b?.negative ?? 0, neutral: b?.neutral ?? 0, positive: b?.positive ?? 0, net: b && r ? (b.positive - b.negative) / r : null });
  }
  return { bucketMs, points };
}

/** Hourly mentions and negative share, from 24 hours before detection to 7 days after it. */
function aligned(hours: readonly Hour[], zero: number): AlignedPoint[] {
  const byHour = new Map(hours.map((h) => [Math.floor((h.hour * HOUR - zero) / HOUR), h]));
  const points: AlignedPoint[] = [];
  const present = [...byHour.keys()];
  if (!present.length) return points;
  const from = Math.max(-24, Math.min(...present));
  const to = Math.min(7 * 24, Math.max(...present));
  for (let hour = from; hour <= to; hour++) {
    const h = byHour.get(hour);
    points.push({ hour, mentions: h ? total(h) : 0, negativeShare: h && rated(h) ? h.negative / rated(h) : null });
  }
  return points;
}
