import type { SystemLine } from '../../../shared/analytics';
import { fill, type Params } from '../../../shared/fill';
import { en } from '../../../shared/locales/en';

/**
 * A line Firebreak writes on the timeline: the key and what it quotes (so the UI words it in each reader's
 * language) and the same line in English for the entry's text. `detail` is a person's own words (a handover note,
 * an escalation note, where a statement was published), appended as written after " — ".
 */
export function systemLine(key: SystemLine['key'], params: Params, detail?: string | null): { text: string; line: SystemLine } {
  const english: Params = { ...params };
  if (typeof params.rank === 'string') english.rank = en.team.rank[params.rank as keyof typeof en.team.rank] ?? params.rank;
  if (typeof params.channel === 'string') english.channel = en.statements.channel[params.channel as keyof typeof en.statements.channel] ?? params.channel;
  // A line with a count has English plural forms (`_one`, `_other`), as i18next picks them in the UI.
  const lines: Record<string, string> = en.timeline.line;
  const template = lines[`${key}_${params.count === 1 ? 'one' : 'other'}`] ?? lines[key];
  const text = fill(template, english) + (detail ? ` — ${detail}` : '');
  return { text, line: { key, params: detail ? { ...params, detail } : params } };
}
