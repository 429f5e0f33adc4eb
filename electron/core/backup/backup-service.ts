import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { BackupApi, BackupContents, BackupSettings, BackupStatus } from '../../../shared/api/backup';
import type { Incident } from '../../../shared/domain';
import type { ArchiveService } from '../archive/archive-service';
import type { ConflictChoice } from '../archive/archive-restore';
import { DB_FILE_NAME, type OpenOptions } from '../db/open-database';
import type { EventBus } from '../events';
import { notFound, saidError } from '../said-error';
import { backupName, backupProblemOf, checkFolder, checkSpace, isBackupName, lastWritten, listBackups, pruneBackups } from './backup-folder';
import { deriveKey, encryptFile, type BackupKey } from './backup-crypto';
import { BackupReader } from './backup-restore';
import { loadBackupKey, loadBackupSettings, saveBackupKey, saveBackupSettings } from './backup-settings';
import { snapshotDatabase } from './snapshot';

/** How often the schedule looks whether a backup is due. */
const TICK_MS = 30_000;
/** After a failed backup (the drive unplugged, the disk full), the next try. */
const RETRY_MS = 60_000;
/** Long enough that a passphrase is not guessed in a crisis's time at scrypt's cost; short enough to remember. */
const MIN_PASSPHRASE = 8;

type ConfigureInput = Parameters<BackupApi['backup.configure']>[0];

export type BackupDeps = {
  db: Database;
  dataDir: string;
  events: EventBus;
  archives: ArchiveService;
  /** An import is being written: a copy now would hold half of it, so the backup waits for its end. */
  importing: () => boolean;
  options: OpenOptions;
  now: () => number;
};

/**
 * Copies of the whole database, made while the room works (SQLite's online backup, in a worker thread), so a laptop
 * that dies mid-crisis costs minutes of work, not the crisis record. Every `everyMinutes` when something changed,
 * into a folder of the team's choice (a USB drive, another disk); the newest `keep` stay. A copy is written under a
 * hidden name and renamed when complete: a file named as a backup is always whole.
 */
export class BackupService {
  private settingsNow: BackupSettings;
  private running: Promise<void> | null = null;
  private failure: BackupStatus['failure'] = null;
  /** `totalChanges()` when the last backup started; null before the first of this run. */
  private changesAtBackup: number | null = null;
  private key: BackupKey | null;
  private readonly reader: BackupReader;

  constructor(private readonly deps: BackupDeps) {
    this.settingsNow = loadBackupSettings(deps.dataDir);
    this.key = loadBackupKey(deps.dataDir);
    this.reader = new BackupReader(deps.db, deps.archives, this.workDir(), deps.options, () => this.key, deps.now);
  }

  private workDir(): string {
    return path.join(this.deps.dataDir, 'tmp');
  }

  /** The chosen folder, else the data folder's own `backups`. */
  folder(): string {
    return this.settingsNow.folder ?? path.join(this.deps.dataDir, 'backups');
  }

  status(): BackupStatus {
    const files = listBackups(this.folder());
    const lastAt = files[0]?.at ?? null;
    const { enabled, everyMinutes } = this.settingsNow;
    return {
      canBackUp: true,
      settings: { ...this.settingsNow },
      folder: this.folder(),
      passphraseSet: this.key !== null,
      running: this.running !== null,
      lastAt,
      failure: this.failure,
      changed: this.changed(lastAt),
      nextAt: enabled ? this.nextAt(lastAt, everyMinutes) : null,
      files,
    };
  }

  /**
   * Due every `everyMinutes` after the last one; at once when there is none at all (a laptop never backed up is the
   * one at risk); after a failure, tried again each minute.
   */
  private nextAt(lastAt: number | null, everyMinutes: number): number {
    const due = lastAt === null ? 0 : lastAt + everyMinutes * 60_000;
    return Math.max(this.deps.now(), due, this.failure ? this.failure.at + RETRY_MS : 0);
  }

  /**
   * A chosen folder must exist and take a file now, so a typo is said at once rather than at the next backup. A new
   * passphrase replaces the key (backups made under the old one still need the old passphrase on another laptop).
   */
  async configure({ passphrase, ...input }: ConfigureInput): Promise<BackupStatus> {
    const folder = input.folder === null ? null : path.resolve(input.folder);
    if (folder !== null && folder !== this.settingsNow.folder) {
      try {
        checkFolder(folder, false);
        const probe = path.join(folder, `.firebreak-backup-probe-${process.pid}.partial`);
        fs.writeFileSync(probe, '');
        fs.rmSync(probe, { force: true });
      } catch (err) {
        throw saidError('STORAGE', 'backupFolder', { folder, backupWhy: backupProblemOf(err) });
      }
    }
    if (passphrase !== undefined && [...passphrase].length < MIN_PASSPHRASE) throw saidError('BAD_REQUEST', 'passphraseShort', { min: MIN_PASSPHRASE });
    const encrypted = input.encrypted ?? false;
    if (encrypted && passphrase === undefined && !this.key) throw saidError('BAD_REQUEST', 'passphraseNeeded', {});
    if (passphrase !== undefined) {
      this.key = await deriveKey(passphrase);
      saveBackupKey(this.deps.dataDir, this.key);
    }
    this.settingsNow = { enabled: input.enabled, folder, everyMinutes: input.everyMinutes, keep: input.keep, encrypted };
    saveBackupSettings(this.deps.dataDir, this.settingsNow);
    this.deps.events.publish({ type: 'backup.changed' });
    return this.status();
  }

