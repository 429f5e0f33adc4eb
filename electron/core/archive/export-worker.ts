/**
 * Worker thread entry: reads an incident out of the database into an archive's plain lines over a connection of its
 * own (one read transaction: a consistent snapshot whatever the room writes meanwhile). In the room's thread this
 * pass held the room about 30 s at a million mentions (measured: exporting, and restoring from a backup).
 */
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, openDatabase } from '../db/open-database';
import { notFound } from '../said-error';
import { answerFromWorker } from '../worker-thread';
import { writeArchiveLines } from './archive-export';
import type { ExportRequest } from './archive-workers';

const request = workerData as ExportRequest;

/** The room's database read as it is; a backup's copy brought up to date first (its opening alone held the room 0.8 s). */
function open(): Database {
  if (request.upgrade) return openDatabase(path.dirname(request.dbFile), { nativeBinding: request.nativeBinding });
  const db = new BetterSqlite3(request.dbFile, { readonly: true, fileMustExist: true, nativeBinding: request.nativeBinding });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

answerFromWorker(() => {
  const db = open();
  try {
    const incident = db.prepare('SELECT id, title FROM incidents WHERE id = ?').get(request.incidentId) as { id: string; title: string } | undefined;
    if (!incident) throw notFound('incident', request.incidentId);
    return writeArchiveLines(db, incident, request.plainFile, request.now);
  } finally {
    db.close();
  }
});
