import type { Alert, TimelineEntry } from './analytics';
import { fill } from './fill';
import type { Messages } from './locales/en';
import { MESSAGES, type UiLanguage } from './locales';
import { seededText, stringAt, wordSystemLine } from './system-line';

/** One language's words and formats: the UI's (its hooks) or the after-action report's (its language and time zone). */
export type Wording = {
  m: Messages;
  lang: string;
  number(v: number): string;
  time(ms: number): string;
  /** What a line quotes (names, titles): isolated for right-to-left text in the UI, as written in a report. */
  quote?(s: string): string;
};

/** A language's words with its number and date formats (as the UI shows them; in `timeZone` when given). */
export function wordingIn(lang: UiLanguage, timeZone?: string): Wording {
  const number = new Intl.NumberFormat(lang);
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return { m: MESSAGES[lang], lang, number: (v) => number.format(v), time: (ms) => time.format(ms) };
}

/** An early-warning alert in words: the banner's, the timeline's, the report's. */
export function alertWords(a: Alert, w: Wording): string {
  // Shares are worded "72%" by the strings themselves; counts keep one decimal for a fractional baseline ("about 2.8").
  const share = a.kind === 'negative_share' || a.kind === 'new_term';
  // What the alert quotes from the posts keeps its own direction: an English campaign in a Persian line read mixed.
  const quote = w.quote ?? ((t: string) => t);
  return fill(w.m.alerts.text[a.kind], {
    observed: w.number(share ? Math.round(a.observed * 100) : a.observed),
    baseline: share ? w.number(Math.round((a.baseline ?? 0) * 100)) : (a.baseline ?? 0).toLocaleString(w.lang, { maximumFractionDigits: 1 }),
    author: quote(a.detail.author ?? ''),
    platform: a.detail.platform ?? '',
    term: quote(a.detail.term ?? ''),
    text: quote(a.detail.text ?? ''),
    minutes: w.number(Math.round((a.windowEnd - a.windowStart) / 60_000)),
    time: w.time(a.windowStart),
  }, w.lang);
}

/** A timeline entry's kind in words ("Decision", "Alert raised"); an unknown kind as stored. */
export function entryKindWords(kind: string, w: Wording): string {
  return stringAt(w.m, `timeline.kind.${kind}`) ?? kind;
}

/**
 * A line Firebreak wrote on the timeline, in the reader's language (its alert from `alerts`); null for a person's
 * entry, which is shown as written.
 */
export function entryWords(e: TimelineEntry, alerts: readonly Alert[], w: Wording): string | null {
  if (e.ref?.line) return wordSystemLine(w.m, w.lang, e.ref.line, w.quote);
  if (e.kind === 'task.done' && e.ref?.seedKey) return seededText(w.m, `playbooks.${e.ref.seedKey}`, e.text);
  const alert = e.ref?.alertId ? alerts.find((a) => a.id === e.ref?.alertId) : undefined;
  if (alert) return alertWords(alert, w);
  if (e.kind.startsWith('incident.') && e.ref?.field) {
    const field = e.ref.field;
    const value = (v: string | null | undefined) => (v ? (stringAt(w.m, `${field}.${v}`) ?? v) : w.m.fields.none);
    return fill(w.m.timeline.changed, { field: stringAt(w.m, `fields.${field}`) ?? field, from: value(e.ref.from), to: value(e.ref.to) }, w.lang);
  }
  return null;
}
