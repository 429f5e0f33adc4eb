import type { SystemLine } from '../../../shared/analytics';
import { MESSAGES } from '../../../shared/locales';
import { wordSystemLine } from '../../../shared/system-line';
import { isolate } from '../../bidi';
import { useStore } from '../../store';

/** A line Firebreak wrote, in the reader's language, worded as the core words it; what it quotes isolated. */
export function useSystemLineText(): (line: SystemLine) => string {
  const language = useStore((s) => s.language);
  return (line) => wordSystemLine(MESSAGES[language], language, line, isolate);
}
