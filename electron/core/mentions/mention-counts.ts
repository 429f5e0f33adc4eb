import type { Database, Statement } from 'better-sqlite3';
import { sentimentValue } from '../../../shared/sentiment';
import { labelOfScore } from '../sentiment/labels';
import { topicScopes } from './topic-scopes';

/** What the counts are keyed by. `sentiment` is the shown value (-1/0/1), null while nobody has rated it. */
export type Counted = { platform: string; lang: string | null; publishedAt: number; sentiment: number | null };
/** A share-of-voice topic as the counts see it: its id (the rollup scope) and its FTS expression. */
export type TopicScope = { id: number; fts: string };

export const FIVE_MIN = 300_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** The rollups' sentiment for mentions nobody has rated yet (a key column cannot be NULL). */
export const UNRATED = 2;

/**
 * The rollups, each described once: its table, key columns, the key of one mention (for changes counted in
 * JavaScript) and the same key as SQL over a mention `m` (for counting whole batches and topics in one statement).
 */
const ROLLUPS = [
  ...[FIVE_MIN, HOUR, DAY].map((size) => ({
    table: 'rollup_time',
    cols: ['size', 'bucket', 'sentiment'],
    key: (m: Counted, s: number) => [size, Math.floor(m.publishedAt / size), s],
    sql: `${size}, m.published_at / ${size}, COALESCE(m.sentiment, ${UNRATED})`,
  })),
  {
    table: 'rollup_hour',
    cols: ['platform', 'lang', 'hour', 'sentiment'],
    key: (m: Counted, s: number) => [m.platform, m.lang ?? '', Math.floor(m.publishedAt / HOUR), s],
    sql: `m.platform, COALESCE(m.lang, ''), m.published_at / ${HOUR}, COALESCE(m.sentiment, ${UNRATED})`,
  },
  {
    table: 'rollup_day',
    cols: ['day', 'platform', 'lang', 'sentiment'],
    key: (m: Counted, s: number) => [Math.floor(m.publishedAt / DAY), m.platform, m.lang ?? '', s],
    sql: `m.published_at / ${DAY}, m.platform, COALESCE(m.lang, ''), COALESCE(m.sentiment, ${UNRATED})`,
  },
];
const ROLLUP_TABLES = ['rollup_time', 'rollup_hour', 'rollup_day'];

/** A mention whose shown sentiment or language changes: the count moves from its old key to its new one. */
export type CountMove = { id: number; before: Counted; after: Counted };

export function countMove(m: { id: number; platform: string; lang: string | null; published_at: number; sentiment: number | null }, after: { lang: string | null; sentiment: number | null }): CountMove {
  return {
    id: m.id,
    before: { platform: m.platform, lang: m.lang, publishedAt: m.published_at, sentiment: m.sentiment },
    after: { platform: m.platform, lang: after.lang, publishedAt: m.published_at, sentiment: after.sentiment },
  };
}

/**
 * Keeps the pre-computed counts in step with the mentions: per-incident facets (filter menus) block by block,
 * and the chart rollups per completed import (one GROUP BY per table, in the transaction that completes it),
 * per sentiment change, and per topic. A GROUP BY over a million mentions takes seconds; the rollups answer in
 * milliseconds.
 */
export class MentionCounts {
  private readonly facet: Statement;
  private readonly upserts: Statement[];
  private readonly deletes: Statement[];

  constructor(private readonly db: Database) {
    this.facet = db.prepare(`INSERT INTO mention_facets (incident_id, facet, value, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (incident_id, facet, value) DO UPDATE SET count = count + excluded.count`);
    this.upserts = ROLLUPS.map(({ table, cols }) =>
      db.prepare(`INSERT INTO ${table} (incident_id, scope, ${cols.join(', ')}, n) VALUES (${Array(cols.length + 3).fill('?').join(', ')})
        ON CONFLICT DO UPDATE SET n = n + excluded.n`),
    );
    this.deletes = ROLLUPS.map(({ table, cols }) =>
      db.prepare(`DELETE FROM ${table} WHERE incident_id = ? AND scope = ? AND ${cols.map((c) => `${c} = ?`).join(' AND ')} AND n <= 0`),
    );
  }

