import path from 'node:path';
import { startWorker } from '../worker-thread';

export type SnapshotRequest = { source: string; target: string; nativeBinding?: string };
export type SnapshotReply = { ok: true } | { ok: false; message: string; code: string | null };

/**
 * The database file `source` copied to `target` as a plain database file, in a worker thread (snapshot-worker.ts), so
 * the room keeps answering; a failure keeps the system's or SQLite's code (a full disk, a drive gone).
 */
export function snapshotDatabase(request: SnapshotRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(__dirname, 'snapshot-worker', path.extname(__filename), request);
    let replied = false;
    worker.once('message', (reply: SnapshotReply) => {
      replied = true;
      void worker.terminate();
      if (reply.ok) resolve();
      else reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the backup's worker stopped (exit code ${code})`));
    });
  });
}
