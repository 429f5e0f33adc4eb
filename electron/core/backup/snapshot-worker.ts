/**
 * Worker thread entry: copies the live database into `target` with SQLite's online backup over a connection of its
 * own, in one step (one read transaction, so a consistent snapshot whatever the room writes meanwhile), then makes
 * the copy a plain (not WAL) database file. In the room's thread, each step and the copy's final flush to disk held
 * the room (about half a second at a million mentions, measured).
 */
import { workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { answerFromWorker } from '../worker-thread';
import type { SnapshotRequest } from './snapshot';

const { source, target, nativeBinding } = workerData as SnapshotRequest;

async function snapshot(): Promise<void> {
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    // better-sqlite3 copies a first small step, then what the handler asks: all the rest at once.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(target, { nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

answerFromWorker(snapshot);
