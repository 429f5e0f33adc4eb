import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from './db/migrate';
import { openDatabase, type OpenOptions } from './db/open-database';
import { EventBus } from './events';
import { IncidentService } from './incidents/incident-service';

export type CoreOptions = OpenOptions & { dataDir: string; now?: () => number };

/** Everything Firebreak does, over one data directory. Plain Node: used by Electron, the CLI, the room server and tests. */
export type Core = {
  dataDir: string;
  db: Database;
  events: EventBus;
  incidents: IncidentService;
  schemaVersion(): number;
  close(): void;
};

export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const db = openDatabase(dataDir, options);
  const events = new EventBus();
  return {
    dataDir,
    db,
    events,
    incidents: new IncidentService(db, events, options.now),
    schemaVersion: () => schemaVersion(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
