import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Incident } from '../../../shared/domain';
import { schemaVersion } from '../db/migrate';
import { BUSY_TIMEOUT_MS } from '../db/open-database';
import { storageProblemOf } from '../db/storage-problem';
import { safeFileName } from '../file-name';
import type { EventBus } from '../events';
import type { Restoring } from '../../../shared/events';
import { saidError } from '../said-error';
import type { IncidentService } from '../incidents/incident-service';
import { exportArchive } from './archive-export';
import { verifyArchive } from './archive-read';
import type { ConflictChoice } from './archive-restore';
import { restoreInWorker } from './archive-workers';

export type ArchiveExport = { file: string; bytes: number; sha256: string };

/**
 * While a restore holds the write lock, the room's own writes give up after this long instead of the usual five
 * seconds: a click then answers at once that the room is restoring, rather than holding every laptop's room.
 */
const BUSY_WHILE_RESTORING_MS = 50;

export type ArchiveDeps = {
  db: Database;
  /** The database file, for the restore's own connection; and the SQLite driver built for this runtime (Electron's). */
  dbFile: string;
  nativeBinding?: string;
  events: EventBus;
  incidents: IncidentService;
  /** An import is being written: a restore waits for its end (two writers; a failed import's clean-up must get in). */
  importing: () => boolean;
  workDir: string;
  now: () => number;
};

/** Incident archives (`.firebreak`) that carry a whole crisis from one laptop to another. */
export class ArchiveService {
  /**
   * The restore under way (one at a time): the file's name while it is verified, then the incident's title; `writing`
   * from when its worker holds the write lock.
   */
  private restoring: { title: string; writing: boolean; share: number | null } | null = null;

  constructor(private readonly deps: ArchiveDeps) {}

  async export(incidentId: string, outFile: string): Promise<ArchiveExport> {
    this.deps.incidents.get(incidentId);
    const r = await exportArchive(this.deps, incidentId, outFile, this.deps.now());
    return { file: outFile, bytes: r.bytes, sha256: r.sha256 };
  }

  /**
   * Verifies the whole file first, then restores it in one transaction, in a worker thread: the room keeps answering
   * and reading meanwhile; its writes are refused, saying why, until the restore is in. An incident that is already
   * here needs a choice (CONFLICT otherwise): replace it, or keep both (the copy gets new ids).
   */
  async import(file: string, choice?: ConflictChoice, displayName?: string): Promise<Incident> {
    const { db, events } = this.deps;
    this.refuseWhileRestoring();
    if (this.deps.importing()) throw saidError('CONFLICT', 'restoreWaitsForImport', {});
    const name = displayName ?? path.basename(file);
    this.restoring = { title: name, writing: false, share: 0 };
    fs.mkdirSync(this.deps.workDir, { recursive: true });
    const plain = path.join(this.deps.workDir, `${randomUUID()}.jsonl`);
    try {
      const { manifest, dataLines } = await verifyArchive(file, plain, schemaVersion(db), displayName);
      this.restoring.title = manifest.incident.title;
      db.pragma(`busy_timeout = ${BUSY_WHILE_RESTORING_MS}`);
      const id = await restoreInWorker({
        dbFile: this.deps.dbFile,
        nativeBinding: this.deps.nativeBinding,
        plainFile: plain,
        dataLines,
        archived: { id: manifest.incident.id, schema: manifest.schema },
        choice,
        name,
      }, (share) => {
        Object.assign(this.restoring!, { writing: true, share });
        events.publish({ type: 'restore.changed', restoring: this.restoringNow() });
      });
      this.endRestore();
      events.publish({ type: 'incident.created', incidentId: id });
      return this.deps.incidents.get(id);
    } finally {
      this.endRestore();
      // Not rmSync: unlinking the plain lines of a million mentions (about a gigabyte) held the room half a second.
      await fs.promises.rm(plain, { force: true });
    }
  }

  private endRestore(): void {
    if (!this.restoring) return;
    const wasWriting = this.restoring.writing;
    this.restoring = null;
    if (this.deps.db.open) this.deps.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (wasWriting) this.deps.events.publish({ type: 'restore.changed', restoring: null });
  }

  /** What is being restored now, for a window that opens meanwhile; null when nothing is. */
  restoringNow(): Restoring | null {
    return this.restoring?.writing ? { title: this.restoring.title, share: this.restoring.share } : null;
  }

  /** A write that would wait for the restore (an import, another restore) is refused at once, saying why. */
  refuseWhileRestoring(): void {
    if (this.restoring) throw saidError('STORAGE', 'roomRestoring', { title: this.restoring.title });
  }

  /** A write the database refused as busy while a restore holds it: said as the restore, not as another program. */
  explainBusy(err: unknown): unknown {
    const now = this.restoringNow();
    return now && storageProblemOf(err) === 'busy' ? saidError('STORAGE', 'roomRestoring', { title: now.title }) : err;
  }

  /** A file name a person recognises: the title, made safe for every file system. */
  static fileName(incident: Incident): string {
    return `${safeFileName(incident.title)}.firebreak`;
  }
}
