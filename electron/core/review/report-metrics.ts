import type { Database } from 'better-sqlite3';
import { carriesKeyMessage } from '../../../shared/key-message-match';
import type { Incident, IncidentStatus } from '../../../shared/domain';
import { CLOSED_ENQUIRY_STATUSES, type EnquiryStatus } from '../../../shared/enquiries';
import { heardFirst, type StakeholderStatus } from '../../../shared/stakeholders';
import { PEAK_SHARE_MIN_RATED, RECOVERY_MARGIN, type ApprovalWait, type ReportMetrics, type Span } from '../../../shared/review';
import { DEFAULT_CADENCE_MINUTES, UPDATE_CADENCE_MINUTES } from '../../../shared/update-timer';
import type { Claim } from '../../../shared/claims';
import { channelMetrics, impostorMetrics } from './channel-metrics';
import { HOUR, hourlyCounts, median, rated, sentimentWindow, total, type Hour } from './hourly-counts';

const between = (from: number | null, to: number | null): Span => (from === null || to === null ? null : to - from);

/** The crisis's own clock: when it started (the first spike or detection) and ended (resolution or closing). */
export function crisisWindow(incident: Incident, firstSpikeAt: number | null, now: number): { start: number; end: number | null; until: number } {
  const starts = [firstSpikeAt, incident.detectedAt].filter((t): t is number => t !== null);
  const start = starts.length ? Math.min(...starts) : (incident.openedAt ?? incident.createdAt);
  const end = incident.resolvedAt ?? incident.closedAt;
  return { start, end, until: end ?? now };
}

/**
 * The after-action figures, computed from the record each time (never stored, so they cannot disagree with it).
 * Mention figures come from the chart rollups (completed imports, by the hour); the rest from the timeline, the
 * statements' decisions, tasks and replies.
 */
