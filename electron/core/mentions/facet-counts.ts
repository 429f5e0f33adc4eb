import type { Database } from 'better-sqlite3';

type Counted = { platform: string; lang: string | null };

/** Keeps mention_facets in step with the mentions an import adds or an undo removes. Call inside the transaction. */
export class FacetCounts {
  private readonly upsert;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(`INSERT INTO mention_facets (incident_id, facet, value, count) VALUES (?, ?, ?, ?)
      ON CONFLICT (incident_id, facet, value) DO UPDATE SET count = count + excluded.count`);
  }

  add(incidentId: string, mentions: Iterable<Counted>, sign: 1 | -1 = 1): void {
    const tally = new Map<string, number>();
    for (const m of mentions) {
      for (const key of [`platform\u0000${m.platform}`, `lang\u0000${m.lang ?? ''}`]) tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    for (const [key, n] of tally) {
      const [facet, value] = key.split('\u0000');
      this.upsert.run(incidentId, facet, value, sign * n);
    }
  }

  /** Before a batch's mentions are deleted: take them off the counts. */
  removeBatch(incidentId: string, batchId: string): void {
    const rows = this.db.prepare('SELECT platform, lang FROM mentions WHERE batch_id = ?').iterate(batchId) as Iterable<Counted>;
    this.add(incidentId, rows, -1);
    this.db.prepare('DELETE FROM mention_facets WHERE incident_id = ? AND count <= 0').run(incidentId);
  }
}
