import { el } from './el';
import { en, type Messages } from './en';
import { fa } from './fa';
import { ru } from './ru';
import { uk } from './uk';

/** Every UI language's strings, for the core's words in the reader's language (report, timeline search). */
export const MESSAGES: Record<'en' | 'ru' | 'uk' | 'fa' | 'el', Messages> = { en, ru, uk, fa, el };
export const UI_LANGUAGES = ['en', 'ru', 'uk', 'fa', 'el'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
