import path from 'node:path';
import { runInWorker } from '../worker-thread';
import type { ConflictChoice } from './archive-restore';

/** Where the database is, for a worker's own connection, and the SQLite driver built for this runtime (Electron's). */
type DbFile = { dbFile: string; nativeBinding?: string };

/** `upgrade`: a backup's copy, opened as the room's database is (migrated to this version) rather than read as it is. */
export type ExportRequest = DbFile & { incidentId: string; plainFile: string; now: number; upgrade?: boolean };
export type RestoreRequest = DbFile & { plainFile: string; dataLines: number; archived: { id: string; schema: number }; choice: ConflictChoice | undefined; name: string };

/** An incident's archive lines written to `plainFile` in a worker thread (export-worker.ts): their count and SHA-256. */
export function exportInWorker(request: ExportRequest): Promise<{ lines: number; sha256: string }> {
  return runInWorker(__dirname, 'export-worker', path.extname(__filename), request);
}

/**
 * A verified archive restored in a worker thread (restore-worker.ts); its incident's id. `onProgress` is called first
 * (share 0) once the worker holds the database's write lock — from then until the promise settles, the room's own
 * writes are refused —, then with the share of the rows written, then null while the index and counts are rebuilt.
 */
export function restoreInWorker(request: RestoreRequest, onProgress: (share: number | null) => void): Promise<string> {
  return runInWorker(__dirname, 'restore-worker', path.extname(__filename), request, (note) => onProgress((note as { share: number | null }).share));
}
