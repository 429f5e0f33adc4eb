import path from 'node:path';
import { runInWorker } from '../worker-thread';

export type SnapshotRequest = { source: string; target: string; nativeBinding?: string };

/**
 * The database file `source` copied to `target` as a plain database file, in a worker thread (snapshot-worker.ts), so
 * the room keeps answering; a failure keeps the system's or SQLite's code (a full disk, a drive gone).
 */
export function snapshotDatabase(request: SnapshotRequest): Promise<void> {
  return runInWorker(__dirname, 'snapshot-worker', path.extname(__filename), request);
}
