import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { DB_FILE_NAME } from './open-database';

/**
 * Whether this data directory holds a database an earlier version wrote, which opening it will bring up to date.
 * Some updates re-index every mention (about 14 s per million), so the app and the command line say so first
 * instead of showing nothing meanwhile. Read-only; false for a new database, and for one that cannot be read
 * (opening it then says what is wrong).
 */
export function needsUpdate(dataDir: string, options: { nativeBinding?: string } = {}): boolean {
  const file = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(file)) return false;
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const applied = db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get() as number;
    return applied > 0 && applied < MIGRATIONS.length;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
