import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupContents } from '../../../shared/api/backup';
import type { Incident } from '../../../shared/domain';
import { FirebreakError } from '../../../shared/errors';
import type { ArchiveService } from '../archive/archive-service';
import { exportArchive } from '../archive/archive-export';
import type { ConflictChoice } from '../archive/archive-restore';
import { unknownMigration } from '../db/migrate';
import { DB_FILE_NAME, openDatabase, type OpenOptions } from '../db/open-database';
import { storageError } from '../db/storage-problem';
import { notFound, saidError } from '../said-error';
import { decryptFile, isEncryptedBackup, saltOf, type BackupKey } from './backup-crypto';

type Keys = { key: BackupKey | null; passphrase?: string };

/** Whether the file is encrypted; a file that is not there is said as a backup not found. */
function isEncrypted(file: string, displayName: string): boolean {
  try {
    return isEncryptedBackup(file);
  } catch (err) {
    throw refusal(err, displayName);
  }
}

/**
 * The backup's database as `firebreak.sqlite` of a new folder `dir`: decrypted with this laptop's key or the
 * passphrase given, or copied with the write-ahead log that lies beside it (the `firebreak.sqlite` saved from a dead
 * laptop's disk keeps its last minutes of work there). Checked to be a Firebreak database this version can read.
 */
async function unpackBackup(file: string, displayName: string, dir: string, { key, passphrase }: Keys, options: OpenOptions = {}): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, DB_FILE_NAME);
  if (isEncrypted(file, displayName)) {
    const own = key && saltOf(file) === key.salt ? key : null;
    if (!own && passphrase === undefined) throw saidError('BAD_REQUEST', 'backupLocked', { file: displayName });
    if (!(await decryptFile(file, target, own ?? passphrase!))) throw saidError('BAD_REQUEST', 'backupPassphrase', { file: displayName });
    openReadOnly(target, displayName, options).close();
  } else {
    openReadOnly(file, displayName, options).close();
    await fs.promises.copyFile(file, target);
    if (fs.existsSync(`${file}-wal`)) await fs.promises.copyFile(`${file}-wal`, `${target}-wal`);
  }
}

type IncidentRow = { id: string; title: string; status: BackupContents['incidents'][number]['status']; level: number | null; opened_at: number | null; mentions: number };

/**
 * Reading a backup back: which incidents it holds, and bringing one of them into this laptop's database. A backup is
 * a whole Firebreak database (ours, another laptop's, or a `firebreak.sqlite` saved from a dead laptop's disk);
 * an incident comes out of it as an archive and goes in through the archive's checks, so nothing else of this
 * laptop is touched and a damaged or foreign file is refused before anything is written.
 */
export class BackupReader {
  constructor(
    private readonly liveDb: Database,
    private readonly archives: ArchiveService,
    private readonly workDir: string,
    private readonly options: OpenOptions,
    /** This laptop's backup key: its own encrypted backups open without the passphrase typed. */
    private readonly keyOf: () => BackupKey | null,
    private readonly now: () => number,
  ) {}

  async contents(file: string, displayName: string, madeAt: number | null, passphrase?: string): Promise<BackupContents> {
    if (!isEncrypted(file, displayName)) return this.list(file, displayName, madeAt);
    const dir = path.join(this.workDir, randomUUID());
    try {
      await unpackBackup(file, displayName, dir, { key: this.keyOf(), passphrase });
      return this.list(path.join(dir, DB_FILE_NAME), displayName, madeAt);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  private list(file: string, displayName: string, madeAt: number | null): BackupContents {
    const db = openReadOnly(file, displayName, this.options);
    try {
      const here = this.liveDb.prepare('SELECT 1 FROM incidents WHERE id = ?').pluck();
      const rows = db.prepare(`SELECT i.id, i.title, i.status, i.level, i.opened_at,
          (SELECT COUNT(*) FROM mentions m WHERE m.incident_id = i.id) AS mentions
        FROM incidents i ORDER BY COALESCE(i.opened_at, i.created_at) DESC`).all() as IncidentRow[];
      return {
        madeAt,
        incidents: rows.map((r) => ({
          id: r.id, title: r.title, status: r.status, level: r.level as BackupContents['incidents'][number]['level'],
          openedAt: r.opened_at, mentions: r.mentions, here: here.get(r.id) !== undefined,
        })),
      };
    } catch (err) {
      throw refusal(err, displayName);
    } finally {
      db.close();
    }
  }

  /**
   * Copies the backup aside (it is never changed, and an older Firebreak's is brought up to date on the copy), takes
   * the incident out as an archive and restores that. `choice`: as for archives, when the incident is already here.
   */
  async restore(file: string, displayName: string, incidentId: string, choice: ConflictChoice | undefined, passphrase?: string): Promise<Incident> {
    const dir = path.join(this.workDir, randomUUID());
    try {
      await unpackBackup(file, displayName, dir, { key: this.keyOf(), passphrase }, this.options);
      const archive = path.join(dir, 'incident.firebreak');
      try {
        await exportArchive({ dbFile: path.join(dir, DB_FILE_NAME), nativeBinding: this.options.nativeBinding, upgrade: true }, incidentId, archive, this.now());
      } catch (err) {
        throw refusal(err, displayName);
      }
      return await this.archives.import(archive, choice, displayName);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The whole backup as the database of a data folder that has none yet (a spare laptop taking over the room):
 * seconds, where restoring incident by incident goes through archives. Then start Firebreak on that folder.
 */
export async function restoreWholeBackup(file: string, displayName: string, dataDir: string, options: OpenOptions = {}, passphrase?: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, DB_FILE_NAME))) throw saidError('CONFLICT', 'dataFolderInUse', { folder: dataDir });
  const staging = path.join(dataDir, `.restoring-${randomUUID()}`);
  try {
    await unpackBackup(file, displayName, staging, { key: null, passphrase }, options);
    // Brought up to date and its WAL folded in before it takes the database's name: a half copy never does.
    openDatabase(staging, { nativeBinding: options.nativeBinding }).close();
    fs.renameSync(path.join(staging, DB_FILE_NAME), path.join(dataDir, DB_FILE_NAME));
  } catch (err) {
    throw refusal(err, displayName);
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

function openReadOnly(file: string, displayName: string, options: OpenOptions): Database {
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const unknown = unknownMigration(db);
    if (unknown) throw saidError('CONFLICT', 'backupNewer', { file: displayName });
    return db;
  } catch (err) {
    db?.close();
    throw refusal(err, displayName);
  }
}

/** Not a Firebreak database (another file, a damaged one), or one a newer Firebreak made: said, naming the file. */
function refusal(err: unknown, displayName: string): unknown {
  const details = err instanceof FirebreakError ? (err.details as { say?: { key?: string }; storage?: string | null } | undefined) : undefined;
  if (details?.say?.key === 'newerDatabase') return saidError('CONFLICT', 'backupNewer', { file: displayName });
  if (err instanceof FirebreakError && details?.storage !== 'damaged') return err;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOENT') return notFound('backup', displayName);
  const foreign = /^SQLITE_ERROR/.test(code) && /no such (table|column)/.test((err as Error).message);
  if (details?.storage === 'damaged' || /^SQLITE_(NOTADB|CORRUPT)/.test(code) || foreign) return saidError('BAD_REQUEST', 'notABackup', { file: displayName });
  return storageError(err) ?? err;
}
