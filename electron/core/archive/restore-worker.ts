/**
 * Worker thread entry: writes a verified archive into the database over a connection of its own, in one transaction
 * (all or nothing, as before). In the room's thread that transaction held the room for 23-64 s at a million mentions
 * (measured): every laptop took the room for lost. Here the room keeps answering; only its writes wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { FirebreakError } from '../../../shared/errors';
import { tuneConnection } from '../db/open-database';
import { restoreArchive } from './archive-restore';
import type { RestoreReply, RestoreRequest } from './restore-in-worker';

const request = workerData as RestoreRequest;

function restore(): string {
  const db = new BetterSqlite3(request.dbFile, { fileMustExist: true, nativeBinding: request.nativeBinding });
  try {
    tuneConnection(db);
    // IMMEDIATE: the write lock first (waiting out a write of the room's), then the room is told its writes must wait.
    return db.transaction(() => {
      parentPort!.postMessage({ kind: 'writing' } satisfies RestoreReply);
      return restoreArchive(db, request.plainFile, request.archived, request.choice, request.name);
    }).immediate();
  } finally {
    db.close();
  }
}

try {
  parentPort!.postMessage({ kind: 'done', incidentId: restore() } satisfies RestoreReply);
} catch (err) {
  const error = err instanceof FirebreakError
    ? { firebreak: true as const, code: err.code, message: err.message, details: err.details }
    : { firebreak: false as const, message: (err as Error)?.message ?? String(err), code: (err as { code?: string })?.code ?? null };
  parentPort!.postMessage({ kind: 'failed', error } satisfies RestoreReply);
}
