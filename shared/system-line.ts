import type { SystemLine } from './analytics';
import { fill, type Params } from './fill';
import { en, type Messages } from './locales/en';

/**
 * A line Firebreak wrote on the timeline, in one language: its plural form; built-in role and playbook names, rank
 * and channel in that language; what it quotes (names, titles, notes) as written, passed through `quote` (the UI
 * isolates it for right-to-left text). One wording for the entry's English text, the report in the reader's
 * language, the timeline search and the UI.
 */
export function wordSystemLine(m: Messages, lang: string, { key, params }: SystemLine, quote: (s: string) => string = (s) => s): string {
  const lines: Record<string, string | undefined> = m.timeline.line;
  const plural = typeof params.count === 'number' ? new Intl.PluralRules(lang).select(params.count) : null;
  const template = (plural ? (lines[`${key}_${plural}`] ?? lines[`${key}_other`]) : lines[key]) ?? '';
  const { detail, ...rest } = params;
  const values: Params = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? quote(v) : v]));
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const [roleId, role, playbookId, name, strategy, rank, channel, usualKey, verdict] = ['roleId', 'role', 'playbookId', 'name', 'strategy', 'rank', 'channel', 'usualKey', 'verdict'].map((k) => str(params[k]));
  if (roleId && role) values.role = seededName(m, 'roles', roleId, role);
  if (rank) values.rank = (m.team.rank as Record<string, string>)[rank] ?? rank;
  if (verdict) values.verdict = (m.claims.verdict as Record<string, string>)[verdict] ?? verdict;
  if (channel) values.channel = (m.statements.channel as Record<string, string>)[channel] ?? channel;
  if (playbookId && name) values.name = seededName(m, 'playbooks', playbookId, name);
  if (usualKey && name) values.name = quote(stakeholderName(m, name, usualKey));
  if (playbookId && strategy) values.strategy = seededName(m, 'playbooks', playbookId, strategy, 'strategy');
  return fill(template, values, lang) + (detail ? ` — ${quote(String(detail))}` : '');
}

/** Seeded roles and playbooks in the reader's language while they keep their seeded English name (or strategy). */
export function seededName(m: Messages, kind: 'roles' | 'playbooks', id: string, recorded: string, field: 'name' | 'strategy' = 'name'): string {
  return seededText(m, `${kind}.${id}.${field}`, recorded);
}

/** A stakeholder added from the usual list in the reader's language while it keeps its English name; else as written. */
export function stakeholderName(m: Messages, name: string, usualKey: string | null): string {
  return usualKey ? seededText(m, `stakeholders.usual.${usualKey}`, name) : name;
}

/** A seeded text (its UI string's dotted path) in the reader's language while it keeps its seeded English; else as written. */
export function seededText(m: Messages, path: string, recorded: string): string {
  const local = stringAt(m, path);
  return local && stringAt(en, path) === recorded ? local : recorded;
}

/** A UI string by its dotted path ("playbooks.viral_activity.s1"); undefined when there is none. */
export function stringAt(m: Messages, path: string): string | undefined {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], m);
  return typeof value === 'string' ? value : undefined;
}
