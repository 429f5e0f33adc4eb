import type { Database, Statement } from 'better-sqlite3';

/** What the counts are keyed by. `sentiment` is the shown value (-1/0/1), null while nobody has rated it. */
export type Counted = { platform: string; lang: string | null; publishedAt: number; sentiment: number | null };

export const ROLLUP_BUCKET_MS = 300_000;
const UNRATED = 2;

/**
 * Keeps the pre-computed counts in step with the mentions: per-incident facets (filter menus) and the 5-minute
 * rollup (charts, alerts). Every writer of mentions calls it inside its own transaction: a GROUP BY over a
 * million mentions takes seconds, the rollup answers in milliseconds.
 */
export class MentionCounts {
  private readonly facet: Statement;
  private readonly rollup: Statement;

  constructor(private readonly db: Database) {
    this.facet = db.prepare(`INSERT INTO mention_facets (incident_id, facet, value, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (incident_id, facet, value) DO UPDATE SET count = count + excluded.count`);
    this.rollup = db.prepare(`INSERT INTO mention_rollup (incident_id, bucket, platform, lang, sentiment, n) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (incident_id, bucket, platform, lang, sentiment) DO UPDATE SET n = n + excluded.n`);
  }

  add(incidentId: string, mentions: Iterable<Counted>, sign: 1 | -1 = 1): void {
    const facets = new Map<string, number>();
    const rollup = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
    for (const m of mentions) {
      const lang = m.lang ?? '';
      bump(facets, `platform\u0000${m.platform}`, sign);
      bump(facets, `lang\u0000${lang}`, sign);
      bump(rollup, `${Math.floor(m.publishedAt / ROLLUP_BUCKET_MS)}\u0000${m.platform}\u0000${lang}\u0000${m.sentiment ?? UNRATED}`, sign);
    }
    for (const [key, n] of facets) {
      if (n === 0) continue;
      const [facet, value] = key.split('\u0000');
      this.facet.run(incidentId, facet, value, n);
    }
    for (const [key, n] of rollup) {
      if (n === 0) continue;
      const [bucket, platform, lang, sentiment] = key.split('\u0000');
      this.rollup.run(incidentId, Number(bucket), platform, lang, Number(sentiment), n);
    }
  }

  /** A mention's shown sentiment or language changed (scoring, an analyst's correction). */
  move(incidentId: string, changes: Iterable<{ before: Counted; after: Counted }>): void {
    const list = [...changes];
    this.add(incidentId, list.map((c) => c.before), -1);
    this.add(incidentId, list.map((c) => c.after), 1);
    this.prune(incidentId);
  }

  /** Before a batch's mentions are deleted: take them off the counts. */
  removeBatch(incidentId: string, batchId: string): void {
    const rows = this.db
      .prepare('SELECT platform, lang, published_at AS publishedAt, sentiment FROM mentions WHERE batch_id = ?')
      .iterate(batchId) as Iterable<Counted>;
    this.add(incidentId, rows, -1);
    this.prune(incidentId);
  }

  private prune(incidentId: string): void {
    this.db.prepare('DELETE FROM mention_facets WHERE incident_id = ? AND count <= 0').run(incidentId);
    this.db.prepare('DELETE FROM mention_rollup WHERE incident_id = ? AND n <= 0').run(incidentId);
  }
}

/** The shown sentiment: the analyst's correction, else the monitoring tool's value, else the engine's. */
export function shownSentiment(analyst: number | null, source: number | null, engine: number | null): number | null {
  if (analyst !== null) return analyst;
  if (source !== null) return source > 0.05 ? 1 : source < -0.05 ? -1 : 0;
  return engine;
}
