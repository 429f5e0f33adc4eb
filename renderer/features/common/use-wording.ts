import { useMemo } from 'react';
import { wordingIn, type Wording } from '../../../shared/timeline-words';
import { isolate } from '../../bidi';
import { useStore } from '../../store';

/** The UI language's words and formats, for the wordings shared with the core (shared/timeline-words.ts). */
export function useWording(): Wording {
  const language = useStore((s) => s.language);
  return useMemo(() => ({ ...wordingIn(language), quote: isolate }), [language]);
}
