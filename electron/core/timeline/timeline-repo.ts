import type { Database } from 'better-sqlite3';
import type { TimelineEntry } from '../../../shared/analytics';

type Row = { id: number; incident_id: string; kind: string; occurred_at: number; author: string; text: string; ref: string | null; created_at: number };
const toEntry = (r: Row): TimelineEntry => ({
  id: r.id, incidentId: r.incident_id, kind: r.kind, occurredAt: r.occurred_at, author: r.author, text: r.text,
  ref: r.ref ? (JSON.parse(r.ref) as TimelineEntry['ref']) : null, createdAt: r.created_at,
});

/** The incident's record. Entries are only ever added (a trigger refuses deletion). */
export class TimelineRepo {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  add(e: Omit<TimelineEntry, 'id' | 'createdAt'>): TimelineEntry {
    const r = this.db
      .prepare('INSERT INTO timeline_entries (incident_id, kind, occurred_at, author, text, ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.incidentId, e.kind, e.occurredAt, e.author, e.text, e.ref ? JSON.stringify(e.ref) : null, this.now());
    return toEntry(this.db.prepare('SELECT * FROM timeline_entries WHERE id = ?').get(r.lastInsertRowid) as Row);
  }

  list(incidentId: string): TimelineEntry[] {
    return (this.db.prepare('SELECT * FROM timeline_entries WHERE incident_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1000').all(incidentId) as Row[]).map(toEntry);
  }
}
