import { useMemo } from 'react';
import { MESSAGES } from '../../../shared/locales';
import type { Wording } from '../../../shared/timeline-words';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** The UI language's words and formats, for the wordings shared with the core (shared/timeline-words.ts). */
export function useWording(): Wording {
  const language = useStore((s) => s.language);
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    return { m: MESSAGES[language], lang: language, number: (v) => number.format(v), time: (ms) => formatTime(ms, language), quote: isolate };
  }, [language]);
}
