import type { Database } from 'better-sqlite3';
import type { MentionSort } from '../../../shared/mentions';
import { searchFts, type MentionFilter } from '../mentions/mention-query';
import { facetValues } from '../mentions/mention-counts';
import { topicScopes } from '../mentions/topic-scopes';
import { yieldToEventLoop } from '../yield';
import { numberedSql, type TallyRow } from './match-tally';

/** Ids read per step of a build, between which other work (IPC, the room's requests) gets its turn. */
const CHUNK = 50_000;
const TOPIC_CHUNK = 500_000;
/** An incident whose ids spread over more than this is left to SQL: the arrays are sized by the id span (12 bytes an id, plus one per topic). */
const MAX_SPAN = 5_000_000;
/** Platform and language numbers are 14-bit fields of a code (more distinct values: left to SQL). */
const FIELD = 1 << 14;
const SENTIMENTS = [-1, 0, 1, null] as const;
const SENTIMENT_CODE = { negative: 0, neutral: 1, positive: 2, unrated: 3 } as const;

/**
 * One incident's `mention_facts` and share-of-voice topic membership held in memory, as arrays indexed by
 * mention id minus the incident's first id: a code per mention (0: not this incident's; else platform, language
 * and sentiment numbers packed, plus one), its time, reach and engagement. Under a text search every chart needs
 * these few values of each match: looking 159,000 matches up in SQLite took 60-80 ms at 1M mentions, reading them
 * here takes a few; the explorer's sorted pages walk them too. They are valid for one value of the incident's
 * `facts_epochs` counter (migrations 0011, 0013, 0015), which moves whenever a mention's time, platform, language,
 * shown sentiment, reach or engagement changes, a mention comes or goes, or a topic is saved or removed.
 */
export class IncidentColumns {
  constructor(
    readonly incidentId: string,
    readonly epoch: number,
    private readonly lo: number,
    private readonly at: Float64Array,
    private readonly code: Uint32Array,
    /** Reach and engagement, -1 where the export had none (as the explorer's SQL sorts them). */
    private readonly reach: Float64Array,
    private readonly engagement: Float64Array,
    private readonly platforms: string[],
    private readonly langs: string[],
    private readonly topics: Map<number, Uint8Array>,
  ) {}

  /** The incident's offsets sorted by each key, made when first asked. */
  private readonly orders = new Map<MentionSort, Int32Array>();

  /**
   * Offsets (id - first id) of the incident's mentions matching the filter's search and its fact conditions. A
   * search with no words in it (only quotes or spaces) searches nothing, as in SQL: the other conditions decide.
   */
  matches(db: Database, f: MentionFilter): Int32Array {
    const fts = searchFts(f);
    const hi = this.lo + this.code.length - 1;
    const keep = this.predicate(f);
    if (!fts) return Int32Array.from({ length: this.code.length }, (_, i) => i).filter(keep);
    const ids = db.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid BETWEEN ? AND ?').pluck().all(fts, this.lo, hi) as number[];
    const out = new Int32Array(ids.length);
    let n = 0;
    for (const id of ids) {
      const i = id - this.lo;
      if (keep(i)) out[n++] = i;
    }
    return out.subarray(0, n);
  }

