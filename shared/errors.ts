/** The closed set of error codes that cross the contract. Clients switch on `code`, never on `message`. */
export const ERROR_CODES = [
  'BAD_REQUEST', // the argument failed validation
  'MALFORMED_JSON', // the HTTP body was not JSON
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_TRANSITION', // e.g. closing an incident that is still being monitored
  'CONFLICT',
  'UNAUTHENTICATED', // no acting user given
  'NOT_JOINED', // a room server opened to other laptops, and this browser has not given its room code (shared/room.ts)
  'FORBIDDEN', // e.g. a cross-site request to the room server
  'METHOD_NOT_ALLOWED',
  'STORAGE', // the database could not be read or written: a full disk, a read-only folder, a lock held elsewhere
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ApiError = { code: ErrorCode; message: string; details?: unknown };

/** In an error's details: the UI string (`errors.say.<key>`) and figures that say it in the reader's language. */
export const SAID_ERRORS = [
  'approverOnly', 'placeholders', 'reasonRequired', 'noText', 'timeOrder', 'shiftOrder', 'roleTwiceInChain', 'archiveRefused',
  // Someone else in the room acted first: the statement, mention or import is no longer where this person saw it.
  'statementLocked', 'notDraft', 'notInReview', 'staleVersion', 'editedMeanwhile', 'notApproved', 'triageState', 'playbookApplied', 'undoNotComplete', 'wordingStale',
  'retryNotComplete', 'notBackup', 'noBackup', 'incidentStatus', 'archiveNotClosed', 'answerRequired', 'receivedInFuture', 'deadlineBeforeReceived',
  'messageRequired', 'informedInFuture', 'claimAnswerRequired', 'answeredInFuture',
  'postingInFuture', 'impostorInFuture',
  // What this person was looking at is gone (removed on another laptop, an import undone) or the id is wrong.
  'missing',
  // The laptop's disk or database failed the call (STORAGE_PROBLEMS): nothing of a change was saved.
  'storage',
  // The data folder's database was written by a newer (or another) Firebreak: refused at start-up.
  'newerDatabase',
  // Joining a room server opened to other laptops: a wrong room code, or too many of them.
  'wrongRoomCode', 'roomCodeWait',
  // Opening the room to the other laptops, asked from another laptop.
  'hostOnly',
  // Backups of the database (electron/core/backup): a folder that cannot take one, a file that is not one.
  'backupFolder', 'backupNewer', 'notABackup', 'backupHostOnly', 'dataFolderInUse',
  'backupLocked', 'backupPassphrase', 'passphraseShort', 'passphraseNeeded',
  // An incident being restored (archive or backup) holds the database's writes until it is in.
  'roomRestoring', 'restoreWaitsForImport',
] as const;
export type Said = { key: (typeof SAID_ERRORS)[number]; params: Record<string, string | number> };

/**
 * Figures of a said error that are keys of other UI strings (`<path>.<value>`): states, a form's field names, why an
 * archive was refused. Each is worded in the reader's language, filled with the error's figures, in this order (an
 * audit break is worded before the archive refusal that quotes it).
 */
export const SAID_WORDS = {
  statementState: 'statements.state',
  triageFrom: 'triage.state',
  triageTo: 'triage.state',
  batchStatus: 'batches.statusValue',
  field: 'fields',
  before: 'fields',
  auditWhy: 'statements.auditWhy',
  why: 'errors.archiveWhy',
  thing: 'errors.things',
  incidentFrom: 'status',
  incidentTo: 'status',
  storage: 'errors.storage',
  backupWhy: 'backup.why',
} as const;

/**
 * Why the database could not be read or written, by what the person can do about it (electron/core/db/storage-problem.ts
 * tells them from SQLite's and the system's error codes). Worded by `errors.storage.<problem>`.
 */
export const STORAGE_PROBLEMS = ['diskFull', 'readOnly', 'busy', 'damaged', 'ioError'] as const;
export type StorageProblem = (typeof STORAGE_PROBLEMS)[number];
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by core services; the dispatcher turns it into `{ ok: false, error }`. */
export class FirebreakError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'FirebreakError';
  }
}
