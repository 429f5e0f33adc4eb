import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { registerCopyKey } from '../mentions/copies';
import { registerSearchFold } from '../mentions/search-fold';
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
    tuneConnection(db);
    migrate(db, undefined, options.migrateUpTo);
    return db;
  } catch (err) {
    db?.close();
    throw cannotOpenDatabase(file, err);
  }
}

/** How long a write waits for another connection's (the command line's, a restore's) before it is refused. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The settings and SQL functions of every connection that writes the database: the room's, and a restore's in its
 * worker thread (which fills the full-text index, hence `fts_fold`).
 */
export function tuneConnection(db: Database): void {
  registerSearchFold(db);
  registerCopyKey(db);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  // 16 MB of page cache: larger measured no faster for imports, and it counts against the import's memory budget.
  db.pragma('cache_size = -16384');
  // Checkpoint every ~40 MB of WAL instead of 4 MB: an import otherwise spends its time in checkpoints and their
  // fsyncs (measured: 10% faster imports; no further gain at 160 MB).
  db.pragma('wal_autocheckpoint = 10000');
}
