import type { Database } from 'better-sqlite3';
import { UNRATED } from '../mentions/mention-counts';
import type { SentimentWindow } from '../../../shared/review';

export const HOUR = 3_600_000;

export type Hour = { hour: number; negative: number; neutral: number; positive: number; unrated: number };

export const total = (h: Hour): number => h.negative + h.neutral + h.positive + h.unrated;
export const rated = (h: Hour): number => h.negative + h.neutral + h.positive;

/**
 * An incident's (or one topic's) completed mentions per hour and sentiment, from the chart rollups: the report reads
 * a few thousand counted rows instead of a million mentions. Ordered by hour.
 */
export function hourlyCounts(db: Database, incidentId: string, scope = 0): Hour[] {
  const rows = db
    .prepare('SELECT hour, sentiment, SUM(n) AS n FROM rollup_hour WHERE incident_id = ? AND scope = ? GROUP BY hour, sentiment ORDER BY hour')
    .all(incidentId, scope) as { hour: number; sentiment: number; n: number }[];
  const hours = new Map<number, Hour>();
  for (const r of rows) {
    let h = hours.get(r.hour);
    if (!h) hours.set(r.hour, (h = { hour: r.hour, negative: 0, neutral: 0, positive: 0, unrated: 0 }));
    if (r.sentiment === -1) h.negative += r.n;
    else if (r.sentiment === 0) h.neutral += r.n;
    else if (r.sentiment === 1) h.positive += r.n;
    else if (r.sentiment === UNRATED) h.unrated += r.n;
  }
  return [...hours.values()];
}

/** Mentions published in [from, to) (by the hour), and how they felt. */
export function sentimentWindow(hours: readonly Hour[], from: number, to: number): SentimentWindow {
  const sum = { negative: 0, neutral: 0, positive: 0, unrated: 0 };
  for (const h of hours) {
    const at = h.hour * HOUR;
    if (at < from || at >= to) continue;
    sum.negative += h.negative;
    sum.neutral += h.neutral;
    sum.positive += h.positive;
    sum.unrated += h.unrated;
  }
  const r = sum.negative + sum.neutral + sum.positive;
  return {
    mentions: r + sum.unrated,
    rated: r,
    negative: sum.negative,
    negativeShare: r ? sum.negative / r : null,
    net: r ? (sum.positive - sum.negative) / r : null,
  };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
