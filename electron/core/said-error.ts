import { fill, type Params } from '../../shared/fill';
import { FirebreakError, SAID_WORDS, type ErrorCode, type Said } from '../../shared/errors';
import { en, type Messages } from '../../shared/locales/en';
import { MESSAGES, type UiLanguage } from '../../shared/locales';

/**
 * An error people meet in the normal course of work (a step only its approver may decide, a draft with blanks):
 * its message is worded by the English UI string `errors.say.<key>`, and `details.say` carries the key and figures so
 * the UI words it in the reader's language.
 */
export function saidError(code: ErrorCode, key: Said['key'], params: Said['params'], details: Record<string, unknown> = {}): FirebreakError {
  return new FirebreakError(code, sayIn('en', { key, params }), { ...details, say: { key, params } satisfies Said });
}

/** A said error's sentence in one UI language (the core's English message; a dialog shown before any page is). */
export function sayIn(language: UiLanguage, { key, params }: Said): string {
  const messages = MESSAGES[language];
  return fill(messages.errors.say[key], wordsIn(messages, params), language);
}

/** Something looked up by id is not in the database (removed on another laptop, an undone import, a wrong id). */
export function notFound(thing: keyof typeof en.errors.things, id: string | number): FirebreakError {
  return saidError('NOT_FOUND', 'missing', { thing, id: String(id) }); // an id, not a figure: never "1,234"
}

/** Figures that are keys of other UI strings (SAID_WORDS) by their words in that language, as its UI shows them. */
function wordsIn(messages: Messages, params: Said['params']): Params {
  const worded: Params = { ...params };
  for (const [name, path] of Object.entries(SAID_WORDS)) {
    if (!(name in params)) continue;
    const words = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as Record<string, string>;
    const template = words[String(params[name])];
    worded[name] = template === undefined ? params[name] : fill(template, worded);
  }
  return worded;
}