export class ReportMetricsQuery {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    /** The incident's claims with their spread, as the claims' service counts and keeps them (not counted again here). */
    private readonly claimsOf: (incidentId: string) => Claim[],
  ) {}

  /** `hours`: the incident's hourly counts when the caller already read them (for the chart or a curve). */
  compute(incident: Incident, hours: readonly Hour[] = hourlyCounts(this.db, incident.id)): ReportMetrics {
    const id = incident.id;
    const firstSpikeAt = this.scalar("SELECT MIN(window_start) FROM alerts WHERE incident_id = ? AND kind IN ('volume', 'negative_share')", id);
    const detectedAt = incident.detectedAt ?? incident.openedAt;
    const firstPublicUpdateAt = this.scalar("SELECT MIN(occurred_at) FROM timeline_entries WHERE incident_id = ? AND kind = 'public_update'", id);
    const firstMentionResponseAt = this.scalar('SELECT MIN(at) FROM mention_responses WHERE incident_id = ?', id);
    const { firstDraftAt, firstApprovedAt } = this.statementTimes(id);
    const window = crisisWindow(incident, firstSpikeAt, this.now());
    const peakNegative = peakNegativeShare(hours);
    const before = sentimentWindow(hours, -Infinity, window.start);
    const after = window.end === null ? null : sentimentWindow(hours, window.end, Infinity);
    return {
      firstSpikeAt,
      detectedAt,
      firstPublicUpdateAt,
      spikeToDetectionMs: between(firstSpikeAt, detectedAt),
      spikeToAcknowledgementMs: between(firstSpikeAt, firstPublicUpdateAt),
      detectionToAcknowledgementMs: between(detectedAt, firstPublicUpdateAt),
      firstMentionResponseAt,
      detectionToFirstResponseMs: between(detectedAt, firstMentionResponseAt),
      medianResponseMs: this.medianResponse(id),
      firstDraftAt,
      firstApprovedAt,
      draftToApprovedMs: between(firstDraftAt, firstApprovedAt),
      approvalWaits: this.approvalWaits(id),
      mentions: hours.reduce((n, h) => n + total(h), 0),
      peakHour: peakHour(hours),
      peakNegativeShare: peakNegative,
      negativeReach: this.negativeReach(id),
      phases: this.phases(incident),
      sentiment: { before, during: sentimentWindow(hours, window.start, window.until), after },
      recovered: after && before.negativeShare !== null && after.negativeShare !== null ? after.negativeShare <= before.negativeShare + RECOVERY_MARGIN : null,
      recoveryMs: recovery(hours, peakNegative?.at ?? null, before.negativeShare),
      shareOfVoice: this.shareOfVoice(id, window.start, window.end),
      triage: this.triage(id),
      tasks: this.tasks(id, incident.closedAt ?? this.now()),
      publicUpdates: this.publicUpdates(incident, window.until),
      press: this.press(id),
      stakeholders: this.stakeholders(id, firstPublicUpdateAt, incident.closedAt ?? this.now()),
      claims: this.claims(id),
      channels: channelMetrics(this.db, id, detectedAt, incident.closedAt ?? this.now()),
      impostors: impostorMetrics(this.db, id),
    };
  }

  /** Statements: the first draft, and the first time any statement completed its approval chain. */
  private statementTimes(id: string): { firstDraftAt: number | null; firstApprovedAt: number | null } {
    return {
      firstDraftAt: this.scalar('SELECT MIN(created_at) FROM statements WHERE incident_id = ?', id),
      firstApprovedAt: this.scalar(`SELECT MIN(d.at) FROM statement_decisions d JOIN statements s ON s.id = d.statement_id
        WHERE s.incident_id = ? AND d.decision = 'approved' AND d.step = json_array_length(s.chain)`, id),
    };
  }

  /**
   * Each decision's wait, from the audit trail: a version reaches step 1 when submitted and step k+1 when step k
   * approves it; the wait is from then to the decision.
   */
  private approvalWaits(id: string): ApprovalWait[] {
    const rows = this.db
      .prepare(`SELECT statement_id, action, at, payload FROM audit_log WHERE incident_id = ? AND action IN ('submit', 'approve', 'reject', 'request_changes') ORDER BY seq`)
      .all(id) as { statement_id: string; action: string; at: number; payload: string }[];
    const reached = new Map<string, number>();
    const waits = new Map<string, { step: number; roleId: string; ms: number[] }>();
    for (const r of rows) {
      const p = JSON.parse(r.payload) as { version: number; step?: number; role?: string };
      if (r.action === 'submit') {
        reached.set(`${r.statement_id}/${p.version}/1`, r.at);
        continue;
      }
      const since = reached.get(`${r.statement_id}/${p.version}/${p.step}`);
      if (since === undefined || p.step === undefined) continue;
      const key = `${p.step}/${p.role}`;
      if (!waits.has(key)) waits.set(key, { step: p.step, roleId: p.role ?? '', ms: [] });
      waits.get(key)!.ms.push(r.at - since);
      if (r.action === 'approve') reached.set(`${r.statement_id}/${p.version}/${p.step + 1}`, r.at);
    }
    return [...waits.values()]
      .sort((a, b) => a.step - b.step || a.roleId.localeCompare(b.roleId))
      .map((w) => ({ step: w.step, roleId: w.roleId, roleName: this.roleName(w.roleId), decisions: w.ms.length, medianMs: median(w.ms)!, maxMs: Math.max(...w.ms) }));
  }

  private medianResponse(id: string): Span {
    const rows = this.db
      .prepare(`SELECT MIN(r.at) - m.published_at AS ms FROM mention_responses r JOIN mentions m ON m.id = r.mention_id
        WHERE r.incident_id = ? GROUP BY r.mention_id`)
      .pluck()
      .all(id) as number[];
    return median(rows);
  }

  private negativeReach(id: string): number {
    return this.scalar(`SELECT SUM(m.reach) FROM mentions m JOIN import_batches b ON b.id = m.batch_id AND b.status = 'complete'
      WHERE m.incident_id = ? AND m.sentiment = -1`, id) ?? 0;
  }

  /** Time in each status, from the recorded status changes; the current status runs to now (closed is the end). */
  private phases(incident: Incident): { status: IncidentStatus; ms: number }[] {
    const changes = this.db
      .prepare("SELECT old_value, new_value, changed_at FROM incident_changes WHERE incident_id = ? AND field = 'status' ORDER BY changed_at, id")
      .all(incident.id) as { old_value: IncidentStatus; new_value: IncidentStatus; changed_at: number }[];
    let status: IncidentStatus = changes[0]?.old_value ?? incident.status;
    let since = incident.openedAt ?? incident.createdAt;
    const spent = new Map<IncidentStatus, number>();
    for (const c of [...changes, { old_value: incident.status, new_value: incident.status, changed_at: this.now() }]) {
      if (status !== 'closed') spent.set(status, (spent.get(status) ?? 0) + Math.max(0, c.changed_at - since));
      status = c.new_value;
      since = c.changed_at;
    }
    return [...spent].map(([s, ms]) => ({ status: s, ms }));
  }

  /** The brand's share of brand + competitor mentions before the crisis and after it ended. */
  private shareOfVoice(id: string, start: number, end: number | null): ReportMetrics['shareOfVoice'] {
    const topics = this.db.prepare("SELECT id, kind FROM incident_topics WHERE incident_id = ? AND kind IN ('brand', 'competitor')").all(id) as { id: number; kind: string }[];
    if (!topics.some((t) => t.kind === 'brand') || !topics.some((t) => t.kind === 'competitor')) return null;
    const share = (from: number, to: number): number | null => {
      let brand = 0;
      let all = 0;
      for (const t of topics) {
        const n = sentimentWindow(hourlyCounts(this.db, id, t.id), from, to).mentions;
        all += n;
        if (t.kind === 'brand') brand += n;
      }
      return all ? brand / all : null;
    };
    return { before: share(-Infinity, start), after: end === null ? null : share(end, Infinity) };
  }

  private triage(id: string): ReportMetrics['triage'] {
    const states = this.db
      .prepare("SELECT triage_state AS state, COUNT(*) AS n FROM mentions WHERE incident_id = ? AND triage_state != 'new' GROUP BY triage_state")
      .all(id) as { state: string; n: number }[];
    const n = (s: string) => states.find((r) => r.state === s)?.n ?? 0;
    const mentions = this.scalar("SELECT SUM(count) FROM mention_facets WHERE incident_id = ? AND facet = 'platform'", id) ?? 0;
    const replies = this.db
      .prepare('SELECT COUNT(*) AS replies, COUNT(statement_id) AS approvedWording, COALESCE(SUM(edited), 0) AS editedWording FROM mention_responses WHERE incident_id = ?')
      .get(id) as { replies: number; approvedWording: number; editedWording: number };
    return { mentions, triaged: states.reduce((sum, r) => sum + r.n, 0), responded: n('responded'), escalated: n('escalated'), ...replies };
  }

  private tasks(id: string, asOf: number): ReportMetrics['tasks'] {
    const rows = this.db.prepare('SELECT status, due_at, done_at FROM tasks WHERE incident_id = ?').all(id) as { status: string; due_at: number | null; done_at: number | null }[];
    const late = (r: (typeof rows)[number], at: number) => r.due_at !== null && at > r.due_at;
    return {
      total: rows.filter((r) => r.status !== 'cancelled').length,
      done: rows.filter((r) => r.status === 'done').length,
      doneLate: rows.filter((r) => r.status === 'done' && r.done_at !== null && late(r, r.done_at)).length,
      openLate: rows.filter((r) => (r.status === 'todo' || r.status === 'doing') && late(r, asOf)).length,
      cancelled: rows.filter((r) => r.status === 'cancelled').length,
    };
  }

  private press(id: string): ReportMetrics['press'] {
    const rows = this.db.prepare('SELECT status, received_at, deadline_at, closed_at, answer FROM enquiries WHERE incident_id = ?').all(id) as
      { status: EnquiryStatus; received_at: number; deadline_at: number | null; closed_at: number | null; answer: string }[];
    const closed = rows.filter((r) => CLOSED_ENQUIRY_STATUSES.includes(r.status) && r.closed_at !== null);
    // One voice: the key messages as they stand, against what each outlet was told (the statements' matching).
    const keyMessages = (this.db.prepare('SELECT text FROM key_messages WHERE incident_id = ? AND retired_at IS NULL').all(id) as { text: string }[]).map((k) => k.text);
    const answered = rows.filter((r) => r.status === 'answered');
    return {
      received: rows.length,
      closed: closed.length,
      closedLate: closed.filter((r) => r.deadline_at !== null && r.closed_at! > r.deadline_at).length,
      open: rows.length - closed.length,
      medianAnswerMs: median(closed.map((r) => r.closed_at! - r.received_at)),
      keyMessages: keyMessages.length
        ? { answered: answered.length, carrying: answered.filter((r) => keyMessages.some((k) => carriesKeyMessage(r.answer, k))).length }
        : null,
    };
  }

  private stakeholders(id: string, firstPublicAt: number | null, asOf: number): ReportMetrics['stakeholders'] {
    const rows = this.db.prepare('SELECT status, due_at, closed_at FROM stakeholders WHERE incident_id = ?').all(id) as
      { status: StakeholderStatus; due_at: number | null; closed_at: number | null }[];
    const informed = rows.filter((r) => r.status === 'informed' && r.closed_at !== null);
    return {
      listed: rows.length,
      informed: informed.length,
      beforePublic: informed.filter((r) => heardFirst(r.closed_at!, firstPublicAt)).length,
      late: informed.filter((r) => r.due_at !== null && r.closed_at! > r.due_at).length
        + rows.filter((r) => r.status === 'to_inform' && r.due_at !== null && r.due_at < asOf).length,
    };
  }

  /** The claims answered, whether fewer mentions carried each after its answer, and how long from its first mention to the answer. */
  private claims(id: string): ReportMetrics['claims'] {
    const claims = this.claimsOf(id);
    const answered = claims.filter((c) => c.status === 'answered' && c.closedAt !== null).map((c) => ({ at: c.closedAt!, spread: c.spread }));
    return {
      logged: claims.length,
      answered: answered.length,
      slowed: answered.filter(({ spread: { afterAnswer } }) => afterAnswer !== null && afterAnswer.after < afterAnswer.before).length,
      medianToAnswerMs: median(answered.flatMap(({ at, spread }) => (spread.firstSeen === null ? [] : [at - spread.firstSeen]))),
    };
  }

  /**
   * Each public update against the cadence of the incident's level, counted from the opening or the update before;
   * a gap longer than the cadence at the end of the live period is a missed update.
   */
  private publicUpdates(incident: Incident, until: number): ReportMetrics['publicUpdates'] {
    const cadenceMinutes = incident.level ? UPDATE_CADENCE_MINUTES[incident.level] : DEFAULT_CADENCE_MINUTES;
    const cadence = cadenceMinutes * 60_000;
    const opened = incident.openedAt ?? incident.createdAt;
    const times = this.db
      .prepare("SELECT occurred_at FROM timeline_entries WHERE incident_id = ? AND kind = 'public_update' ORDER BY occurred_at")
      .pluck()
      .all(incident.id) as number[];
    const live = times.filter((at) => at >= opened && at <= until);
    let prev = opened;
    let onTime = 0;
    let late = 0;
    for (const at of live) {
      if (at - prev <= cadence) onTime++;
      else late++;
      prev = at;
    }
    return { total: live.length, onTime, late, missed: until - prev > cadence ? 1 : 0, cadenceMinutes };
  }

  private roleName(id: string): string {
    return (this.db.prepare('SELECT name FROM roles WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
  }

  private scalar(sql: string, ...params: unknown[]): number | null {
    return (this.db.prepare(sql).pluck().get(...params) as number | null | undefined) ?? null;
  }
}

function peakHour(hours: readonly Hour[]): ReportMetrics['peakHour'] {
  let best: Hour | null = null;
  for (const h of hours) if (!best || total(h) > total(best)) best = h;
  return best ? { at: best.hour * HOUR, mentions: total(best) } : null;
}

function peakNegativeShare(hours: readonly Hour[]): ReportMetrics['peakNegativeShare'] {
  let best: ReportMetrics['peakNegativeShare'] = null;
  for (const h of hours) {
    const r = rated(h);
    if (r < PEAK_SHARE_MIN_RATED) continue;
    const share = h.negative / r;
    if (!best || share > best.share) best = { at: h.hour * HOUR, share, rated: r };
  }
  return best;
}

/** From the peak negative hour to the first later hour (big enough to judge) back within the margin of before. */
function recovery(hours: readonly Hour[], peakAt: number | null, baseline: number | null): Span {
  if (peakAt === null || baseline === null) return null;
  const back = hours.find((h) => h.hour * HOUR > peakAt && rated(h) >= PEAK_SHARE_MIN_RATED && h.negative / rated(h) <= baseline + RECOVERY_MARGIN);
  return back ? back.hour * HOUR - peakAt : null;
}
