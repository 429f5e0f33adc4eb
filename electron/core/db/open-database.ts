import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { cannotOpenDatabase } from './open-failure';

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for another ABI (Electron); tests and the CLI use the default. */
  nativeBinding?: string;
  /** Stop migrating after this id (migration tests). */
  migrateUpTo?: number;
};

export const DB_FILE_NAME = 'firebreak.sqlite';

/**
 * The one connection of a data directory. WAL lets the room server read while an import writes. A database that cannot
 * be opened (damaged, read-only, a newer Firebreak's, a full disk) is refused naming the file and what to do.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Database {
  const file = path.join(dataDir, DB_FILE_NAME);
  let db: Database | null = null;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    db = new BetterSqlite3(file, { nativeBinding: options.nativeBinding });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // 16 MB of page cache: larger measured no faster for imports, and it counts against the import's memory budget.
    db.pragma('cache_size = -16384');
    // Checkpoint every ~40 MB of WAL instead of 4 MB: an import otherwise spends its time in checkpoints and their
    // fsyncs (measured: 10% faster imports; no further gain at 160 MB).
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, undefined, options.migrateUpTo);
    return db;
  } catch (err) {
    db?.close();
    throw cannotOpenDatabase(file, err);
  }
}
