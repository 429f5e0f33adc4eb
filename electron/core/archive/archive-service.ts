import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Incident } from '../../../shared/domain';
import { schemaVersion } from '../db/migrate';
import { safeFileName } from '../file-name';
import type { EventBus } from '../events';
import type { IncidentService } from '../incidents/incident-service';
import { exportArchive } from './archive-export';
import { verifyArchive } from './archive-read';
import { restoreArchive, type ConflictChoice } from './archive-restore';

export type ArchiveExport = { file: string; bytes: number; sha256: string };

/** Incident archives (`.firebreak`) that carry a whole crisis from one laptop to another. */
export class ArchiveService {
  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly incidents: IncidentService,
    private readonly workDir: string,
    private readonly now: () => number,
  ) {}

  async export(incidentId: string, outFile: string): Promise<ArchiveExport> {
    this.incidents.get(incidentId);
    const r = await exportArchive(this.db, incidentId, outFile, this.now());
    return { file: outFile, bytes: r.bytes, sha256: r.sha256 };
  }

  /**
   * Verifies the whole file first, then restores it in one transaction. An incident that is already here needs a
   * choice (CONFLICT otherwise): replace it, or keep both (the copy gets new ids).
   */
  async import(file: string, choice?: ConflictChoice, displayName?: string): Promise<Incident> {
    fs.mkdirSync(this.workDir, { recursive: true });
    const plain = path.join(this.workDir, `${randomUUID()}.jsonl`);
    try {
      const manifest = await verifyArchive(file, plain, schemaVersion(this.db), displayName);
      const id = this.db.transaction(() => restoreArchive(this.db, plain, { id: manifest.incident.id, schema: manifest.schema }, choice, displayName ?? path.basename(file)))();
      this.events.publish({ type: 'incident.created', incidentId: id });
      return this.incidents.get(id);
    } finally {
      fs.rmSync(plain, { force: true });
    }
  }

  /** A file name a person recognises: the title, made safe for every file system. */
  static fileName(incident: Incident): string {
    return `${safeFileName(incident.title)}.firebreak`;
  }
}
