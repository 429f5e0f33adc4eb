import type { Database } from 'better-sqlite3';
import { sentimentValue } from '../../../shared/sentiment';
import { DAY, FIVE_MIN, HOUR, UNRATED, facetValues } from '../mentions/mention-counts';
import { factsCanAnswer, filterSql, hasSearch, type MentionFilter } from '../mentions/mention-query';

export type Grouping = { by: 'time'; size: number; tz: number } | { by: 'platform' | 'lang' | 'none' };
export type CountRow = { k: number | string; s: number | null; n: number };
type Piece = { unit: number; from: number; to: number };

/** Filters the rollups can answer: everything but text, author, link and batch. */
export function rollupCompatible(f: MentionFilter): boolean {
  return !hasSearch(f) && factsCanAnswer(f);
}

/**
 * [from, to) cut into whole units, largest first, with the uneven ends cut by the next unit down and, below the
 * smallest, read from the mentions themselves: e.g. 10:20 → 3 days later 14:10 = mentions 10:20-11:00, hours
 * 11:00-00:00, days, hours 00:00-14:00, mentions 14:00-14:10. Exact at any boundary, and only the edges touch rows.
 */
export function splitRange(from: number, to: number, units: readonly number[]): Piece[] {
  if (from >= to) return [];
  if (!units.length) return [{ unit: 0, from, to }];
  const [unit, ...rest] = units;
  const a = Math.ceil(from / unit) * unit;
  const b = Math.floor(to / unit) * unit;
  if (a >= b) return splitRange(from, to, rest);
  return [...splitRange(from, a, rest), { unit, from: a, to: b }, ...splitRange(b, to, rest)];
}

/** The rollups' sentiment column: -1/0/1, and UNRATED for mentions nobody has rated. */
const code = (s: 'negative' | 'neutral' | 'positive' | 'unrated') => (s === 'unrated' ? UNRATED : sentimentValue(s));

/**
 * Mention counts by sentiment and one grouping over a filter, from the rollups where they can answer and from the
 * mentions where they cannot. `scope` 0 is every mention; a topic id counts that topic's mentions.
 */
export class RangeCounts {
  constructor(private readonly db: Database) {}

  count(f: MentionFilter, g: Grouping, scope: { id: number; fts: string | null }, span: { first: number; last: number }): CountRow[] {
    const from = f.from ?? span.first;
    const to = f.to ?? span.last + 1;
    if (!rollupCompatible(f)) return this.fromMentions(f, g, scope, from, to, false);
    const dims = Boolean(f.platforms?.length || f.langs?.length);
    const units = this.units(g, dims);
    const timeOnly = !dims && (g.by === 'time' || g.by === 'none');
    return splitRange(from, to, units).flatMap((p) => {
      if (p.unit === 0) return this.fromMentions(f, g, scope, p.from, p.to, true);
      if (timeOnly) return this.fromRollup('rollup_time', 'bucket', p.unit, f, g, scope.id, p);
      if (p.unit === DAY) return this.fromRollup('rollup_day', 'day', DAY, f, g, scope.id, p);
      return this.fromRollup('rollup_hour', 'hour', HOUR, f, g, scope.id, p);
    });
  }

  /**
   * Which rollup units can serve this grouping exactly: never a unit longer than the chart's bucket, and for day
   * buckets only units that fall into one local day (whole hours where the zone is whole hours from UTC, UTC days
   * only in UTC).
   */
  private units(g: Grouping, dims: boolean): number[] {
    if (g.by !== 'time') return dims ? [DAY, HOUR] : g.by === 'none' ? [DAY, HOUR, FIVE_MIN] : [DAY, HOUR];
    const fits = (unit: number) => unit <= g.size && (unit < DAY || g.tz === 0) && (unit < HOUR || g.tz % HOUR === 0);
    return (dims ? [HOUR] : [DAY, HOUR, FIVE_MIN]).filter(fits);
  }

