import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from './db/migrate';
import { openDatabase, type OpenOptions } from './db/open-database';
import { EventBus } from './events';
import { ImportService } from './import/import-service';
import { UploadStore } from './import/uploads';
import { IncidentService } from './incidents/incident-service';
import { MentionQuery } from './mentions/mention-query';

export type CoreOptions = OpenOptions & { dataDir: string; now?: () => number };

/** Everything Firebreak does, over one data directory. Plain Node: used by Electron, the CLI, the room server and tests. */
export type Core = {
  dataDir: string;
  db: Database;
  events: EventBus;
  incidents: IncidentService;
  imports: ImportService;
  mentions: MentionQuery;
  uploads: UploadStore;
  schemaVersion(): number;
  close(): void;
};

export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const db = openDatabase(dataDir, options);
  const events = new EventBus();
  const incidents = new IncidentService(db, events, options.now);
  return {
    dataDir,
    db,
    events,
    incidents,
    imports: new ImportService(db, events, incidents, options.now),
    mentions: new MentionQuery(db),
    uploads: new UploadStore(path.join(dataDir, 'uploads')),
    schemaVersion: () => schemaVersion(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
