import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { OPEN_STATES, TRIAGE_TRANSITIONS, type MentionResponse, type ReplyWording, type TriageCounts, type TriageEvent, type TriageItem, type TriageState } from '../../../shared/triage';
import { filterSql, rankNarrow, withSearch, type MentionFilter } from '../mentions/mention-query';
import { MENTION_COLUMNS, toMention, type MentionRow } from '../mentions/mention-row';
import { notFound, saidError } from '../said-error';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { systemLine } from '../timeline/system-line';
import { checkWording, replyWordings, type ReplyTarget } from './reply-wording';

/** Minutes a mention may wait for a response before it counts as overdue, by crisis level (unclassified: 60). */
const RESPONSE_MINUTES: Record<number, number> = { 1: 120, 2: 60, 3: 30, 4: 30 };
const SIX_HOURS = 21_600_000;

/**
 * The priority of a mention, 0-100, in parts the UI can explain: negativity (up to 40), reach or followers on a log
 * scale (up to 30), recency (up to 20, halving about every four hours), and 10 for an account above the incident's
 * influencer threshold.
 */
const PARTS = {
  p_negativity: 'CASE m.sentiment WHEN -1 THEN 40 WHEN 0 THEN 10 WHEN 1 THEN 0 ELSE 20 END',
  p_reach: 'MIN(30, 5 * log10(1 + MAX(COALESCE(m.reach, 0), COALESCE(m.author_followers, 0))))',
  p_recency: `20 * exp(-MAX(0, @now - m.published_at) / ${SIX_HOURS}.0)`,
  p_influencer: 'CASE WHEN COALESCE(m.author_followers, 0) >= @threshold THEN 10 ELSE 0 END',
};
const PARTS_SQL = Object.entries(PARTS).map(([alias, expr]) => `${expr} AS ${alias}`).join(', ');
const PRIORITY_ORDER = `ORDER BY ${Object.values(PARTS).join(' + ')} DESC, m.published_at DESC, m.id DESC`;

type QueueRow = MentionRow & { triage_state: TriageState; triage_assignee: string | null; triage_at: number | null; p_negativity: number; p_reach: number; p_recency: number; p_influencer: number };

const round = (n: number) => Math.round(n * 10) / 10;

/** Mentions escalated together in one incident, for whoever must follow them up. */
export type Escalation = { incidentId: string; mentionIds: number[]; quote: string; note: string; actor: Actor; at: number };

