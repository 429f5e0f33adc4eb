import type { SystemLine } from '../../../shared/analytics';
import { wordSystemLine } from '../../../shared/system-line';
import { useWording } from '../common/use-wording';

/** A line Firebreak wrote, in the reader's language, worded as the core words it; what it quotes isolated. */
export function useSystemLineText(): (line: SystemLine) => string {
  const w = useWording();
  return (line) => wordSystemLine(w.m, w.lang, line, w.quote);
}
