import type { Database } from 'better-sqlite3';
import { saidError } from '../said-error';
import { registerSearchFold } from '../mentions/search-fold';
import { MIGRATIONS, type Migration } from './migrations';

type Applied = { id: number; name: string };

/**
 * Applies the missing migrations, each in its own transaction, and records them.
 * Refuses a database whose history is not a prefix of ours (written by a newer or a foreign build):
 * guessing would risk the team's record.
 */
export function migrate(db: Database, known: readonly Migration[] = MIGRATIONS, upTo = Infinity): number {
  // The schema's views call it (the full-text index's content, migration 0014): every connection needs it first.
  registerSearchFold(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as Applied[];
  const unknown = firstUnknown(applied, known);
  // Said: the desktop app shows it in the laptop's language before any page is up (open-failure.ts).
  if (unknown) throw saidError('CONFLICT', 'newerDatabase', { migration: unknown.id, name: unknown.name });
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of known.slice(applied.length)) {
    if (m.id > upTo) break;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, Date.now());
    })();
  }
  return schemaVersion(db);
}

/** The first applied migration this build does not know (a newer or a foreign Firebreak's database), if any. */
export function unknownMigration(db: Database, known: readonly Migration[] = MIGRATIONS): Applied | null {
  return firstUnknown(db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as Applied[], known);
}

function firstUnknown(applied: Applied[], known: readonly Migration[]): Applied | null {
  return applied.find((row, i) => known[i]?.id !== row.id || known[i]?.name !== row.name) ?? null;
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(id) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
