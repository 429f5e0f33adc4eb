import { FirebreakError, type Said, type StorageProblem } from '../../../shared/errors';
import { fill } from '../../../shared/fill';
import { MESSAGES, type UiLanguage } from '../../../shared/locales';
import { sayIn } from '../said-error';
import { storageProblemOf } from './storage-problem';

/** What stopped the database from opening, kept to word it again in another language (`openFailureText`). */
type OpenFailure = { openFile: string; storage: StorageProblem | null; say: Said | null; detail: string };

/**
 * The error Firebreak starts with when its database cannot be opened: the file, and what the person can do (a full
 * disk, a read-only folder, another program holding it, a damaged file, a newer Firebreak's database). Said in
 * English here; the desktop app words it again in the laptop's language (`openFailureText`), as no page is up yet.
 */
export function cannotOpenDatabase(file: string, err: unknown): FirebreakError {
  if (openFailureOf(err)) return err as FirebreakError;
  const say = err instanceof FirebreakError ? ((err.details as { say?: Said } | undefined)?.say ?? null) : null;
  const failure: OpenFailure = { openFile: file, storage: storageProblemOf(err), say, detail: (err as Error)?.message ?? String(err) };
  const code = err instanceof FirebreakError ? err.code : failure.storage ? 'STORAGE' : 'INTERNAL';
  return new FirebreakError(code, describe(failure, 'en'), failure);
}

/** The title and sentence a person reads when Firebreak cannot open its database, in one UI language. */
export function openFailureText(err: unknown, language: UiLanguage): { title: string; body: string } {
  const failure = openFailureOf(err);
  const body = failure ? describe(failure, language) : ((err as Error)?.message ?? String(err));
  return { title: MESSAGES[language].errors.cannotStart, body };
}

function describe(failure: OpenFailure, language: UiLanguage): string {
  const messages = MESSAGES[language];
  const reason = failure.storage ? messages.errors.storage[failure.storage] : failure.say ? sayIn(language, failure.say) : failure.detail;
  return `${fill(messages.errors.cannotOpen, { file: failure.openFile })} ${reason}`;
}

function openFailureOf(err: unknown): OpenFailure | null {
  const details = err instanceof FirebreakError ? (err.details as Partial<OpenFailure> | undefined) : undefined;
  return typeof details?.openFile === 'string' ? (details as OpenFailure) : null;
}
