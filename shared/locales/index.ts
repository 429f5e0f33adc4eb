import { el } from './el';
import { en, type Messages } from './en';
import { fa } from './fa';
import { ru } from './ru';
import { uk } from './uk';

/** Every UI language's strings, for the core's words in the reader's language (report, timeline search). */
export const MESSAGES: Record<'en' | 'ru' | 'uk' | 'fa' | 'el', Messages> = { en, ru, uk, fa, el };
export const UI_LANGUAGES = ['en', 'ru', 'uk', 'fa', 'el'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The first of the laptop's preferred languages (BCP 47 tags, most preferred first) that Firebreak speaks, else English. */
export function uiLanguageOf(tags: readonly string[]): UiLanguage {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if ((UI_LANGUAGES as readonly string[]).includes(primary)) return primary as UiLanguage;
  }
  return 'en';
}