  private fromRollup(table: string, unitColumn: string, unitMs: number, f: MentionFilter, g: Grouping, scope: number, p: Piece): CountRow[] {
    const params: Record<string, unknown> = { incidentId: f.incidentId, scope, a: p.from / unitMs, b: p.to / unitMs };
    const clauses = ['incident_id = @incidentId', 'scope = @scope', `${unitColumn} >= @a`, `${unitColumn} < @b`];
    if (table === 'rollup_time') {
      clauses.push('size = @size');
      params.size = p.unit;
    }
    const list = (name: string, column: string, values: readonly (string | number)[]) => {
      clauses.push(`${column} IN (${values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ')})`);
    };
    if (table === 'rollup_hour') {
      // Platform and language lead the key: naming every value lets SQLite seek each one's hours instead of scanning.
      list('platform', 'platform', f.platforms?.length ? f.platforms : this.present(f.incidentId, 'platform'));
      list('lang', 'lang', f.langs?.length ? f.langs : this.present(f.incidentId, 'lang'));
    } else {
      if (f.platforms?.length) list('platform', 'platform', f.platforms);
      if (f.langs?.length) list('lang', 'lang', f.langs);
    }
    if (f.sentiment?.length) list('sentiment', 'sentiment', f.sentiment.map(code));
    const unitStart = table === 'rollup_time' ? `${unitColumn} * size` : `${unitColumn} * ${unitMs}`;
    const key = g.by === 'time' ? `CAST((${unitStart} + ${g.tz}) / ${g.size} AS INTEGER)` : g.by === 'none' ? '0' : g.by;
    const rows = this.db
      .prepare(`SELECT ${key} AS k, sentiment AS s, SUM(n) AS n FROM ${table} WHERE ${clauses.join(' AND ')} GROUP BY 1, 2`)
      .all(params) as CountRow[];
    return rows.map((r) => (r.s === UNRATED ? { ...r, s: null } : r));
  }

  private fromMentions(f: MentionFilter, g: Grouping, scope: { id: number; fts: string | null }, from: number, to: number, edge: boolean): CountRow[] {
    // An edge of a topic's range: walk the few mentions by time and check each against the topic's words (a full-text
    // query first would read every mention of a brand name). Otherwise the topic's words join the search.
    const topicByRow = scope.fts !== null && edge;
    const { from: source, sql, params } = filterSql({ ...f, from, to }, { narrow: true, ...(scope.fts && !edge ? { extraFts: scope.fts } : {}) });
    const topic = topicByRow ? ' AND EXISTS (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH @topic AND rowid = m.id)' : '';
    const all = { ...params, ...(topicByRow ? { topic: scope.fts } : {}) };
    if (g.by === 'none') {
      // Sums rather than GROUP BY, which would sort every matching row to make four groups.
      const r = this.db
        .prepare(`SELECT TOTAL(m.sentiment = -1) AS neg, TOTAL(m.sentiment = 0) AS neu, TOTAL(m.sentiment = 1) AS pos, TOTAL(m.sentiment IS NULL) AS unrated
          FROM ${source} WHERE ${sql}${topic}`)
        .get(all) as { neg: number; neu: number; pos: number; unrated: number };
      const rows: CountRow[] = [{ k: 0, s: -1, n: r.neg }, { k: 0, s: 0, n: r.neu }, { k: 0, s: 1, n: r.pos }, { k: 0, s: null, n: r.unrated }];
      return rows.filter((row) => row.n > 0);
    }
    const key = g.by === 'time' ? `CAST((m.published_at + ${g.tz}) / ${g.size} AS INTEGER)` : g.by === 'platform' ? 'm.platform' : "COALESCE(m.lang, '')";
    return this.db.prepare(`SELECT ${key} AS k, m.sentiment AS s, COUNT(*) AS n FROM ${source} WHERE ${sql}${topic} GROUP BY 1, 2`).all(all) as CountRow[];
  }

  /** Every value present, so the IN list can seek (an incident with none yet: the one key '' can still seek). */
  private present(incidentId: string, facet: 'platform' | 'lang'): string[] {
    const values = facetValues(this.db, incidentId, facet);
    return values.length ? values : [''];
  }
}
