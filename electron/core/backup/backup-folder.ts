import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupProblem } from '../../../shared/api/backup';
import { storageProblemOf } from '../db/storage-problem';

const NAME = /^firebreak-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z(?:-\d+)?\.sqlite(\.enc)?$/;
const PARTIAL = /^\.firebreak-backup-.*\.partial$/;

/**
 * `firebreak-backup-20261201-071500Z.sqlite`: sorts by time, and says it in UTC whatever the laptop's zone;
 * `.sqlite.enc` when encrypted (no SQLite tool opens it).
 */
export function backupName(at: number, folder: string, encrypted: boolean): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const ext = encrypted ? '.sqlite.enc' : '.sqlite';
  let name = `firebreak-backup-${stamp}Z${ext}`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `firebreak-backup-${stamp}Z-${n}${ext}`;
  return name;
}

/** Firebreak's backups in the folder, newest first; other files there are not ours and are left alone. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    try {
      const bytes = fs.statSync(path.join(folder, name)).size;
      files.push({ name, at: Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]), bytes, encrypted: m[7] !== undefined });
    } catch {
      // Removed meanwhile.
    }
  }
  return files.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

export function isBackupName(name: string): boolean {
  return NAME.test(name);
}

/**
 * Removes the oldest backups beyond `keep`, and copies a crash left half-written. Off the room's thread: unlinking a
 * gigabyte file took half a second in it.
 */
export async function pruneBackups(folder: string, keep: number): Promise<void> {
  const stale = [...listBackups(folder).slice(keep).map((f) => f.name), ...fs.readdirSync(folder).filter((name) => PARTIAL.test(name))];
  for (const name of stale) await fs.promises.rm(path.join(folder, name), { force: true });
}

/**
 * The folder must already be there: a folder on a USB drive that is unplugged must not quietly become a new folder
 * on the laptop's own disk. Only the default one, inside the data folder, is created.
 */
export function checkFolder(folder: string, create: boolean): void {
  if (create) fs.mkdirSync(folder, { recursive: true });
  if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
  fs.accessSync(folder, fs.constants.W_OK);
}

/** Room for one more copy of a database of `bytes`, with a margin, before writing any of it. */
export function checkSpace(folder: string, bytes: number): void {
  const { bavail, bsize } = fs.statfsSync(folder);
  const free = bavail * bsize;
  const need = bytes + 64 * 1024 * 1024;
  if (free < need) throw Object.assign(new Error(`${Math.round(free / 1e6)} MB free, about ${Math.round(need / 1e6)} MB needed`), { code: 'ENOSPC' });
}

/** When a database file was last written: the later of the file and the write-ahead log beside it; null if absent. */
export function lastWritten(file: string): number | null {
  const times = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs);
  return times.length ? Math.round(Math.max(...times)) : null;
}

/**
 * What a person can do about a failed backup: the database's own reading of the system's and SQLite's error codes
 * (storage-problem.ts), told for a folder, where a path that is not there is a drive that is not plugged in.
 */
export function backupProblemOf(err: unknown): BackupProblem {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'folderMissing';
  if (code === 'NO_PASSPHRASE') return 'noPassphrase';
  const storage = storageProblemOf(err);
  if (storage === 'readOnly') return 'notWritable';
  return storage === 'diskFull' || storage === 'ioError' ? storage : 'other';
}
