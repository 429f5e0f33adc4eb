import { fill, type Params } from '../../shared/fill';
import { FirebreakError, type ErrorCode, type Said } from '../../shared/errors';
import { en } from '../../shared/locales/en';

/**
 * An error people meet in the normal course of work (a step only its approver may decide, a draft with blanks):
 * its message is worded by the English UI string `errors.say.<key>`, and `details.say` carries the key and figures so
 * the UI words it in the reader's language.
 */
export function saidError(code: ErrorCode, key: Said['key'], params: Params, details: Record<string, unknown> = {}): FirebreakError {
  return new FirebreakError(code, fill(en.errors.say[key], params), { ...details, say: { key, params } satisfies Said });
}
