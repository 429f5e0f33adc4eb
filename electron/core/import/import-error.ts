import { fill } from '../../../shared/fill';
import { FirebreakError, type StorageProblem } from '../../../shared/errors';
import { en } from '../../../shared/locales/en';
import { FILE_PROBLEMS, type FileProblem, type FileProblemCode, type RowProblem } from '../../../shared/mentions';

/**
 * A file that cannot be read at all: the message names the file and says why in English, in words a user can act
 * on; `details.problem` says it as a code the UI words in its own language.
 */
export function fileError(fileName: string, code: FileProblemCode, params: FileProblem['params'] = {}, row?: RowProblem): FirebreakError {
  const problem: FileProblem = row ? { code, params, row } : { code, params };
  return new FirebreakError('BAD_REQUEST', `${fileName}: ${fill(en.fileProblem[code], params)}`, { file: fileName, problem });
}

/** An import the database could not store (a full disk, a lock held elsewhere): why, and what to do, for the batch. */
export function storageFileError(fileName: string, storage: StorageProblem): FirebreakError {
  const problem: FileProblem = { code: 'storage', params: { storage } };
  const message = `${fileName}: ${fill(en.fileProblem.storage, { storage: en.errors.storage[storage] })}`;
  return new FirebreakError('STORAGE', message, { file: fileName, problem });
}

/** The file problem an error carries, if it is one. */
export function fileProblemOf(err: unknown): FileProblem | null {
  const problem = err instanceof FirebreakError ? (err.details as { problem?: FileProblem } | undefined)?.problem : undefined;
  return problem && FILE_PROBLEMS.includes(problem.code) ? problem : null;
}