  /** A backup now, changed or not (before a risky step, or to take the USB drive away with the latest). */
  async backUpNow(): Promise<BackupStatus> {
    await this.backUp();
    if (this.failure) throw saidError('STORAGE', 'backupFolder', { folder: this.folder(), backupWhy: this.failure.problem }, { detail: this.failure.detail });
    return this.status();
  }

  /** The schedule: a backup when one is due, something changed, and no import is being written. */
  async runDue(): Promise<void> {
    const s = this.status();
    if (!s.settings.enabled || s.running || !s.changed || s.nextAt === null || s.nextAt > this.deps.now() || this.deps.importing()) return;
    await this.backUp();
  }

  /**
   * When the desktop app or the room server closes: the work since the last backup is backed up now rather than at
   * the next start (which may be on another laptop). Never throws: closing goes on; a failure stays said for next time.
   */
  async backUpBeforeClosing(): Promise<string | null> {
    if (this.running) await this.running;
    const s = this.status();
    if (!s.settings.enabled || !s.changed || this.deps.importing()) return null;
    await this.backUp();
    return this.failure ? null : path.join(this.folder(), this.status().files[0]?.name ?? '');
  }

  /** Starts the schedule of a long-running process (the desktop app, the room server); returns its stop. */
  start(tickMs = TICK_MS): () => void {
    const timer = setInterval(() => void this.runDue(), tickMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  contents(file: string, displayName: string, passphrase?: string): Promise<BackupContents> {
    return this.reader.contents(file, displayName, this.madeAt(file), passphrase);
  }

  restore(file: string, displayName: string, incidentId: string, choice?: ConflictChoice, passphrase?: string): Promise<Incident> {
    return this.reader.restore(file, displayName, incidentId, choice, passphrase);
  }

  /** A backup of the folder, by its name only: the name cannot lead out of the folder. */
  fileOf(name: string): string {
    if (!isBackupName(name) || !fs.existsSync(path.join(this.folder(), name))) throw notFound('backup', name);
    return path.join(this.folder(), name);
  }

  /** Ours say it in their name; any other database file (a dead laptop's) was last written when its files were. */
  private madeAt(file: string): number | null {
    const inFolder = listBackups(path.dirname(file)).find((f) => f.name === path.basename(file));
    return inFolder ? inFolder.at : lastWritten(file);
  }

  private backUp(): Promise<void> {
    this.running ??= this.copy().finally(() => {
      this.running = null;
      this.deps.events.publish({ type: 'backup.changed' });
    });
    return this.running;
  }

  private async copy(): Promise<void> {
    const { db } = this.deps;
    const folder = this.folder();
    const key = this.settingsNow.encrypted ? this.key : null;
    let partial: string | null = null;
    let plain: string | null = null;
    this.deps.events.publish({ type: 'backup.changed' });
    try {
      if (this.settingsNow.encrypted && !key) throw Object.assign(new Error('no passphrase is set on this laptop'), { code: 'NO_PASSPHRASE' });
      checkFolder(folder, this.settingsNow.folder === null);
      const bytes = (db.pragma('page_size', { simple: true }) as number) * (db.pragma('page_count', { simple: true }) as number);
      checkSpace(folder, bytes);
      const changes = totalChanges(db);
      const name = backupName(this.deps.now(), folder, key !== null);
      partial = path.join(folder, `.${name}.partial`);
      // The snapshot is taken on this laptop's own disk (in a worker thread), then copied or encrypted onto the drive
      // in the background: a slow USB stick never holds the room. The copy in the clear stays on this disk, which
      // holds the database in the clear anyway.
      fs.mkdirSync(this.workDir(), { recursive: true });
      checkSpace(this.workDir(), bytes);
      plain = path.join(this.workDir(), `${randomUUID()}.backup`);
      await snapshotDatabase({ source: path.join(this.deps.dataDir, DB_FILE_NAME), target: plain, nativeBinding: this.deps.options.nativeBinding });
      if (key) await encryptFile(plain, partial, key);
      else if (fs.statSync(plain).dev === fs.statSync(folder).dev) await fs.promises.rename(plain, partial);
      else await fs.promises.copyFile(plain, partial);
      fs.renameSync(partial, path.join(folder, name));
      partial = null;
      this.changesAtBackup = changes;
      this.failure = null;
      // The backup is made: failing to remove an old one (the drive pulled out just now) is for the next one to retry.
      await pruneBackups(folder, this.settingsNow.keep).catch((err: unknown) => console.error(`firebreak: old backups in ${folder} not removed`, err));
    } catch (err) {
      this.failure = { at: this.deps.now(), problem: backupProblemOf(err), detail: (err as Error)?.message ?? String(err) };
      console.error(`firebreak: backup to ${folder} failed`, err);
    } finally {
      for (const file of [partial, plain]) if (file) await fs.promises.rm(file, { force: true });
    }
  }

  /**
   * Changed since the last backup: this run counts SQLite's changes (any connection's); before this run's first backup, the database
   * file being newer than the newest backup says so (another run, or the command line, wrote after it).
   */
  private changed(lastAt: number | null): boolean {
    if (this.changesAtBackup !== null) return totalChanges(this.deps.db) > this.changesAtBackup;
    return lastAt === null || (lastWritten(path.join(this.deps.dataDir, DB_FILE_NAME)) ?? 0) > lastAt;
  }
}

/**
 * A count that moves with every change to the database: this connection's own changes, and `data_version`, which
 * moves when another connection commits (a restore's worker thread, the command line).
 */
function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes() + data_version FROM pragma_data_version').pluck().get() as number;
}
