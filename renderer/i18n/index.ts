import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES, uiLanguageOf } from '../../shared/locales';

export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'ru', label: 'Русский', dir: 'ltr' },
  { code: 'uk', label: 'Українська', dir: 'ltr' },
  { code: 'fa', label: 'فارسی', dir: 'rtl' },
  { code: 'el', label: 'Ελληνικά', dir: 'ltr' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export function isLanguage(code: string | null): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

export function directionOf(code: LanguageCode): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** The first of the laptop's preferred languages that we speak. */
export function preferredLanguage(): LanguageCode {
  return uiLanguageOf(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function initI18n(language: LanguageCode) {
  void i18n.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([code, translation]) => [code, { translation }])),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; double escaping would show &amp; in titles
    returnNull: false,
  });
  return i18n;
}

export { i18n };
