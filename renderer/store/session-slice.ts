import type { StateCreator } from 'zustand';
import type { Actor } from '../../shared/domain';
import { setActor } from '../api/client';
import { i18n, isLanguage, preferredLanguage, type LanguageCode } from '../i18n';
import type { StoreState } from './index';

const KEYS = { actor: 'firebreak.actor', language: 'firebreak.language', theme: 'firebreak.theme', notify: 'firebreak.notify' };

export type ThemeMode = 'light' | 'dark';

export type SessionSlice = {
  actor: Actor | null;
  language: LanguageCode;
  themeMode: ThemeMode;
  /** Desktop notifications wanted on this laptop (the browser or the OS must allow them too). */
  notifyDesktop: boolean;
  setNotifyDesktop(on: boolean): void;
  signIn(actor: Actor): void;
  signOut(): void;
  setLanguage(code: LanguageCode): void;
  toggleTheme(): void;
};

function readActor(): Actor | null {
  try {
    const raw = localStorage.getItem(KEYS.actor);
    const parsed = raw ? (JSON.parse(raw) as Actor) : null;
    return parsed && typeof parsed.name === 'string' && parsed.name.trim() ? parsed : null;
  } catch {
    return null;
  }
}

/** Who is at this laptop, in which language and theme; kept locally in this browser profile / app window. */
export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set, get) => {
  const actor = readActor();
  setActor(actor);
  const savedLanguage = localStorage.getItem(KEYS.language);
  return {
    actor,
    language: isLanguage(savedLanguage) ? savedLanguage : preferredLanguage(),
    themeMode: localStorage.getItem(KEYS.theme) === 'dark' ? 'dark' : 'light',
    notifyDesktop: localStorage.getItem(KEYS.notify) === 'on',
    setNotifyDesktop: (on) => {
      localStorage.setItem(KEYS.notify, on ? 'on' : 'off');
      set({ notifyDesktop: on });
    },
    signIn: (next) => {
      localStorage.setItem(KEYS.actor, JSON.stringify(next));
      setActor(next);
      set({ actor: next });
    },
    signOut: () => {
      localStorage.removeItem(KEYS.actor);
      setActor(null);
      set({ actor: null });
    },
    setLanguage: (code) => {
      localStorage.setItem(KEYS.language, code);
      void i18n.changeLanguage(code);
      set({ language: code });
    },
    toggleTheme: () => {
      const themeMode = get().themeMode === 'dark' ? 'light' : 'dark';
      localStorage.setItem(KEYS.theme, themeMode);
      set({ themeMode });
    },
  };
};
