/**
 * Worker thread entry: writes a verified archive into the database over a connection of its own, in one transaction
 * (all or nothing, as before). In the room's thread that transaction held the room for 23-64 s at a million mentions
 * (measured): every laptop took the room for lost. Here the room keeps answering; only its writes wait.
 */
import { workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { tuneConnection } from '../db/open-database';
import { answerFromWorker, noteFromWorker } from '../worker-thread';
import { restoreArchive } from './archive-restore';
import type { RestoreRequest } from './archive-workers';

const request = workerData as RestoreRequest;

answerFromWorker(() => {
  const db = new BetterSqlite3(request.dbFile, { fileMustExist: true, nativeBinding: request.nativeBinding });
  try {
    tuneConnection(db);
    // IMMEDIATE: the write lock first (waiting out a write of the room's), then the room is told its writes must wait.
    return db.transaction(() => {
      noteFromWorker({ share: 0 });
      const progress = { lines: request.dataLines, report: (share: number | null) => noteFromWorker({ share }) };
      return restoreArchive(db, request.plainFile, request.archived, request.choice, request.name, progress);
    }).immediate();
  } finally {
    db.close();
  }
});
