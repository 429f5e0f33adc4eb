import type { Database } from 'better-sqlite3';
import { BUCKETS, type Breakdown, type BucketSize, type Dashboard, type SentimentCounts, type ShareOfVoice, type TopAuthor, type TopAuthors, type TopTerms } from '../../../shared/analytics';
import { ROLLUP_BUCKET_MS } from '../mentions/mention-counts';
import { filterSql, type MentionFilter } from '../mentions/mention-query';
import { documentTerms, termLift } from './term-lift';
import { topicFts, type TopicRepo } from './topic-repo';

/** At most this many of the newest matching mentions feed top authors and top terms (bounded time at any size). */
export const SAMPLE = 20_000;
const TERM_SAMPLE = 5_000;
const MAX_POINTS = 2_000;
const SENTIMENT_KEYS = ['negative', 'neutral', 'positive', 'unrated'] as const;
const keyOf = (s: number | null) => (s === -1 ? 'negative' : s === 0 ? 'neutral' : s === 1 ? 'positive' : 'unrated');
const empty = (): SentimentCounts => ({ negative: 0, neutral: 0, positive: 0, unrated: 0 });

/** Filters the 5-minute rollup can answer: everything but text, author, link and batch. */
function rollupCompatible(f: MentionFilter): boolean {
  return !f.query && !f.author && f.hasUrl === undefined && !f.batchId;
}

export function bucketFor(spanMs: number): BucketSize {
  return spanMs <= 12 * BUCKETS['1h'] ? '5m' : spanMs <= 14 * BUCKETS['1d'] ? '1h' : '1d';
}

/** The dashboard's aggregates, computed in SQL: from the rollup when the filter allows it, from the mentions otherwise. */
export class DashboardQuery {
  constructor(private readonly db: Database, private readonly topics: TopicRepo, private readonly followerThreshold: (incidentId: string) => number) {}

  dashboard(f: MentionFilter, tzOffsetMinutes: number): Dashboard {
    const span = this.span(f);
    const bucket = bucketFor(span.last - span.first);
    const size = BUCKETS[bucket];
    const tz = bucket === '1d' ? tzOffsetMinutes * 60_000 : 0;
    const useRollup = rollupCompatible(f);
    // CAST: better-sqlite3 binds numbers as REAL, which would make the division fractional.
    type Row = { b: number; s: number | null; n: number; platform: string; lang: string };
    let rows: Row[];
    if (useRollup) {
      const { sql, params } = rollupWhere(f);
      rows = this.db
        .prepare(`SELECT CAST((bucket * ${ROLLUP_BUCKET_MS} + @tz) / @size AS INTEGER) AS b, CASE sentiment WHEN 2 THEN NULL ELSE sentiment END AS s, platform, lang, SUM(n) AS n
          FROM mention_rollup WHERE ${sql} GROUP BY b, s, platform, lang`)
        .all({ ...params, tz, size }) as Row[];
    } else {
      const { from, sql, params } = filterSql(f);
      rows = this.db
        .prepare(`SELECT CAST((m.published_at + @tz) / @size AS INTEGER) AS b, m.sentiment AS s, m.platform AS platform, COALESCE(m.lang, '') AS lang, COUNT(*) AS n
          FROM ${from} WHERE ${sql} GROUP BY b, s, platform, lang`)
        .all({ ...params, tz, size }) as Row[];
    }
    const byBucket = new Map<number, SentimentCounts>();
    const platforms = new Map<string, SentimentCounts>();
    const langs = new Map<string, SentimentCounts>();
    let total = 0;
    for (const r of rows) {
      const k = keyOf(r.s);
      for (const [map, key] of [[byBucket, r.b], [platforms, r.platform], [langs, r.lang]] as const) {
        const c = (map as Map<typeof key, SentimentCounts>).get(key) ?? empty();
        c[k] += r.n;
        (map as Map<typeof key, SentimentCounts>).set(key, c);
      }
      total += r.n;
    }
    return { bucket, volume: fillGaps(byBucket, size, tz), platforms: sorted(platforms), langs: sorted(langs), total, source: useRollup ? 'rollup' : 'mentions' };
  }

  shareOfVoice(f: MentionFilter): ShareOfVoice {
    return {
      topics: this.topics.list(f.incidentId).map((topic) => {
        const counts = empty();
        const fts = topicFts(topic.terms);
        if (fts) {
          const { from, sql, params } = filterSql(f, { extraFts: fts });
          const rows = this.db.prepare(`SELECT m.sentiment AS s, COUNT(*) AS n FROM ${from} WHERE ${sql} GROUP BY s`).all(params) as { s: number | null; n: number }[];
          for (const r of rows) counts[keyOf(r.s)] += r.n;
        }
        return { id: topic.id, name: topic.name, kind: topic.kind, ...counts, total: SENTIMENT_KEYS.reduce((n, k) => n + counts[k], 0) };
      }),
    };
  }

