import type { SystemLine } from '../../../shared/analytics';
import { fill, type Params } from '../../../shared/fill';
import { en, type Messages } from '../../../shared/locales/en';

/**
 * A line Firebreak writes on the timeline: the key and what it quotes (so the UI words it in each reader's
 * language) and the same line in English for the entry's text. `detail` is a person's own words (a handover note,
 * an escalation note, where a statement was published), appended as written after " — ".
 */
export function systemLine(key: SystemLine['key'], params: Params, detail?: string | null): { text: string; line: SystemLine } {
  const line: SystemLine = { key, params: detail ? { ...params, detail } : params };
  return { text: wordSystemLine(en, 'en', line), line };
}

/**
 * A system line in one language, as the UI words it (renderer/features/timeline/system-line-text.ts): its plural
 * form, seeded role and playbook names, rank and channel in that language; what it quotes as written.
 */
export function wordSystemLine(m: Messages, lang: string, { key, params }: SystemLine): string {
  const lines: Record<string, string | undefined> = m.timeline.line;
  const plural = typeof params.count === 'number' ? new Intl.PluralRules(lang).select(params.count) : null;
  const template = (plural ? (lines[`${key}_${plural}`] ?? lines[`${key}_other`]) : lines[key]) ?? '';
  const { detail, ...values } = params;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const [roleId, role, playbookId, rank, channel] = [str(params.roleId), str(params.role), str(params.playbookId), str(params.rank), str(params.channel)];
  if (roleId && role) values.role = seededName(m, 'roles', roleId, role);
  if (rank) values.rank = (m.team.rank as Record<string, string>)[rank] ?? rank;
  if (channel) values.channel = (m.statements.channel as Record<string, string>)[channel] ?? channel;
  if (playbookId) {
    Object.assign(values, { name: seededName(m, 'playbooks', playbookId, String(params.name)), strategy: seededName(m, 'playbooks', playbookId, String(params.strategy), 'strategy') });
  }
  return fill(template, values, lang) + (detail ? ` — ${detail}` : '');
}

/** Seeded roles and playbooks in the reader's language while they keep their seeded English name (or strategy). */
export function seededName(m: Messages, kind: 'roles' | 'playbooks', id: string, recorded: string, field: 'name' | 'strategy' = 'name'): string {
  const words = (messages: Messages) => (messages[kind] as Record<string, { name?: string; strategy?: string } | undefined>)[id]?.[field];
  const local = words(m);
  return local && words(en) === recorded ? local : recorded;
}