  /** Filter-menu counts for mentions an import block added (sign 1) or an undo removes (-1). */
  addFacets(incidentId: string, mentions: Iterable<{ platform: string; lang: string | null }>, sign: 1 | -1 = 1): void {
    const tally = new Map<string, number>();
    for (const m of mentions) {
      for (const key of [`platform\u0000${m.platform}`, `lang\u0000${m.lang ?? ''}`]) tally.set(key, (tally.get(key) ?? 0) + sign);
    }
    for (const [key, n] of tally) {
      const [facet, value] = key.split('\u0000');
      if (n !== 0) this.facet.run(incidentId, facet, value, n);
    }
  }

  /** Counts (or, with -1, uncounts) a whole completed batch, for the incident and for each topic. */
  countBatch(incidentId: string, batchId: string, topics: readonly TopicScope[], sign: 1 | -1, ids?: { first: number; last: number; alone?: boolean }): void {
    const range = ids ? 'm.id BETWEEN @first AND @last AND ' : '';
    const params = { incidentId, batchId, sign, ...(ids ? { first: ids.first, last: ids.last } : {}) };
    // A batch that wrote alone (no other import of the incident overlapped it) owns every id in its range: the time
    // index then has all the columns needed, and reading it is ten times cheaper than reading the rows.
    const source = ids?.alone
      ? 'mentions m INDEXED BY mentions_by_time WHERE m.incident_id = @incidentId AND m.id BETWEEN @first AND @last'
      : `mentions m WHERE ${range}m.batch_id = @batchId`;
    // The batch's rows are read once into a narrow temporary table and grouped from there: grouping each rollup
    // straight from the mentions read every wide row five times (measured at 1M: 3.5 s per grouping).
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS batch_rows (id INTEGER PRIMARY KEY, published_at INTEGER, platform TEXT, lang TEXT, sentiment INTEGER)');
    this.db.exec('DELETE FROM temp.batch_rows');
    this.db.prepare(`INSERT INTO temp.batch_rows SELECT m.id, m.published_at, m.platform, m.lang, m.sentiment FROM ${source}`).run(params);
    this.insertGrouped('temp.batch_rows m WHERE 1', 0, params);
    for (const t of topics) {
      const ftsRange = ids ? 'f.rowid BETWEEN @first AND @last AND ' : '';
      this.insertGrouped(`mentions_fts f CROSS JOIN temp.batch_rows m ON m.id = f.rowid WHERE ${ftsRange}mentions_fts MATCH @fts`, t.id, { ...params, fts: t.fts });
    }
    this.db.exec('DELETE FROM temp.batch_rows');
    if (sign < 0) this.prune(incidentId);
  }

