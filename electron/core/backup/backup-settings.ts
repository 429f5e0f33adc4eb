import fs from 'node:fs';
import path from 'node:path';
import type { BackupSettings } from '../../../shared/api/backup';
import type { BackupKey } from './backup-crypto';

/** On by default, in the data folder: a newcomer is protected before reading any setting. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { enabled: true, folder: null, everyMinutes: 10, keep: 6, encrypted: false };

const FILE = 'backup-settings.json';

/**
 * This laptop's backup settings, kept beside the database rather than in it: they name this laptop's folders, and
 * they must still be readable when the database is what failed.
 */
export function loadBackupSettings(dataDir: string): BackupSettings {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<BackupSettings>;
    return {
      enabled: typeof saved.enabled === 'boolean' ? saved.enabled : DEFAULT_BACKUP_SETTINGS.enabled,
      folder: typeof saved.folder === 'string' && saved.folder ? saved.folder : null,
      everyMinutes: positive(saved.everyMinutes) ?? DEFAULT_BACKUP_SETTINGS.everyMinutes,
      keep: positive(saved.keep) ?? DEFAULT_BACKUP_SETTINGS.keep,
      encrypted: saved.encrypted === true,
    };
  } catch {
    // None yet, or cut short by a crash: the defaults, which are safe.
    return { ...DEFAULT_BACKUP_SETTINGS };
  }
}

export function saveBackupSettings(dataDir: string, settings: BackupSettings): void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

function positive(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

const KEY_FILE = 'backup-key.json';

/**
 * The key derived from the team's passphrase, kept on this laptop (readable by its owner only) so backups are
 * encrypted unattended; the laptop holds the database in the clear anyway. Null when none was set, or the file is
 * damaged (then encrypting asks for the passphrase again).
 */
export function loadBackupKey(dataDir: string): BackupKey | null {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8')) as { salt?: unknown; key?: unknown };
    const key = typeof saved.key === 'string' ? Buffer.from(saved.key, 'base64') : null;
    return typeof saved.salt === 'string' && key?.length === 32 ? { salt: saved.salt, key } : null;
  } catch {
    return null;
  }
}

export function saveBackupKey(dataDir: string, { salt, key }: BackupKey): void {
  const file = path.join(dataDir, KEY_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ salt, key: key.toString('base64') })}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}
