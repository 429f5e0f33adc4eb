import type { SystemLine } from '../../../shared/analytics';
import type { Params } from '../../../shared/fill';
import { en } from '../../../shared/locales/en';
import { wordSystemLine } from '../../../shared/system-line';

/**
 * A line Firebreak writes on the timeline: the key and what it quotes (so the UI words it in each reader's
 * language) and the same line in English for the entry's text, worded by shared/system-line.ts. `detail` is a
 * person's own words (a handover note, an escalation note, where a statement was published), appended as written
 * after " — ".
 */
export function systemLine(key: SystemLine['key'], params: Params, detail?: string | null): { text: string; line: SystemLine } {
  const line: SystemLine = { key, params: detail ? { ...params, detail } : params };
  return { text: wordSystemLine(en, 'en', line), line };
}

/** A person's words quoted on a line (a question, an answer, what someone was told): enough to recognise them; the whole text stays on its record. */
const QUOTED = 280;
export function quotedDetail(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED - 1).trimEnd()}…` : text;
}
