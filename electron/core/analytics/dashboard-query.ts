import type { Database } from 'better-sqlite3';
import { BUCKETS, type Breakdown, type BucketSize, type Dashboard, type SentimentCounts, type ShareOfVoice, type TopAuthor, type TopAuthors, type TopTerms } from '../../../shared/analytics';
import { filterSql, type MentionFilter } from '../mentions/mention-query';
import { RangeCounts, rollupCompatible, type CountRow } from './range-counts';
import { documentTerms, termLift } from './term-lift';
import { topicFts, type TopicRepo } from './topic-repo';

/** At most this many of the newest matching mentions feed top authors and top terms (bounded time at any size). */
export const SAMPLE = 20_000;
const TERM_SAMPLE = 5_000;
const MAX_POINTS = 2_000;
const SENTIMENT_KEYS = ['negative', 'neutral', 'positive', 'unrated'] as const;
const keyOf = (s: number | null) => (s === -1 ? 'negative' : s === 0 ? 'neutral' : s === 1 ? 'positive' : 'unrated');
const empty = (): SentimentCounts => ({ negative: 0, neutral: 0, positive: 0, unrated: 0 });

export function bucketFor(spanMs: number): BucketSize {
  return spanMs <= 12 * BUCKETS['1h'] ? '5m' : spanMs <= 14 * BUCKETS['1d'] ? '1h' : '1d';
}

/** The dashboard's aggregates, computed in SQL: from the rollup when the filter allows it, from the mentions otherwise. */
export class DashboardQuery {
  private readonly counts: RangeCounts;

  constructor(private readonly db: Database, private readonly topics: TopicRepo, private readonly followerThreshold: (incidentId: string) => number) {
    this.counts = new RangeCounts(db);
  }

  dashboard(f: MentionFilter, tzOffsetMinutes: number): Dashboard {
    const span = this.span(f);
    const bucket = bucketFor(span.last - span.first);
    const size = BUCKETS[bucket];
    const tz = bucket === '1d' ? tzOffsetMinutes * 60_000 : 0;
    const all = { id: 0, fts: null };
    const series = this.counts.count(f, { by: 'time', size, tz }, all, span);
    const group = (rows: CountRow[]) => {
      const map = new Map<number | string, SentimentCounts>();
      for (const r of rows) {
        const c = map.get(r.k) ?? empty();
        c[keyOf(r.s)] += r.n;
        map.set(r.k, c);
      }
      return map;
    };
    const byBucket = group(series) as Map<number, SentimentCounts>;
    const platforms = group(this.counts.count(f, { by: 'platform' }, all, span)) as Map<string, SentimentCounts>;
    const langs = group(this.counts.count(f, { by: 'lang' }, all, span)) as Map<string, SentimentCounts>;
    const total = series.reduce((n, r) => n + r.n, 0);
    return { bucket, volume: fillGaps(byBucket, size, tz), platforms: sorted(platforms), langs: sorted(langs), total, source: rollupCompatible(f) ? 'rollup' : 'mentions' };
  }

  /** Each topic's mentions by sentiment, from its own rollup scope (or its words joined to the search). */
  shareOfVoice(f: MentionFilter): ShareOfVoice {
    const span = this.span(f);
    return {
      topics: this.topics.list(f.incidentId).map((topic) => {
        const counts = empty();
        const fts = topicFts(topic.terms);
        if (fts) for (const r of this.counts.count(f, { by: 'none' }, { id: topic.id, fts }, span)) counts[keyOf(r.s)] += r.n;
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
