import { z } from 'zod';
import type { CrisisLevel, Incident, IncidentStatus } from '../domain';
import { importSourceSchema } from './imports';

/**
 * Why a backup could not be made, by what the person can do about it (`backup.why.<problem>` in the UI):
 * the folder is gone (a USB drive unplugged), cannot be written, is short of space, the disk failed, or encrypted
 * backups are asked for and this laptop's key is gone.
 */
export const BACKUP_PROBLEMS = ['folderMissing', 'notWritable', 'diskFull', 'ioError', 'noPassphrase', 'other'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

export type BackupSettings = {
  enabled: boolean;
  /** Null: the data folder's own `backups` folder (protects against mistakes and a damaged file, not a lost laptop). */
  folder: string | null;
  everyMinutes: number;
  /** How many backups stay in the folder; the oldest beyond it are removed after each new one. */
  keep: number;
  /** Encrypted with the team's passphrase (AES-256-GCM): a lost USB drive gives nothing away. */
  encrypted: boolean;
};

export type BackupFile = { name: string; at: number; bytes: number; encrypted: boolean };

/** The laptop's automatic copies of its whole database (made by the laptop that keeps the room). */
export type BackupStatus = {
  /** This caller may see and change backups: the desktop app, or this laptop's own browser on `firebreak serve`. */
  canBackUp: boolean;
  settings: BackupSettings;
  /** Where they are written now (the folder setting, or the default). */
  folder: string;
  /** A passphrase is set on this laptop (kept as its derived key, so backups run unattended). */
  passphraseSet: boolean;
  running: boolean;
  /** The last backup that was made (this run or before), null when none is in the folder. */
  lastAt: number | null;
  /** The last attempt failed: when, why, and the system's own words. Cleared by the next backup made. */
  failure: { at: number; problem: BackupProblem; detail: string } | null;
  /** Something changed since the last backup. */
  changed: boolean;
  /** When the next one is due (if something changed by then); null when backups are off. */
  nextAt: number | null;
  /** The backups in the folder, newest first. */
  files: BackupFile[];
};

/** The incidents a backup holds, to pick one to restore. `here`: this laptop has that incident too. */
export type BackupContents = {
  madeAt: number | null;
  incidents: { id: string; title: string; status: IncidentStatus; level: CrisisLevel | null; openedAt: number | null; mentions: number; here: boolean }[];
};

/** A backup in the folder by its name (the laptop that keeps the room), or any backup file picked or uploaded. */
const backupSource = z.union([z.strictObject({ backup: z.string().regex(/^[\w.-]{1,200}$/) }), importSourceSchema]);
export type BackupSource = z.infer<typeof backupSource>;

const passphrase = z.string().min(1).max(1000);

export const backupSchemas = {
  'backup.status': z.strictObject({}),
  'backup.configure': z.strictObject({
    enabled: z.boolean(),
    folder: z.string().trim().min(1).max(4096).nullable(),
    everyMinutes: z.number().int().min(1).max(24 * 60),
    keep: z.number().int().min(1).max(500),
    encrypted: z.boolean().default(false),
    /** A new passphrase (at least 8 characters); without it, encrypting uses the one already set. */
    passphrase: passphrase.optional(),
  }),
  'backup.now': z.strictObject({}),
  'backup.contents': z.strictObject({ source: backupSource, passphrase: passphrase.optional() }),
  'backup.restore': z.strictObject({
    source: backupSource, incidentId: z.string().min(1).max(64), onConflict: z.enum(['replace', 'keep-both']).optional(), passphrase: passphrase.optional(),
  }),
};

export type BackupApi = {
  'backup.status': (q: Record<string, never>) => BackupStatus;
  /** Saves the settings; a folder must exist and be writable (checked by writing a file). */
  'backup.configure': (q: Omit<BackupSettings, 'encrypted'> & { encrypted?: boolean; passphrase?: string }) => BackupStatus;
  /** Makes a backup now, whether anything changed or not; a failure is said (`backupFailed`). */
  'backup.now': (q: Record<string, never>) => BackupStatus;
  /** An encrypted backup this laptop did not make needs its passphrase (`backupLocked`, then `backupPassphrase`). */
  'backup.contents': (q: { source: BackupSource; passphrase?: string }) => BackupContents;
  /**
   * Restores one incident of a backup into this laptop's database, like an archive: CONFLICT (with the title) when
   * it is already here and no choice was given.
   */
  'backup.restore': (q: { source: BackupSource; incidentId: string; onConflict?: 'replace' | 'keep-both'; passphrase?: string }) => Incident;
};
