import path from 'node:path';
import { FirebreakError, type ErrorCode } from '../../../shared/errors';
import { startWorker } from '../worker-thread';
import type { ConflictChoice } from './archive-restore';

export type RestoreRequest = {
  dbFile: string;
  nativeBinding?: string;
  plainFile: string;
  archived: { id: string; schema: number };
  choice: ConflictChoice | undefined;
  name: string;
};

export type RestoreReply =
  | { kind: 'writing' }
  | { kind: 'done'; incidentId: string }
  | { kind: 'failed'; error: { firebreak: true; code: ErrorCode; message: string; details: unknown } | { firebreak: false; message: string; code: string | null } };

/**
 * Restores a verified archive in a worker thread (restore-worker.ts), so the room keeps answering. `onWriting` is
 * called once the worker holds the database's write lock: from then until the promise settles, the room's own writes
 * are refused. Rejects with the restore's own error (a refusal said in words, a full disk's code).
 */
export function restoreInWorker(request: RestoreRequest, onWriting: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(__dirname, 'restore-worker', path.extname(__filename), request);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.on('message', (reply: RestoreReply) => {
      if (reply.kind === 'writing') return onWriting();
      if (reply.kind === 'done') return settle(() => resolve(reply.incidentId));
      const e = reply.error;
      settle(() => reject(e.firebreak ? new FirebreakError(e.code, e.message, e.details) : Object.assign(new Error(e.message), e.code ? { code: e.code } : {})));
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the restore's worker stopped (exit code ${code})`))));
  });
}