  /** A topic's counts from scratch (created or its words changed), over the incident's completed imports. */
  rebuildTopic(incidentId: string, topic: TopicScope | { id: number; fts: null }): void {
    for (const table of ROLLUP_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE incident_id = ? AND scope = ?`).run(incidentId, topic.id);
    if (!topic.fts) return;
    // One full-text pass into a narrow temporary table, then the four groupings from it. With no import running,
    // every mention of the incident is counted, so the mentions' own rows need not be read: the time index holds
    // every column the counts need (measured for a brand name in all of 1M mentions: 6.7 s reading rows, see README).
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS topic_rows (published_at INTEGER, platform TEXT, lang TEXT, sentiment INTEGER)');
    this.db.exec('DELETE FROM temp.topic_rows');
    const running = this.db.prepare("SELECT COUNT(*) FROM import_batches WHERE incident_id = ? AND status = 'running'").pluck().get(incidentId) as number;
    const select = running
      ? `SELECT m.published_at, m.platform, m.lang, m.sentiment FROM mentions_fts f CROSS JOIN mentions m ON m.id = f.rowid
          JOIN import_batches b ON b.id = m.batch_id WHERE mentions_fts MATCH @fts AND m.incident_id = @incidentId AND b.status = 'complete'`
      : `SELECT m.published_at, m.platform, m.lang, m.sentiment FROM mentions m INDEXED BY mentions_by_time
          WHERE m.incident_id = @incidentId AND m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @fts)`;
    this.db.prepare(`INSERT INTO temp.topic_rows ${select}`).run({ incidentId, fts: topic.fts });
    this.insertGrouped('temp.topic_rows m WHERE 1', topic.id, { incidentId, sign: 1 });
    this.db.exec('DELETE FROM temp.topic_rows');
  }

  /**
   * Mentions whose shown sentiment or language changed (scoring, an analyst's correction). Each change moves a
   * count from the old key to the new one, in the incident's counts and in those of the topics the mention is in.
   */
  move(incidentId: string, changes: readonly CountMove[], topics: readonly TopicScope[]): void {
    if (!changes.length) return;
    const ids = changes.map((c) => c.id);
    const lo = Math.min(...ids);
    const hi = Math.max(...ids);
    const scopes: { id: number; members: Set<number> | null }[] = [{ id: 0, members: null }];
    for (const t of topics) {
      const rows = this.db.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid BETWEEN ? AND ?').pluck().all(t.fts, lo, hi) as number[];
      scopes.push({ id: t.id, members: new Set(rows) });
    }
    const deltas = ROLLUPS.map(() => new Map<string, number>());
    const bump = (scope: number, m: Counted, sign: number) => {
      ROLLUPS.forEach((t, i) => {
        const key = JSON.stringify([scope, ...t.key(m, m.sentiment ?? UNRATED)]);
        deltas[i].set(key, (deltas[i].get(key) ?? 0) + sign);
      });
    };
    for (const c of changes) {
      for (const scope of scopes) {
        if (scope.members && !scope.members.has(c.id)) continue;
        bump(scope.id, c.before, -1);
        bump(scope.id, c.after, 1);
      }
    }
    deltas.forEach((map, i) => {
      for (const [key, n] of map) {
        if (n === 0) continue;
        const values = JSON.parse(key) as unknown[];
        this.upserts[i].run(incidentId, ...values, n);
        // Only the keys just lowered can have reached zero: a prune over the whole incident would scan it.
        if (n < 0) this.deletes[i].run(incidentId, ...values);
      }
    });
    const langMoves = changes.filter((c) => c.before.lang !== c.after.lang);
    if (langMoves.length) {
      this.addFacets(incidentId, langMoves.map((c) => c.before), -1);
      this.addFacets(incidentId, langMoves.map((c) => c.after), 1);
      this.db.prepare('DELETE FROM mention_facets WHERE incident_id = ? AND count <= 0').run(incidentId);
    }
  }

  /** Moves across incidents (a scoring chunk, a bulk correction): grouped by incident, each with its own topics. */
  moveMany(changes: readonly (CountMove & { incidentId: string })[]): void {
    const byIncident = new Map<string, CountMove[]>();
    for (const c of changes) byIncident.set(c.incidentId, [...(byIncident.get(c.incidentId) ?? []), c]);
    for (const [incidentId, list] of byIncident) this.move(incidentId, list, topicScopes(this.db, incidentId));
  }

  /** Before a batch's mentions are deleted: facets always (they count block by block), rollups if it was counted. */
  removeBatch(incidentId: string, batchId: string, counted: boolean, topics: readonly TopicScope[]): void {
    const rows = this.db.prepare('SELECT platform, lang FROM mentions WHERE batch_id = ?').iterate(batchId) as Iterable<{ platform: string; lang: string | null }>;
    this.addFacets(incidentId, rows, -1);
    if (counted) this.countBatch(incidentId, batchId, topics, -1);
    this.prune(incidentId);
  }

  private insertGrouped(from: string, scope: number, params: Record<string, unknown>): void {
    for (const { table, cols, sql } of ROLLUPS) {
      // The WHERE is part of `from`; SQLite needs one before ON CONFLICT in INSERT ... SELECT.
      this.db
        .prepare(`INSERT INTO ${table} (incident_id, scope, ${cols.join(', ')}, n) SELECT @incidentId, ${scope}, ${sql}, @sign * COUNT(*) FROM ${from}
          GROUP BY ${cols.map((_c, i) => i + 3).join(', ')} ON CONFLICT DO UPDATE SET n = n + excluded.n`)
        .run(params);
    }
  }

  private prune(incidentId: string): void {
    this.db.prepare('DELETE FROM mention_facets WHERE incident_id = ? AND count <= 0').run(incidentId);
    for (const table of ROLLUP_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE incident_id = ? AND n <= 0`).run(incidentId);
  }
}

/** The platforms or languages present in an incident, from its filter-menu counts (languages: '' = unknown). */
export function facetValues(db: Database, incidentId: string, facet: 'platform' | 'lang'): string[] {
  return db.prepare('SELECT value FROM mention_facets WHERE incident_id = ? AND facet = ?').pluck().all(incidentId, facet) as string[];
}

/** The shown sentiment: the analyst's correction, else the monitoring tool's value, else the engine's. */
export function shownSentiment(analyst: number | null, source: number | null, engine: number | null): number | null {
  if (analyst !== null) return analyst;
  if (source !== null) return sentimentValue(labelOfScore(source));
  return engine;
}
