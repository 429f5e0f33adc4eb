import type { Database } from 'better-sqlite3';
import type { Alert, TimelineEdit, TimelineEntry } from '../../../shared/analytics';
import type { Actor, Incident } from '../../../shared/domain';
import type { UiLanguage } from '../../../shared/locales';
import { entryWords, wordingIn, type Wording } from '../../../shared/timeline-words';
import { updateTimer, type UpdateTimer } from '../../../shared/update-timer';
import { alertsOf } from '../alerts/alert-row';
import { notFound } from '../said-error';

type Row = {
  id: number; incident_id: string; kind: string; occurred_at: number; original_occurred_at: number | null; author: string; role: string;
  text: string; tags: string; key_event: number; ref: string | null; created_at: number;
};
const toEntry = (r: Row): TimelineEntry => ({
  id: r.id, incidentId: r.incident_id, kind: r.kind, occurredAt: r.occurred_at, originalOccurredAt: r.original_occurred_at, author: r.author,
  role: r.role, text: r.text, tags: JSON.parse(r.tags) as string[], keyEvent: r.key_event === 1,
  ref: r.ref ? (JSON.parse(r.ref) as TimelineEntry['ref']) : null, createdAt: r.created_at,
});

export type NewEntry = Pick<TimelineEntry, 'incidentId' | 'kind' | 'author' | 'text'> & Partial<Pick<TimelineEntry, 'occurredAt' | 'role' | 'tags' | 'keyEvent' | 'ref'>>;
export type TimelineFilter = { incidentId: string; since?: number; kinds?: string[]; author?: string; tag?: string; query?: string; keyOnly?: boolean; lang?: UiLanguage };
export type EntryPatch = { occurredAt?: number; keyEvent?: boolean; tags?: string[]; reason?: string };

/**
 * What a search looks in: the entry's text, and a line Firebreak wrote (an import, an alert, a status change, a role)
 * also as the reader's language words it.
 */
function searchedText(e: TimelineEntry, alerts: readonly Alert[], wording: Wording | null): string[] {
  const words = wording && entryWords(e, alerts, wording);
  return words ? [e.text, words] : [e.text];
}


/**
 * The incident's single record. Entries are never deleted (a trigger refuses it); the few things that may change
 * (the event time, the key-event flag, tags) are changed with an append-only record of who changed what and why.
 */