/** Mention triage: a queue by priority, states with a kept history, responses, escalation onto the timeline. */
export class TriageService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly followerThreshold: (incidentId: string) => number,
    private readonly now: () => number = Date.now,
    /** Called inside the escalation's transaction, so the follow-up task exists exactly when the escalation does. */
    private readonly onEscalated: (e: Escalation) => void = () => undefined,
  ) {}

  /**
   * Open mentions (or the given states) matching the explorer's filter, highest priority first. Every candidate is
   * ranked, so the ranking reads the narrow `mention_facts` copy where it can (see rankNarrow; an assignee filter
   * needs the mention rows) and only the page's rows are read in full.
   */
  queue(input: MentionFilter, opts: { states?: TriageState[]; assignee?: string; limit: number }): TriageItem[] {
    const f = withSearch(this.db, input);
    const { from, sql, params } = filterSql(f, { narrow: opts.assignee ? false : rankNarrow(this.db, f) ? 'always' : true });
    const states = opts.states?.length ? opts.states : OPEN_STATES;
    const stateSql = `m.triage_state IN (${states.map((s, i) => ((params[`s${i}`] = s), `@s${i}`)).join(', ')})`;
    const assigneeSql = opts.assignee ? ' AND m.triage_assignee = @assignee' : '';
    const rows = this.db
      .prepare(`SELECT ${MENTION_COLUMNS}, m.triage_state, m.triage_assignee, m.triage_at, ${PARTS_SQL} FROM mentions m
        WHERE m.id IN (SELECT m.id FROM ${from} WHERE ${sql} AND ${stateSql}${assigneeSql} ${PRIORITY_ORDER} LIMIT @limit) ${PRIORITY_ORDER}`)
      .all({ ...params, now: this.now(), threshold: this.followerThreshold(f.incidentId), limit: opts.limit, assignee: opts.assignee }) as QueueRow[];
    return rows.map((r) => {
      const parts = { negativity: r.p_negativity, reach: round(r.p_reach), recency: round(r.p_recency), influencer: r.p_influencer };
      return {
        ...toMention(r), triageState: r.triage_state, triageAssignee: r.triage_assignee, triageAt: r.triage_at, parts,
        priority: round(parts.negativity + parts.reach + parts.recency + parts.influencer),
      };
    });
  }

  /**
   * Moves mentions to a state, all or none: one mention that cannot make the move refuses the whole call, naming it.
   * Escalating also writes an action on the incident's timeline, linked to the mentions.
   */
  setState(mentionIds: readonly number[], to: TriageState, actor: Actor, opts: { assignee?: string | null; note?: string } = {}): { updated: number; incidentIds: string[] } {
    const at = this.now();
    const incidents = new Set<string>();
    this.db.transaction(() => {
      const escalated: { incidentId: string; id: number; text: string }[] = [];
      for (const id of new Set(mentionIds)) {
        const m = this.mention(id);
        if (m.triage_state !== to && !TRIAGE_TRANSITIONS[m.triage_state].includes(to)) {
          // Quoted, since the refusal may be one mention of a whole selection.
          const quote = m.text.length > 60 ? `${m.text.slice(0, 59)}…` : m.text;
          throw saidError('INVALID_TRANSITION', 'triageState', { quote, triageFrom: m.triage_state, triageTo: to }, { mentionId: id, from: m.triage_state, to });
        }
        const assignee = opts.assignee === undefined ? m.triage_assignee : opts.assignee;
        this.write(m, to, assignee, opts.note ?? null, actor, at);
        incidents.add(m.incident_id);
        if (to === 'escalated' && m.triage_state !== 'escalated') escalated.push({ incidentId: m.incident_id, id, text: m.text });
      }
      for (const [incidentId, list] of groupBy(escalated, (e) => e.incidentId)) {
        const quote = list[0].text.length > 200 ? `${list[0].text.slice(0, 199)}…` : list[0].text;
        const { text, line } = systemLine('escalated', { count: list.length, quote }, opts.note);
        this.timeline.add({
          incidentId, kind: 'action', author: actor.name, role: actor.role, occurredAt: at, tags: ['escalated'], text, ref: { mentionIds: list.map((e) => e.id).slice(0, 100), line },
        });
        this.onEscalated({ incidentId, mentionIds: list.map((e) => e.id), quote, note: opts.note ?? '', actor, at });
      }
    })();
    return { updated: new Set(mentionIds).size, incidentIds: [...incidents] };
  }

  /** Opening a new mention marks it read (and nothing else). */
  markRead(id: number, actor: Actor): void {
    const m = this.mention(id);
    if (m.triage_state === 'new') this.db.transaction(() => this.write(m, 'read', m.triage_assignee, null, actor, this.now()))();
  }

  assign(mentionIds: readonly number[], assignee: string | null, actor: Actor): { updated: number; incidentIds: string[] } {
    const at = this.now();
    const incidents = new Set<string>();
    this.db.transaction(() => {
      for (const id of new Set(mentionIds)) {
        const m = this.mention(id);
        this.write(m, m.triage_state, assignee, null, actor, at);
        incidents.add(m.incident_id);
      }
    })();
    return { updated: new Set(mentionIds).size, incidentIds: [...incidents] };
  }

  /**
   * The reply as sent: text, platform, who, when; the mention becomes "responded". `wording`: the approved statement
   * it was taken from, checked to be approved still at that version (see checkWording).
   */
  respond(mentionId: number, text: string, platform: string | undefined, actor: Actor, wording?: { statementId: string; version: number }): MentionResponse {
    const m = this.mention(mentionId);
    const at = this.now();
    return this.db.transaction(() => {
      const edited = wording ? checkWording(this.db, m, wording, text).edited : null;
      const r = this.db
        .prepare('INSERT INTO mention_responses (mention_id, incident_id, text, platform, by, at, statement_id, statement_version, edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(mentionId, m.incident_id, text, platform ?? m.platform, actor.name, at, wording?.statementId ?? null, wording?.version ?? null, edited === null ? null : Number(edited));
      this.write(m, 'responded', m.triage_assignee, null, actor, at);
      return this.responses('r.id = ?', Number(r.lastInsertRowid))[0];
    })();
  }

  /** The approved statements a responder may answer this mention with, filled for it (see replyWordings). */
  wordings(mentionId: number): ReplyWording[] {
    return replyWordings(this.db, this.mention(mentionId));
  }

  history(mentionId: number): { events: TriageEvent[]; responses: MentionResponse[] } {
    this.mention(mentionId);
    const events = this.db
      .prepare('SELECT from_state AS fromState, to_state AS toState, assignee, note, by, at FROM triage_events WHERE mention_id = ? ORDER BY id')
      .all(mentionId) as TriageEvent[];
    return { events, responses: this.responses('r.mention_id = ?', mentionId) };
  }

  private responses(where: string, id: number): MentionResponse[] {
    const rows = this.db
      .prepare(`SELECT r.id, r.text, r.platform, r.by, r.at, r.statement_id, r.statement_version, r.edited, v.title FROM mention_responses r
        LEFT JOIN statement_versions v ON v.statement_id = r.statement_id AND v.version = r.statement_version WHERE ${where} ORDER BY r.id`)
      .all(id) as { id: number; text: string; platform: string; by: string; at: number; statement_id: string | null; statement_version: number | null; edited: number | null; title: string | null }[];
    return rows.map((r) => ({
      id: r.id, text: r.text, platform: r.platform, by: r.by, at: r.at,
      wording: r.statement_id === null ? null : { statementId: r.statement_id, version: r.statement_version ?? 0, title: r.title ?? '', edited: r.edited === 1 },
    }));
  }

  /** Unread = mentions nobody has triaged yet: the total less the (few) triaged ones, which an index lists. */
  counts(incidentId: string, level: number | null): TriageCounts {
    const total = this.db.prepare("SELECT COALESCE(SUM(count), 0) FROM mention_facets WHERE incident_id = ? AND facet = 'platform'").pluck().get(incidentId) as number;
    const rows = this.db
      .prepare("SELECT triage_state AS state, COUNT(*) AS n FROM mentions INDEXED BY mentions_triaged WHERE incident_id = ? AND triage_state != 'new' GROUP BY 1")
      .all(incidentId) as { state: TriageState; n: number }[];
    const by = Object.fromEntries(rows.map((r) => [r.state, r.n])) as Partial<Record<TriageState, number>>;
    const triaged = rows.reduce((n, r) => n + r.n, 0);
    const due = this.now() - (RESPONSE_MINUTES[level ?? 0] ?? 60) * 60_000;
    // `!= 'new'` repeats the partial index's condition: SQLite uses a partial index only when the query says so.
    const overdue = this.db
      .prepare("SELECT COUNT(*) FROM mentions INDEXED BY mentions_triaged WHERE incident_id = ? AND triage_state != 'new' AND triage_state = 'needs_response' AND triage_at < ?")
      .pluck()
      .get(incidentId, due) as number;
    return { unread: total - triaged, awaiting: (by.needs_response ?? 0) + (by.escalated ?? 0), responded: by.responded ?? 0, overdue };
  }

  private mention(id: number): ReplyTarget & { id: number; text: string; triage_state: TriageState; triage_assignee: string | null } {
    const m = this.db
      .prepare('SELECT id, incident_id, platform, lang AS language, author, author_handle, text, triage_state, triage_assignee FROM mentions WHERE id = ?')
      .get(id) as ReturnType<TriageService['mention']> | undefined;
    if (!m) throw notFound('mention', id);
    return m;
  }

  private write(m: { id: number; incident_id: string; triage_state: TriageState }, to: TriageState, assignee: string | null, note: string | null, actor: Actor, at: number): void {
    this.db.prepare('UPDATE mentions SET triage_state = ?, triage_assignee = ?, triage_at = ? WHERE id = ?').run(to, assignee, at, m.id);
    this.db
      .prepare('INSERT INTO triage_events (mention_id, incident_id, from_state, to_state, assignee, note, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(m.id, m.incident_id, m.triage_state, to, assignee, note, actor.name, at);
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