  /** Who is behind the negative mentions: the newest SAMPLE of them, grouped by account. */
  topAuthors(f: MentionFilter): TopAuthors {
    const { from, sql, params } = filterSql({ ...f, sentiment: ['negative'] });
    const threshold = this.followerThreshold(f.incidentId);
    const rows = this.db
      .prepare(`SELECT COALESCE(author, author_handle) AS author, MAX(author_handle) AS handle, platform, COUNT(*) AS mentions,
          SUM(reach) AS reach, MAX(author_followers) AS followers
        FROM (SELECT m.author, m.author_handle, m.platform, m.reach, m.author_followers FROM ${from} WHERE ${sql}
          ORDER BY m.published_at DESC LIMIT ${SAMPLE})
        WHERE COALESCE(author, author_handle) IS NOT NULL GROUP BY COALESCE(author_handle, author), platform`)
      .all(params) as Omit<TopAuthor, 'influencer' | 'repeat'>[];
    const negatives = this.db.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${from} WHERE ${sql} LIMIT ${SAMPLE + 1})`).pluck().get(params) as number;
    const authors = rows.map((r) => ({ ...r, influencer: (r.followers ?? 0) >= threshold, repeat: r.mentions >= 3 }));
    const top = (key: 'reach' | 'followers') =>
      authors.filter((a) => a[key] !== null).sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0) || b.mentions - a.mentions).slice(0, 10);
    return { byReach: top('reach'), byFollowers: top('followers'), negatives: Math.min(negatives, SAMPLE), sampled: negatives > SAMPLE };
  }

  /**
   * Words and hashtags of negative mentions against a baseline: the same length of time just before the range when
   * it holds enough mentions, else the range's other (not negative) mentions.
   */
  topTerms(f: MentionFilter): TopTerms {
    const texts = (filter: MentionFilter) => {
      const { from, sql, params } = filterSql(filter);
      return this.db.prepare(`SELECT m.text FROM ${from} WHERE ${sql} ORDER BY m.published_at DESC LIMIT ${TERM_SAMPLE + 1}`).pluck().all(params) as string[];
    };
    const negative = texts({ ...f, sentiment: ['negative'] });
    const span = this.span(f);
    const length = span.last - span.first;
    let baselineKind: 'before' | 'rest' = 'before';
    let baseline = length > 0 ? texts({ ...f, sentiment: undefined, from: span.first - length, to: span.first }) : [];
    if (baseline.length < 50) {
      baselineKind = 'rest';
      baseline = texts({ ...f, sentiment: ['neutral', 'positive', 'unrated'] });
    }
    const focus = documentTerms(negative.slice(0, TERM_SAMPLE));
    const base = documentTerms(baseline.slice(0, TERM_SAMPLE));
    return {
      terms: termLift(focus, base),
      negatives: focus.docs,
      baseline: { kind: baselineKind, mentions: base.docs },
      sampled: negative.length > TERM_SAMPLE || baseline.length > TERM_SAMPLE,
    };
  }

  /** The filter's time range, or the incident's first and last mention where it leaves one open. */
  private span(f: MentionFilter): { first: number; last: number } {
    const first = f.from ?? ((this.db.prepare('SELECT MIN(published_at) FROM mentions WHERE incident_id = ?').pluck().get(f.incidentId) as number | null) ?? 0);
    const last = f.to ?? ((this.db.prepare('SELECT MAX(published_at) FROM mentions WHERE incident_id = ?').pluck().get(f.incidentId) as number | null) ?? first);
    return { first, last };
  }
}

function rollupWhere(f: MentionFilter): { sql: string; params: Record<string, unknown> } {
  const clauses = ['incident_id = @incidentId'];
  const params: Record<string, unknown> = { incidentId: f.incidentId };
  const list = (name: string, column: string, values: (string | number)[] | undefined) => {
    if (!values?.length) return;
    clauses.push(`${column} IN (${values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ')})`);
  };
  list('platform', 'platform', f.platforms);
  list('lang', 'lang', f.langs);
  list('sentiment', 'sentiment', f.sentiment?.map((s) => (s === 'negative' ? -1 : s === 'neutral' ? 0 : s === 'positive' ? 1 : 2)));
  if (f.from !== undefined) {
    clauses.push('bucket >= @fromBucket');
    params.fromBucket = Math.floor(f.from / ROLLUP_BUCKET_MS);
  }
  if (f.to !== undefined) {
    clauses.push('bucket < @toBucket');
    params.toBucket = Math.ceil(f.to / ROLLUP_BUCKET_MS);
  }
  return { sql: clauses.join(' AND '), params };
}

function fillGaps(byBucket: Map<number, SentimentCounts>, size: number, tz: number) {
  if (byBucket.size === 0) return [];
  const keys = [...byBucket.keys()];
  const lo = Math.min(...keys);
  const hi = Math.max(...keys);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / MAX_POINTS));
  const out = [];
  for (let b = lo; b <= hi; b += step) {
    const c = empty();
    for (let k = b; k < b + step && k <= hi; k++) {
      const v = byBucket.get(k);
      if (v) for (const s of SENTIMENT_KEYS) c[s] += v[s];
    }
    out.push({ t: b * size - tz, ...c });
  }
  return out;
}

function sorted(map: Map<string, SentimentCounts>): Breakdown[] {
  return [...map]
    .map(([value, c]) => ({ value, ...c }))
    .sort((a, b) => SENTIMENT_KEYS.reduce((n, k) => n + b[k], 0) - SENTIMENT_KEYS.reduce((n, k) => n + a[k], 0));
}
