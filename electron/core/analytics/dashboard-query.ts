import type { Database } from 'better-sqlite3';
import { BUCKETS, type Breakdown, type BucketSize, type Copies, type Dashboard, type SentimentCounts, type ShareOfVoice, type TopAuthor, type TopAuthors, type TopTerms } from '../../../shared/analytics';
import { sentimentName } from '../../../shared/sentiment';
import { factsCanAnswer, filterSql, hasSearch, timeSpan, withSearch, type MentionFilter } from '../mentions/mention-query';
import { FactColumns, type IncidentColumns } from './fact-columns';
import { RangeCounts, rollupCompatible, type CountRow } from './range-counts';
import { tallyMatches } from './match-tally';
import { accountKey } from '../mentions/account-key';
import { copyGroups, type CopySample } from './copy-groups';
import { documentTerms, termLift } from './term-lift';
import { topicFts, type TopicRepo } from './topic-repo';

/** At most this many of the newest matching mentions feed top authors and top terms (bounded time at any size). */
export const AUTHOR_SAMPLE = 5_000;
const TERM_SAMPLE = 1_500;
/** The newest this many mentions are compared for copies: a campaign is news while it runs. */
export const COPY_SAMPLE = 5_000;
const MAX_POINTS = 2_000;
const SENTIMENT_KEYS = ['negative', 'neutral', 'positive', 'unrated'] as const;
const keyOf = (s: number | null) => sentimentName(s) ?? 'unrated';
const empty = (): SentimentCounts => ({ negative: 0, neutral: 0, positive: 0, unrated: 0 });

/**
 * A sample of the filter's mentions: the newest ones, except under a text search: sorting every match of a common
 * word by time reads each of them (a second at 1M), and the newest matches lie scattered over the table (reading
 * 5,000 of them took 75 ms even with their ids known), so there the sample is the first matches in import order.
 * SQL finds those in the narrow `mention_facts` table and stops at the limit: quick when most matches pass. A
 * platform, language or time condition may pass few, and SQL then checks every match (90 ms for a week of a common
 * word at 1M): the in-memory facts check them all in a few milliseconds. Only the sampled wide rows are read.
 */