export class TimelineRepo {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  add(e: NewEntry): TimelineEntry {
    const r = this.db
      .prepare(`INSERT INTO timeline_entries (incident_id, kind, occurred_at, author, role, text, tags, key_event, ref, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(e.incidentId, e.kind, e.occurredAt ?? this.now(), e.author, e.role ?? '', e.text, JSON.stringify(e.tags ?? []), e.keyEvent ? 1 : 0, e.ref ? JSON.stringify(e.ref) : null, this.now());
    return this.get(Number(r.lastInsertRowid));
  }

  get(id: number): TimelineEntry {
    const row = this.db.prepare('SELECT * FROM timeline_entries WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw notFound('timelineEntry', id);
    return toEntry(row);
  }

  /** Newest first (by when it happened); filters by kind, author, tag, words in the text, key events. */
  list(f: TimelineFilter | string): TimelineEntry[] {
    const filter = typeof f === 'string' ? { incidentId: f } : f;
    const clauses = ['incident_id = @incidentId'];
    const params: Record<string, unknown> = { incidentId: filter.incidentId };
    if (filter.kinds?.length) {
      clauses.push(`kind IN (${filter.kinds.map((k, i) => ((params[`k${i}`] = k), `@k${i}`)).join(', ')})`);
    }
    const add = (clause: string, name: string, value: unknown) => {
      clauses.push(clause);
      params[name] = value;
    };
    if (filter.since !== undefined) add('occurred_at >= @since', 'since', filter.since);
    if (filter.author) add('author = @author', 'author', filter.author);
    if (filter.tag) add('EXISTS (SELECT 1 FROM json_each(tags) WHERE value = @tag)', 'tag', filter.tag);
    if (filter.keyOnly) clauses.push('key_event = 1');
    const rows = this.db.prepare(`SELECT * FROM timeline_entries WHERE ${clauses.join(' AND ')} ORDER BY occurred_at DESC, id DESC`).all(params) as Row[];
    // Words are matched here rather than with LIKE, which folds only ASCII case (a timeline is hundreds of entries).
    const q = filter.query?.toLocaleLowerCase();
    const entries = rows.map(toEntry);
    if (!q) return entries.slice(0, 2000);
    // In the reader's language when it is not English (the entries' own text).
    const wording = filter.lang && filter.lang !== 'en' ? wordingIn(filter.lang) : null;
    const alerts = wording ? alertsOf(this.db, filter.incidentId) : [];
    return entries.filter((e) => searchedText(e, alerts, wording).some((text) => text.toLocaleLowerCase().includes(q))).slice(0, 2000);
  }

  /** Every entry, oldest first (by when it happened): the record as a report prints it, with no cap. */
  chronology(incidentId: string): TimelineEntry[] {
    return (this.db.prepare('SELECT * FROM timeline_entries WHERE incident_id = ? ORDER BY occurred_at, id').all(incidentId) as Row[]).map(toEntry);
  }

  /** Back-dating keeps the first time in `original_occurred_at`; every change is recorded with its reason. */
  update(id: number, patch: EntryPatch, actor: Actor): TimelineEntry {
    return this.db.transaction(() => {
      const current = this.get(id);
      const at = this.now();
      const record = this.db.prepare(`INSERT INTO timeline_edits (entry_id, field, old_value, new_value, reason, edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      if (patch.occurredAt !== undefined && patch.occurredAt !== current.occurredAt) {
        this.db.prepare('UPDATE timeline_entries SET occurred_at = ?, original_occurred_at = COALESCE(original_occurred_at, ?) WHERE id = ?').run(patch.occurredAt, current.occurredAt, id);
        record.run(id, 'occurredAt', String(current.occurredAt), String(patch.occurredAt), patch.reason ?? null, actor.name, at);
      }
      if (patch.keyEvent !== undefined && patch.keyEvent !== current.keyEvent) {
        this.db.prepare('UPDATE timeline_entries SET key_event = ? WHERE id = ?').run(patch.keyEvent ? 1 : 0, id);
        record.run(id, 'keyEvent', String(current.keyEvent), String(patch.keyEvent), patch.reason ?? null, actor.name, at);
      }
      if (patch.tags !== undefined && JSON.stringify(patch.tags) !== JSON.stringify(current.tags)) {
        this.db.prepare('UPDATE timeline_entries SET tags = ? WHERE id = ?').run(JSON.stringify(patch.tags), id);
        record.run(id, 'tags', current.tags.join(', '), patch.tags.join(', '), patch.reason ?? null, actor.name, at);
      }
      return this.get(id);
    })();
  }

  edits(id: number): TimelineEdit[] {
    this.get(id);
    return this.db
      .prepare('SELECT field, old_value AS oldValue, new_value AS newValue, reason, edited_by AS editedBy, edited_at AS editedAt FROM timeline_edits WHERE entry_id = ? ORDER BY id')
      .all(id) as TimelineEdit[];
  }

  /** When the last public update went out (by when it happened, so a back-dated entry counts from its time). */
  lastPublicUpdate(incidentId: string): number | null {
    return this.db.prepare("SELECT MAX(occurred_at) FROM timeline_entries WHERE incident_id = ? AND kind = 'public_update'").pluck().get(incidentId) as number | null;
  }

  /** The incident's public-update timer, counted from its last public update (null once it is not live). */
  updateTimer(incident: Incident): UpdateTimer | null {
    return updateTimer(incident, this.lastPublicUpdate(incident.id));
  }

  /** Distinct authors and tags of an incident's timeline, for the filter menus. */
  facets(incidentId: string): { authors: string[]; tags: string[] } {
    const authors = this.db.prepare('SELECT DISTINCT author FROM timeline_entries WHERE incident_id = ? ORDER BY author').pluck().all(incidentId) as string[];
    const tags = this.db.prepare('SELECT DISTINCT j.value FROM timeline_entries t, json_each(t.tags) j WHERE t.incident_id = ? ORDER BY 1').pluck().all(incidentId) as string[];
    return { authors, tags };
  }
}
