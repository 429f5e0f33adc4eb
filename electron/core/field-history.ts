import type { Database } from 'better-sqlite3';
import type { Actor } from '../../shared/domain';

/** A record whose every change is kept: its table, its append-only history table and that table's column naming it. */
export type TrackedTable = { table: string; events: string; key: string };
export type FieldChange = { id: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/**
 * Writes each changed field of `changes` (by its column in `columns`) and a line in the record's history for it, with
 * who and when: the press desk's enquiries and the stakeholders keep their history the same way.
 */
export function recordChanges<T extends { id: number }>(
  db: Database, t: TrackedTable, before: T, changes: Partial<Record<keyof T & string, unknown>>, columns: Partial<Record<keyof T & string, string>>, actor: Actor, at: number,
): void {
  for (const [field, column] of Object.entries(columns) as [keyof T & string, string][]) {
    const value = changes[field];
    const old = before[field];
    if (value === undefined || value === old) continue;
    db.prepare(`UPDATE ${t.table} SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, before.id);
    recordChange(db, t, before.id, field, old, value, actor, at);
  }
}

/** One line of a record's history: a field written outside `recordChanges` (a time that follows a status) is kept the same way. */
export function recordChange(db: Database, t: TrackedTable, id: number, field: string, from: unknown, to: unknown, actor: Actor, at: number): void {
  db.prepare(`INSERT INTO ${t.events} (${t.key}, field, old_value, new_value, actor, at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(id, field, from === null ? null : String(from), to === null ? null : String(to), actor.name, at);
}

/** The record's history, oldest first. */
export function readHistory(db: Database, t: TrackedTable, id: number): FieldChange[] {
  type Row = { id: number; field: string; old_value: string | null; new_value: string | null; actor: string; at: number };
  return (db.prepare(`SELECT id, field, old_value, new_value, actor, at FROM ${t.events} WHERE ${t.key} = ? ORDER BY id`).all(id) as Row[]).map((r) => ({
    id: r.id, field: r.field, from: r.old_value, to: r.new_value, actor: r.actor, at: r.at,
  }));
}
