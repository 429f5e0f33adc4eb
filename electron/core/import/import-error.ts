import { FirebreakError } from '../../../shared/errors';

/** A file that cannot be read at all: the message names the file and says why, in words a user can act on. */
export function fileError(fileName: string, reason: string): FirebreakError {
  return new FirebreakError('BAD_REQUEST', `${fileName}: ${reason}`, { file: fileName });
}