  /** The matches counted by time bucket, platform, language and sentiment (the shape `tallyMatches` returns). */
  tally(matches: Int32Array, size: number, tz: number): TallyRow[] {
    // One number per (bucket, code) to count in a Map; buckets relative to the first one keep it an exact integer.
    const K = FIELD * FIELD * 4;
    const bucket = (i: number) => Math.floor((this.at[i] + tz) / size);
    const b0 = matches.length ? bucket(matches[0]) : 0;
    const counts = new Map<number, number>();
    for (const i of matches) {
      const key = (bucket(i) - b0) * K + this.code[i] - 1;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n]) => {
      const c = ((key % K) + K) % K;
      return { b: b0 + (key - c) / K, platform: this.platforms[c >>> 16], lang: this.langs[(c >>> 2) & (FIELD - 1)], s: SENTIMENTS[c & 3], n };
    });
  }

  /**
   * A page of the explorer's list sorted by time, reach or engagement (ties by id, as SQL orders them): the ids at
   * positions `offset` to `offset + limit` of the mentions matching the filter (its search and fact conditions), and
   * how many match. SQL reads every skipped entry of its time index (about 200 ms for a page 90% down a million) or
   * sorts every match by reach (0.1 s for the first page, 1 s deep down); this takes the page straight from the
   * incident's order, or with a filter walks it once (tens of milliseconds at 1M).
   */
  page(db: Database, f: MentionFilter, sort: MentionSort, direction: 'asc' | 'desc', offset: number, limit: number): { ids: number[]; total: number } {
    const order = this.order(sort);
    const position = (k: number) => (direction === 'asc' ? k : order.length - 1 - k);
    const fts = searchFts(f);
    const unfiltered = !fts && !f.platforms?.length && !f.langs?.length && !f.sentiment?.length && f.from === undefined && f.to === undefined;
    if (unfiltered) {
      const ids: number[] = [];
      for (let k = offset; k < Math.min(offset + limit, order.length); k++) ids.push(this.lo + order[position(k)]);
      return { ids, total: order.length };
    }
    // The matches as one byte per mention, found in id order: the walk in time order then reads this 1 MB table
    // at random rather than the 12 MB of facts (cache misses: 108 ms a page before, about 20 at 1M).
    const member = new Uint8Array(this.code.length);
    if (fts) {
      for (const i of this.matches(db, f)) member[i] = 1;
    } else {
      const keep = this.predicate(f);
      for (let i = 0; i < member.length; i++) if (keep(i)) member[i] = 1;
    }
    // One pass counts every match (the total) and keeps those at the page's positions.
    const ids: number[] = [];
    let total = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[position(k)];
      if (member[i] === 0) continue;
      if (total >= offset && ids.length < limit) ids.push(this.lo + i);
      total++;
    }
    return { ids, total };
  }

  /** The incident's offsets ordered by the key, then id; sorted once per copy and key (about 0.3 s at 1M). */
  private order(sort: MentionSort): Int32Array {
    const made = this.orders.get(sort);
    if (made) return made;
    const key = sort === 'time' ? this.at : sort === 'reach' ? this.reach : this.engagement;
    const { code } = this;
    let n = 0;
    for (let i = 0; i < code.length; i++) if (code[i] !== 0) n++;
    const order = new Int32Array(n);
    n = 0;
    for (let i = 0; i < code.length; i++) if (code[i] !== 0) order[n++] = i;
    order.sort((a, b) => key[a] - key[b] || a - b);
    this.orders.set(sort, order);
    return order;
  }

  /** The ids of the first `limit` matches in import order (neighbouring rows: cheap to read, unlike the newest). */
  first(matches: Int32Array, limit: number): number[] {
    return Array.from(matches.subarray(0, limit), (i) => this.lo + i);
  }

  /** A topic's share of the matches by sentiment; null when the topic has no words (nothing to match). */
  topicCounts(matches: Int32Array, topicId: number): { s: number | null; n: number }[] | null {
    const member = this.topics.get(topicId);
    if (!member) return null;
    const by = [0, 0, 0, 0];
    for (const i of matches) if (member[i]) by[(this.code[i] - 1) & 3]++;
    return by.map((n, s) => ({ s: SENTIMENTS[s], n })).filter((r) => r.n > 0);
  }

  /** The filter's fact conditions (platform, language, sentiment, time) as a test of one offset. */
  private predicate(f: MentionFilter): (i: number) => boolean {
    const allowed = (values: string[] | undefined, names: string[]) => {
      if (!values?.length) return null;
      const set = new Set(values);
      return names.map((v) => set.has(v));
    };
    const platforms = allowed(f.platforms, this.platforms);
    const langs = allowed(f.langs, this.langs);
    const sentiments = f.sentiment?.length ? [0, 1, 2, 3].map((s) => f.sentiment!.some((name) => SENTIMENT_CODE[name] === s)) : null;
    const from = f.from ?? -Infinity;
    const to = f.to ?? Infinity;
    const { code, at } = this;
    return (i) => {
      if (i < 0 || i >= code.length || code[i] === 0) return false;
      const c = code[i] - 1;
      if (at[i] < from || at[i] >= to) return false;
      if (platforms && !platforms[c >>> 16]) return false;
      if (langs && !langs[(c >>> 2) & (FIELD - 1)]) return false;
      return !sentiments || sentiments[c & 3];
    };
  }
}

/** Incidents whose columns are kept: the one on screen and one more (two people in the room on two crises). */
const KEPT = 2;

/**
 * Keeps the in-memory columns of the incidents last asked about. `current` answers only with columns read at the
 * incident's present epoch; otherwise it returns null (the caller asks SQL) and starts reading them in the
 * background, in steps, giving up as soon as the epoch moves (an import or a scoring pass is still writing).
 */
export class FactColumns {
  /** Least recently used first. */
  private readonly kept = new Map<string, IncidentColumns>();
  private building: Promise<IncidentColumns | null> | null = null;

  constructor(private readonly db: Database) {}

  current(incidentId: string): IncidentColumns | null {
    const valid = this.valid(incidentId);
    if (!valid && !this.building) void this.ready(incidentId);
    return valid;
  }

  /** The incident's columns once read (null if the data moved meanwhile or cannot be held): for tests and benchmarks. */
  async ready(incidentId: string): Promise<IncidentColumns | null> {
    while (this.building) await this.building;
    const valid = this.valid(incidentId);
    if (valid) return valid;
    this.building = this.build(incidentId)
      .catch(() => null) // the database closed under it, or is busy: SQL keeps answering
      .finally(() => (this.building = null));
    const built = await this.building;
    if (built) {
      this.kept.delete(incidentId);
      this.kept.set(incidentId, built);
      for (const oldest of this.kept.keys()) if (this.kept.size > KEPT) this.kept.delete(oldest);
    }
    return built;
  }

