import type { Database, Statement } from 'better-sqlite3';
import { sentimentValue } from '../../../shared/sentiment';
import { labelOfScore } from '../sentiment/labels';
import { ROLLUPS, ROLLUP_TABLES, RollupTally } from './rollup-tally';
import { topicScopes } from './topic-scopes';

/** A mention's counted facts as queries below select them, in this order. */
type FactRow = [id: number, publishedAt: number, platform: string, lang: string | null, sentiment: number | null];
const FACTS = 'm.id, m.published_at, m.platform, m.lang, m.sentiment';

/** What the counts are keyed by. `sentiment` is the shown value (-1/0/1), null while nobody has rated it. */
export type Counted = { platform: string; lang: string | null; publishedAt: number; sentiment: number | null };
/** A share-of-voice topic as the counts see it: its id (the rollup scope) and its FTS expression. */
export type TopicScope = { id: number; fts: string };

export { DAY, FIVE_MIN, HOUR, UNRATED } from './rollup-tally';

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
 * and the chart rollups per completed import (tallied in one pass over its rows, in the transaction that completes
 * it), per sentiment change, and per topic. A GROUP BY over a million mentions takes seconds; the rollups answer
 * in milliseconds.
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
    const range = ids ?? (this.db.prepare('SELECT MIN(id) AS first, MAX(id) AS last FROM mentions WHERE batch_id = ?').get(batchId) as { first: number | null; last: number | null });
    if (range.first === null || range.last === null) return;
    const { first, last } = range as { first: number; last: number };
    const tallies = new Map<number, RollupTally>();
    // A batch that wrote alone (no other import of the incident overlapped it) owns every id in its range, so the
    // narrow facts hold all it needs; otherwise its rows are picked out by batch and remembered for the topics.
    const members = ids?.alone ? null : new Uint8Array(last - first + 1);
    const rows = members
      ? this.db.prepare(`SELECT ${FACTS} FROM mentions m WHERE m.id BETWEEN ? AND ? AND m.batch_id = ?`).raw().iterate(first, last, batchId)
      : this.db.prepare(`SELECT ${FACTS} FROM mention_facts m WHERE m.id BETWEEN ? AND ? AND m.incident_id = ?`).raw().iterate(first, last, incidentId);
    tallyRows(tallies, 0, rows as Iterable<FactRow>, sign, members && ((id) => (members[id - first] = 1)));
    for (const t of topics) {
      const matches = this.db
        .prepare(`SELECT ${FACTS} FROM mentions_fts f CROSS JOIN mention_facts m ON m.id = f.rowid
          WHERE f.rowid BETWEEN ? AND ? AND mentions_fts MATCH ? AND m.incident_id = ?`)
        .raw()
        .iterate(first, last, t.fts, incidentId) as Iterable<FactRow>;
      tallyRows(tallies, t.id, members ? filterRows(matches, (id) => members[id - first] === 1) : matches, sign);
    }
    this.write(incidentId, tallies);
    if (sign < 0) this.prune(incidentId);
  }

  /** A topic's counts from scratch (created or its words changed), over the incident's completed imports. */
  rebuildTopic(incidentId: string, topic: TopicScope | { id: number; fts: null }): void {
    for (const table of ROLLUP_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE incident_id = ? AND scope = ?`).run(incidentId, topic.id);
    if (!topic.fts) return;
    // With no import running every mention of the incident is counted, and the narrow facts have all the counts
    // need; while one runs, only mentions of completed imports count, which takes their batch from the rows.
    const running = this.db.prepare("SELECT COUNT(*) FROM import_batches WHERE incident_id = ? AND status = 'running'").pluck().get(incidentId) as number;
    const select = running
      ? `SELECT ${FACTS} FROM mentions_fts f CROSS JOIN mentions m ON m.id = f.rowid JOIN import_batches b ON b.id = m.batch_id
          WHERE mentions_fts MATCH @fts AND m.incident_id = @incidentId AND b.status = 'complete'`
      : `SELECT ${FACTS} FROM mentions_fts f CROSS JOIN mention_facts m ON m.id = f.rowid WHERE mentions_fts MATCH @fts AND m.incident_id = @incidentId`;
    const tallies = new Map<number, RollupTally>();
    tallyRows(tallies, topic.id, this.db.prepare(select).raw().iterate({ incidentId, fts: topic.fts }) as Iterable<FactRow>, 1);
    this.write(incidentId, tallies);
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
    const tallies = new Map<number, RollupTally>();
    for (const c of changes) {
      for (const scope of scopes) {
        if (scope.members && !scope.members.has(c.id)) continue;
        const tally = tallyOf(tallies, scope.id);
        tally.add(c.before.publishedAt, c.before.platform, c.before.lang, c.before.sentiment, -1);
        tally.add(c.after.publishedAt, c.after.platform, c.after.lang, c.after.sentiment, 1);
      }
    }
    this.write(incidentId, tallies);
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

  /** Adds each scope's tallied changes to the rollups; a cell lowered to zero is removed. */
  private write(incidentId: string, tallies: Map<number, RollupTally>): void {
    for (const [scope, tally] of tallies) {
      for (const { rollup, values, n } of tally.cells()) {
        this.upserts[rollup].run(incidentId, scope, ...values, n);
        // Only the cells just lowered can have reached zero: a prune over the whole incident would scan it.
        if (n < 0) this.deletes[rollup].run(incidentId, scope, ...values);
      }
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

function tallyOf(tallies: Map<number, RollupTally>, scope: number): RollupTally {
  let tally = tallies.get(scope);
  if (!tally) tallies.set(scope, (tally = new RollupTally()));
  return tally;
}

function tallyRows(tallies: Map<number, RollupTally>, scope: number, rows: Iterable<FactRow>, sign: number, seen?: ((id: number) => void) | null): void {
  const tally = tallyOf(tallies, scope);
  for (const [id, at, platform, lang, sentiment] of rows) {
    tally.add(at, platform, lang, sentiment, sign);
    seen?.(id);
  }
}

function* filterRows(rows: Iterable<FactRow>, keep: (id: number) => boolean): Generator<FactRow> {
  for (const row of rows) if (keep(row[0])) yield row;
}