function sample(db: Database, f: MentionFilter, columns: string, limit: number, facts: IncidentColumns | null): unknown[] {
  const selective = Boolean(f.platforms?.length || f.langs?.length || f.from !== undefined || f.to !== undefined);
  if (hasSearch(f) && facts && selective) {
    const ids = facts.first(facts.matches(db, f), limit);
    return db.prepare(`SELECT ${columns} FROM mentions m WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  }
  if (hasSearch(f)) {
    const q = filterSql(f, { narrow: true });
    return db.prepare(`SELECT ${columns} FROM mentions m WHERE m.id IN (SELECT m.id FROM ${q.from} WHERE ${q.sql} LIMIT ${limit})`).all(q.params);
  }
  const q = filterSql(f);
  return db.prepare(`SELECT ${columns} FROM ${q.from} WHERE ${q.sql} ORDER BY m.published_at DESC LIMIT ${limit}`).all(q.params);
}

export function bucketFor(spanMs: number): BucketSize {
  return spanMs <= 12 * BUCKETS['1h'] ? '5m' : spanMs <= 14 * BUCKETS['1d'] ? '1h' : '1d';
}

/**
 * The dashboard's aggregates, computed in the main process: from the rollups when the filter allows it, else from
 * the matching mentions (in SQL; under a text search from the in-memory facts once they are read).
 */
export class DashboardQuery {
  private readonly counts: RangeCounts;
  constructor(
    private readonly db: Database,
    private readonly topics: TopicRepo,
    private readonly followerThreshold: (incidentId: string) => number,
    /** The in-memory facts, shared with the explorer's deep pages. */
    readonly columns: FactColumns = new FactColumns(db),
  ) {
    this.counts = new RangeCounts(db);
  }

  dashboard(input: MentionFilter, tzOffsetMinutes: number): Dashboard {
    const f = withSearch(this.db, input);
    const span = this.span(f);
    const bucket = bucketFor(span.last - span.first);
    const size = BUCKETS[bucket];
    const tz = bucket === '1d' ? tzOffsetMinutes * 60_000 : 0;
    const all = { id: 0, fts: null };
    if (!rollupCompatible(f)) return this.fromMentions(f, bucket, tz);
    // Opening the dashboard starts reading the facts into memory, so that a search typed next finds them ready.
    this.columns.current(f.incidentId);
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
    return { bucket, volume: fillGaps(byBucket, size, tz), platforms: sorted(platforms), langs: sorted(langs), total, source: 'rollup' };
  }

  /** A filter the rollups cannot answer (text, author, ...): one pass over the matching mentions for all three charts. */
  private fromMentions(f: MentionFilter, bucket: BucketSize, tz: number): Dashboard {
    const size = BUCKETS[bucket];
    const columns = this.inMemory(f);
    const rows = columns ? columns.tally(columns.matches(this.db, f), size, tz) : tallyMatches(this.db, f.incidentId, filterSql(f, { narrow: true }), size, tz);
    const byBucket = new Map<number, SentimentCounts>();
    const platforms = new Map<string, SentimentCounts>();
    const langs = new Map<string, SentimentCounts>();
    const add = <K,>(map: Map<K, SentimentCounts>, key: K, s: number | null, n: number) => {
      const c = map.get(key) ?? empty();
      c[keyOf(s)] += n;
      map.set(key, c);
    };
    let total = 0;
    for (const r of rows) {
      add(byBucket, r.b, r.s, r.n);
      add(platforms, r.platform, r.s, r.n);
      add(langs, r.lang, r.s, r.n);
      total += r.n;
    }
    return { bucket, volume: fillGaps(byBucket, size, tz), platforms: sorted(platforms), langs: sorted(langs), total, source: columns ? 'memory' : 'mentions' };
  }

  /**
   * Each topic's mentions by sentiment, from its own rollup scope; under a search, the search's matches in memory
   * that are the topic's (or, until those are read, its words joined to the search).
   */
  shareOfVoice(input: MentionFilter): ShareOfVoice {
    const f = withSearch(this.db, input);
    const span = this.span(f);
    const columns = this.inMemory(f);
    const matches = columns?.matches(this.db, f);
    return {
      topics: this.topics.list(f.incidentId).map((topic) => {
        const counts = empty();
        const fts = topicFts(topic.terms);
        const rows = columns && matches ? (columns.topicCounts(matches, topic.id) ?? []) : fts ? this.counts.count(f, { by: 'none' }, { id: topic.id, fts }, span) : [];
        for (const r of rows) counts[keyOf(r.s)] += r.n;
        return { id: topic.id, name: topic.name, kind: topic.kind, ...counts, total: SENTIMENT_KEYS.reduce((n, k) => n + counts[k], 0) };
      }),
    };
  }

  /**
   * Who is behind the negative mentions: the newest AUTHOR_SAMPLE of them, grouped by account. Reading mentions
   * themselves is what costs (about 15 µs each at 1M), so the sample is what keeps this under 100 ms.
   */
  topAuthors(input: MentionFilter): TopAuthors {
    const f = withSearch(this.db, input);
    const threshold = this.followerThreshold(f.incidentId);
    const negativeFilter: MentionFilter = { ...f, sentiment: ['negative'] };
    const negatives = sample(this.db, negativeFilter, 'm.author, m.author_handle AS handle, m.platform, m.reach, m.author_followers AS followers', AUTHOR_SAMPLE, this.inMemory(negativeFilter)) as {
      author: string | null; handle: string | null; platform: string; reach: number | null; followers: number | null;
    }[];
    const byAccount = new Map<string, TopAuthor>();
    for (const m of negatives) {
      const key = accountKey(m);
      const name = m.author ?? m.handle;
      if (key === null || name === null) continue;
      const a = byAccount.get(key) ?? { author: name, handle: m.handle, platform: m.platform, mentions: 0, reach: null, followers: null, influencer: false, repeat: false };
      a.mentions++;
      if (m.reach !== null) a.reach = (a.reach ?? 0) + m.reach;
      if (m.followers !== null) a.followers = Math.max(a.followers ?? 0, m.followers);
      byAccount.set(key, a);
    }
    const authors = [...byAccount.values()].map((a) => ({ ...a, influencer: (a.followers ?? 0) >= threshold, repeat: a.mentions >= 3 }));
    const top = (key: 'reach' | 'followers') =>
      authors.filter((a) => a[key] !== null).sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0) || b.mentions - a.mentions).slice(0, 10);
    const total = this.negatives(f, negatives.length);
    return { byReach: top('reach'), byFollowers: top('followers'), negatives: total, sample: negatives.length, sampled: total > negatives.length };
  }

  /** The texts several accounts posted word for word, among the filter's newest COPY_SAMPLE mentions of any tone. */
  copies(input: MentionFilter): Copies {
    const f = withSearch(this.db, input);
    const rows = sample(this.db, f, 'm.id, m.text, m.author, m.author_handle AS handle, m.platform, m.author_followers AS followers, m.published_at AS at', COPY_SAMPLE, this.inMemory(f)) as CopySample[];
    return { groups: copyGroups(rows), sample: rows.length, sampled: rows.length === COPY_SAMPLE };
  }

  /** Negative mentions in the filter: exact from the rollups when they can answer, else what the sample saw (or more). */
  private negatives(f: MentionFilter, seen: number): number {
    if (!rollupCompatible(f)) return seen;
    return this.counts.count({ ...f, sentiment: ['negative'] }, { by: 'none' }, { id: 0, fts: null }, this.span(f)).reduce((n, r) => n + r.n, 0);
  }

  /**
   * Words and hashtags of negative mentions against a baseline: the same length of time just before the range when
   * it holds enough mentions, else the range's other (not negative) mentions.
   */
  topTerms(input: MentionFilter): TopTerms {
    const f = withSearch(this.db, input);
    const texts = (filter: MentionFilter) => (sample(this.db, filter, 'm.text AS text', TERM_SAMPLE, this.inMemory(filter)) as { text: string }[]).map((r) => r.text);
    const negative = texts({ ...f, sentiment: ['negative'] });
    const span = this.span(f);
    const length = span.last - span.first;
    let baselineKind: 'before' | 'rest' = 'before';
    // With no start chosen the range starts at the incident's first mention, so nothing lies before it (asking
    // anyway under a text search reads every match's time).
    let baseline = length > 0 && f.from !== undefined ? texts({ ...f, sentiment: undefined, from: span.first - length, to: span.first }) : [];
    if (baseline.length < 50) {
      baselineKind = 'rest';
      baseline = texts({ ...f, sentiment: ['neutral', 'positive', 'unrated'] });
    }
    const focus = documentTerms(negative);
    const base = documentTerms(baseline);
    return {
      terms: termLift(focus, base),
      negatives: focus.docs,
      baseline: { kind: baselineKind, mentions: base.docs },
      sampled: negative.length === TERM_SAMPLE || baseline.length === TERM_SAMPLE,
    };
  }

  /** The in-memory facts, for a search whose other conditions they hold (null until they are read). */
  private inMemory(f: MentionFilter): IncidentColumns | null {
    return hasSearch(f) && factsCanAnswer(f) ? this.columns.current(f.incidentId) : null;
  }

  /** The filter's time range, or the incident's first and last mention where it leaves one open. */
  private span(f: MentionFilter): { first: number; last: number } {
    if (f.from !== undefined && f.to !== undefined) return { first: f.from, last: f.to };
    const present = timeSpan(this.db, f.incidentId);
    const first = f.from ?? present.first ?? 0;
    return { first, last: f.to ?? present.last ?? first };
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

/** Largest first; equal totals by name, so the bars keep their order whatever path counted them. */
function sorted(map: Map<string, SentimentCounts>): Breakdown[] {
  const total = (c: SentimentCounts) => SENTIMENT_KEYS.reduce((n, k) => n + c[k], 0);
  return [...map]
    .map(([value, c]) => ({ value, ...c }))
    .sort((a, b) => total(b) - total(a) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