  /** The incident's columns if they were read at its present epoch (and marked as just used). */
  private valid(incidentId: string): IncidentColumns | null {
    const columns = this.kept.get(incidentId);
    if (!columns || columns.epoch !== this.epoch(incidentId)) return null;
    this.kept.delete(incidentId);
    this.kept.set(incidentId, columns);
    return columns;
  }

  private epoch(incidentId: string): number {
    return factsEpoch(this.db, incidentId);
  }

  private async build(incidentId: string): Promise<IncidentColumns | null> {
    await yieldToEventLoop(); // never inside the query that asked
    const { db } = this;
    if (!db.open) return null;
    const epoch = this.epoch(incidentId);
    // One statement: both ends come from one pass over the incident's index entries (no index leads with the id).
    const { lo, hi } = db.prepare('SELECT MIN(id) AS lo, MAX(id) AS hi FROM mentions WHERE incident_id = ?').get(incidentId) as { lo: number | null; hi: number | null };
    if (lo === null || hi === null || hi - lo + 1 > MAX_SPAN) return null;
    const at = new Float64Array(hi - lo + 1);
    const code = new Uint32Array(hi - lo + 1);
    const reach = new Float64Array(hi - lo + 1);
    const engagement = new Float64Array(hi - lo + 1);
    // Platforms and languages are numbered in SQL from the filter-menu counts (strings made per row in JavaScript
    // doubled the time: 2.0 against 0.9 s at 1M); a value missing there is looked up as text and numbered here.
    const numbers = { platform: new Map<string, number>(), lang: new Map<string, number>() };
    const number = (map: Map<string, number>, value: string) => {
      let n = map.get(value);
      if (n === undefined) map.set(value, (n = map.size));
      return n;
    };
    const params: Record<string, unknown> = { incidentId };
    const numbered = (facet: 'platform' | 'lang', column: string) => {
      const values = facetValues(db, incidentId, facet);
      for (const v of values) number(numbers[facet], v);
      return numberedSql(params, facet, column, values);
    };
    const p = numbered('platform', 'platform');
    const l = numbered('lang', "COALESCE(lang, '')");
    const read = db.prepare(`SELECT id, published_at, ${p}, ${l}, COALESCE(sentiment, 2) + 1, COALESCE(reach, -1), COALESCE(engagement, -1)
      FROM mention_facts WHERE id >= @start AND id < @end AND incident_id = @incidentId`).raw();
    const text = db.prepare("SELECT platform, COALESCE(lang, '') AS lang FROM mention_facts WHERE id = ?");
    const moved = async () => {
      await yieldToEventLoop();
      return !db.open || this.epoch(incidentId) !== epoch;
    };
    type Row = [number, number, number | null, number | null, number, number, number];
    for (let start = lo; start <= hi; start += CHUNK) {
      for (const [id, published, pn, ln, sentiment, r, e] of read.all({ ...params, start, end: start + CHUNK }) as Row[]) {
        const missing = pn === null || ln === null ? (text.get(id) as { platform: string; lang: string }) : null;
        const pi = pn ?? number(numbers.platform, missing!.platform);
        const li = ln ?? number(numbers.lang, missing!.lang);
        if (pi >= FIELD || li >= FIELD) return null;
        at[id - lo] = published;
        code[id - lo] = ((pi << 16) | (li << 2) | sentiment) + 1;
        reach[id - lo] = r;
        engagement[id - lo] = e;
      }
      if (await moved()) return null;
    }
    const topics = new Map<number, Uint8Array>();
    const match = db.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid >= ? AND rowid < ?').pluck();
    for (const topic of topicScopes(db, incidentId)) {
      const member = new Uint8Array(hi - lo + 1);
      // Larger steps: each one seeks through the words' posting lists again (a brand in every mention of 1M: 0.34 s
      // in steps of 200,000 ids, 0.14 s in one; steps of 500,000 keep each pause near 70 ms).
      for (let start = lo; start <= hi; start += TOPIC_CHUNK) {
        for (const id of match.all(topic.fts, start, Math.min(start + TOPIC_CHUNK, hi + 1)) as number[]) member[id - lo] = 1;
        if (await moved()) return null;
      }
      topics.set(topic.id, member);
    }
    return new IncidentColumns(incidentId, epoch, lo, at, code, reach, engagement, [...numbers.platform.keys()], [...numbers.lang.keys()], topics);
  }
}

/** The incident's facts epoch: it moves whenever a mention is added, changed or removed (migration 0011). */
export function factsEpoch(db: Database, incidentId: string): number {
  return (db.prepare('SELECT epoch FROM facts_epochs WHERE incident_id = ?').pluck().get(incidentId) as number | undefined) ?? 0;
}
