import type { Database } from 'better-sqlite3';
import { notFound } from '../said-error';

/** A person of the directory named as an owner (of a task, an enquiry, a stakeholder): removed on another laptop, or a wrong id, is refused. */
export function requirePerson(db: Database, id: string): void {
  if (!db.prepare('SELECT 1 FROM people WHERE id = ?').get(id)) throw notFound('person', id);
}
