import { FirebreakError, type StorageProblem } from '../../../shared/errors';
import { saidError } from '../said-error';

/**
 * What a person can do about a failed read or write of the database, told from SQLite's error code
 * (`SqliteError.code`, extended codes included) or the system's (`errno` codes from creating the data folder).
 * Null: not the disk's or the database file's doing (a bug, a constraint), which stays an internal error.
 */
export function storageProblemOf(err: unknown): StorageProblem | null {
  if (err instanceof FirebreakError) return null;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'diskFull';
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) || ['EROFS', 'EACCES', 'EPERM', 'ENOTDIR'].includes(code)) return 'readOnly';
  // PROTOCOL: WAL's locks kept changing under this connection (another process writing hard), as good as busy.
  if (/^SQLITE_(BUSY|LOCKED|PROTOCOL)/.test(code)) return 'busy';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'damaged';
  if (/^SQLITE_IOERR/.test(code) || code === 'EIO') return 'ioError';
  return null;
}

/** The error a call answers when the disk or the database file failed it; null when something else did. */
export function storageError(err: unknown): FirebreakError | null {
  const problem = storageProblemOf(err);
  return problem && saidError('STORAGE', 'storage', { storage: problem }, { cause: (err as { code: string }).code });
}
