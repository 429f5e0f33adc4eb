import type { Database } from 'better-sqlite3';
import { facetValues } from '../mentions/mention-counts';
import type { FilterSql } from '../mentions/mention-query';

/**
 * SQL giving a column's value its position in `values` (NULL for a value not listed), the values bound as
 * parameters `@<name>0...` added to `params`.
 */
export function numberedSql(params: Record<string, unknown>, name: string, column: string, values: readonly string[]): string {
  if (!values.length) return 'NULL';
  return `CASE ${column} ${values.map((v, i) => ((params[`${name}${i}`] = v), `WHEN @${name}${i} THEN ${i}`)).join(' ')} END`;
}

export type TallyRow = { b: number; platform: string; lang: string; s: number | null; n: number };

const SENTIMENTS = [-1, 0, 1, null] as const;

/**
 * Matching mentions counted by time bucket, platform, language and sentiment, for filters the rollups cannot
 * answer (a text search). SQL's GROUP BY sorts every matching row first (for a word in 15% of a million mentions
 * that sort was half the query), so each row is folded into one integer here and counted in a Map instead:
 * ((bucket * platforms + platform) * languages + language) * 4 + sentiment. Platforms and languages are numbered
 * from the incident's filter-menu counts; should a value be missing there, the query falls back to GROUP BY.
 */
export function tallyMatches(db: Database, incidentId: string, q: FilterSql, size: number, tz: number): TallyRow[] {
  const platforms = facetValues(db, incidentId, 'platform');
  const langs = facetValues(db, incidentId, 'lang');
  if (!platforms.length || !langs.length) return groupBy(db, q, size, tz);
  const params: Record<string, unknown> = { ...q.params };
  const P = platforms.length;
  const L = langs.length;
  const code = `((CAST((m.published_at + ${tz}) / ${size} AS INTEGER) * ${P} + ${numberedSql(params, 'tallyP', 'm.platform', platforms)}) * ${L}
    + ${numberedSql(params, 'tallyL', "COALESCE(m.lang, '')", langs)}) * 4 + COALESCE(m.sentiment, 2) + 1`;
  const codes = db.prepare(`SELECT ${code} FROM ${q.from} WHERE ${q.sql}`).pluck().all(params) as (number | null)[];
  const counts = new Map<number, number>();
  for (const c of codes) {
    if (c === null) return groupBy(db, q, size, tz);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].map(([c, n]) => {
    const s = c % 4;
    const rest = (c - s) / 4;
    const l = rest % L;
    const pb = (rest - l) / L;
    const p = pb % P;
    return { b: (pb - p) / P, platform: platforms[p], lang: langs[l], s: SENTIMENTS[s], n };
  });
}

function groupBy(db: Database, q: FilterSql, size: number, tz: number): TallyRow[] {
  return db
    .prepare(`SELECT CAST((m.published_at + ${tz}) / ${size} AS INTEGER) AS b, m.platform AS platform, COALESCE(m.lang, '') AS lang, m.sentiment AS s, COUNT(*) AS n
      FROM ${q.from} WHERE ${q.sql} GROUP BY 1, 2, 3, 4`)
    .all(q.params) as TallyRow[];
}
