import { FirebreakError, type ApiError } from '../../shared/errors';
import { storageError } from '../core/db/storage-problem';

export const INTERNAL_MESSAGE = 'Internal error; the details are in the log.';

/**
 * A failure as the contract carries it, for every transport: ours with its details; the disk's or the database's
 * said in words a person can act on (a full disk, a read-only folder, a lock held elsewhere); anything else internal,
 * worded by `internal` (the caller logs its stack).
 */
export function apiErrorOf(err: unknown, internal = INTERNAL_MESSAGE): ApiError {
  const known = err instanceof FirebreakError ? err : storageError(err);
  return known ? { code: known.code, message: known.message, details: known.details } : { code: 'INTERNAL', message: internal };
}
