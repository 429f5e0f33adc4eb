import type { Database } from 'better-sqlite3';
import { COPIES_COUNTED, type AuthorSuggestion, type ColumnMapping, type MentionCopies, type MentionDetail, type MentionSort, type Mention } from '../../../shared/mentions';
import { expandRaw } from '../import/raw-row';
import type { FactColumns } from '../analytics/fact-columns';
import { prefixWords } from './fts-vocabulary';
import { foldText } from '../text-fold';
import { MENTION_COLUMNS, toMention, type MentionRow } from './mention-row';
import { notFound } from '../said-error';
import { accountKey } from './account-key';
import { copyFilter, type CopyFilter } from './copies';
import { topicFts } from './topic-scopes';
import { exportMentions, type MentionExport, type MentionExportOptions } from './mention-export';

export type MentionFilter = {
  incidentId: string;
  query?: string;
  platforms?: string[];
  langs?: string[];
  sentiment?: ('negative' | 'neutral' | 'positive' | 'unrated')[];
  from?: number;
  to?: number;
  /** One account exactly, name or handle (a click on a top author, an alert's "show mentions"). */
  author?: string;
  /** An author as a person types it: see authorFts. */
  authorSearch?: string;
  hasUrl?: boolean;
  batchId?: string;
  /** The mentions posting the same words as this one (see copies.ts), itself included. */
  copyOf?: number;
  /** Any of these words or phrases (a claim's, a topic's): see topicFts. */
  anyOf?: string[];
  /** `copyOf` resolved by `withSearch`. */
  copies?: CopyFilter;
  /** The search as an FTS5 expression, once resolved by `withSearch` (absent: made from `query` as typed). */
  fts?: string | null;
};

/** `total` is exact up to COUNT_CAP; `totalCapped` says there are more (counting a million rows costs seconds). */
export type MentionPage = { rows: Mention[]; total: number; totalCapped: boolean };

export const COUNT_CAP = 10_000;
/** Above this many text matches, the newest page is found by walking the time index (see search). */
const MANY_MATCHES = 2_000;

/**
 * Turns what a person types into an FTS5 query: each word must appear (prefix match), quotes keep phrases; folded
 * like the indexed text (text-fold.ts). Operators are not exposed: a stray `-` or `"` in a search box must not
 * become a syntax error. `words` may name the indexed words a typed word begins (the same matches as the prefix,
 * found faster; see fts-vocabulary.ts).
 */
export function toFtsQuery(input: string, words?: (typed: string) => string[] | null): string | null {
  const terms: string[] = [];
  for (const m of foldText(input).matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const phrase = m[1]?.trim();
    if (phrase) terms.push(`"${phrase}"`);
    else if (m[2]) {
      const named = words?.(m[2]);
      terms.push(named ? `(${named.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')})` : `"${m[2]}"*`);
    }
  }
  return terms.length ? terms.join(' AND ') : null;
}

/** The filter's search as FTS5 (null: no search): the words typed, and any of the words of `anyOf`. */
export function searchFts(f: MentionFilter): string | null {
  const typed = f.fts !== undefined ? f.fts : f.query ? toFtsQuery(f.query) : null;
  const any = f.anyOf?.length ? topicFts(f.anyOf) : null;
  return typed && any ? `${typed} AND (${any})` : (typed ?? any);
}

/** Whether the filter searches the text (typed words or a claim's): the rollups and unsearched paths cannot answer it. */
export function hasSearch(f: MentionFilter): boolean {
  return Boolean(f.query || f.anyOf?.length);
}

/**
 * The filter with its search resolved once per request, naming the words typed prefixes stand for where known, and
 * the words of the mention whose copies it keeps.
 */
export function withSearch<F extends MentionFilter>(db: Database, f: F): F {
  const out = { ...f };
  if (f.query && f.fts === undefined) out.fts = toFtsQuery(f.query, (typed) => prefixWords(db, typed));
  if (f.copyOf !== undefined && f.copies === undefined) out.copies = copyFilter(db, f.copyOf);
  return out;
}

export type FilterSql = { from: string; sql: string; params: Record<string, unknown> };

/** Filters whose every condition is on a column of `mention_facts` (everything but author, link, batch and copies). */
export function factsCanAnswer(f: MentionFilter): boolean {
  return !f.author && !f.authorSearch && f.hasUrl === undefined && !f.batchId && f.copyOf === undefined;
}

/** The incident's first and last mention time (null without mentions). */
export function timeSpan(db: Database, incidentId: string): { first: number | null; last: number | null } {
  // Separate MIN and MAX: together in one SELECT, SQLite scans the incident instead of reading two index ends.
  const first = db.prepare('SELECT MIN(published_at) FROM mentions WHERE incident_id = ?').pluck().get(incidentId) as number | null;
  const last = db.prepare('SELECT MAX(published_at) FROM mentions WHERE incident_id = ?').pluck().get(incidentId) as number | null;
  return { first, last };
}

/**
 * Whether a query that ranks every mention the filter keeps (a sort by reach or engagement, the triage queue) reads
 * them from `mention_facts` rather than the wide rows: yes, unless the filter needs a wide column or its time range
 * is short enough (a tenth of the incident's span) for the mentions' time index to skip most rows.
 */
export function rankNarrow(db: Database, f: MentionFilter): boolean {
  if (!factsCanAnswer(f)) return false;
  if (f.from === undefined && f.to === undefined) return true;
  const { first, last } = timeSpan(db, f.incidentId);
  if (first === null || last === null || last <= first) return true;
  return (Math.min(f.to ?? last, last) - Math.max(f.from ?? first, first)) / (last - first) > 0.1;
}

/**
 * FROM + WHERE for a filter (explorer, charts). A text search joins the FTS table (rather than `id IN (...)`), so
 * that a capped count can stop after enough matches instead of first collecting every match of a common word.
 * `extraFts` is ANDed to the search (a share-of-voice topic's words). `narrow`: the caller reads only the columns
 * of `mention_facts` (id, incident_id, published_at, platform, lang, sentiment, reach, engagement,
 * author_followers, triage_state); a text search then joins that narrow table instead of the wide mention rows (a
 * third of the time for a common word at 1M). Without a search the mentions' time index answers better, so the
 * wide table stays, unless `narrow` is 'always' (see rankNarrow: ranking reads every row the filter keeps anyway,
 * and the narrow ones are 15 times cheaper).
 */
export function filterSql(f: MentionFilter, opts: { ftsAs?: 'join' | 'in'; extraFts?: string; narrow?: boolean | 'always' } = {}): FilterSql {
  const ftsAs = opts.ftsAs ?? 'join';
  const clauses = ['m.incident_id = @incidentId'];
  const params: Record<string, unknown> = { incidentId: f.incidentId };
  if (f.copyOf !== undefined && f.copies === undefined) throw new Error('copyOf is resolved by withSearch');
  const parts = [opts.extraFts && `(${opts.extraFts})`, searchFts(f), authorFts(f), f.copies?.fts].filter(Boolean);
  const fts = parts.length ? parts.join(' AND ') : null;
  let from = opts.narrow === 'always' && factsCanAnswer(f) ? 'mention_facts m' : 'mentions m';
  if (fts && ftsAs === 'join') {
    // CROSS JOIN keeps the search as the outer loop: with a time range, the planner otherwise walks the time index
    // and runs the search once per mention (measured at 1M: over two minutes for one chart).
    from = `mentions_fts f CROSS JOIN ${opts.narrow && factsCanAnswer(f) ? 'mention_facts' : 'mentions'} m ON m.id = f.rowid`;
    clauses.push('mentions_fts MATCH @fts');
  }
  if (fts && ftsAs === 'in') {
    from = 'mentions m INDEXED BY mentions_by_time';
    clauses.push('m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @fts)');
  }
  if (fts) params.fts = fts;
  const list = (name: string, column: string, values?: string[]) => {
    if (!values?.length) return;
    const keys = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    clauses.push(`${column} IN (${keys.join(', ')})`);
  };
  list('platform', 'm.platform', f.platforms);
  list('lang', "COALESCE(m.lang, '')", f.langs);
  if (f.sentiment?.length) clauses.push(`(${f.sentiment.map((s) => SENTIMENT_SQL[s]).join(' OR ')})`);
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined || value === '') return;
    clauses.push(clause);
    params[name] = value;
  };
  add('m.published_at >= @from', 'from', f.from);
  add('m.published_at < @to', 'to', f.to);
  add('(m.author = @author OR m.author_handle = @author)', 'author', f.author);
  add('m.batch_id = @batchId', 'batchId', f.batchId);
  if (f.hasUrl !== undefined) clauses.push(f.hasUrl ? 'm.url IS NOT NULL' : 'm.url IS NULL');
  // A text too short to have copies is its own only copy.
  if (f.copies) add('copy_key(m.text) = @copyKey', 'copyKey', f.copies.key);
  else if (f.copyOf !== undefined) add('m.id = @copyOf', 'copyOf', f.copyOf);
  return { from, sql: clauses.join(' AND '), params };
}

/**
 * The author filters as FTS5, on the index's author column (name and handle, folded like every search; migration
 * 0022), so an account is found from the index instead of by reading every mention of the incident. Typed: words of
 * the name or handle begin with the typed ones ("olena", "Олена", "@olena_k", "ΓΙΩΡΓΟΣ"). Exact (a clicked account):
 * its words as a phrase, narrowing the rows that `=` then checks.
 */
function authorFts(f: MentionFilter): string | null {
  const parts: string[] = [];
  const words = /[\p{L}\p{N}]/u; // what the index holds: "@" alone finds nothing, so filters nothing
  if (f.authorSearch && words.test(f.authorSearch)) parts.push(`author : (${toFtsQuery(f.authorSearch)})`);
  const exact = f.author ? foldText(f.author).replace(/"/g, ' ') : '';
  if (words.test(exact)) parts.push(`author : "${exact}"`);
  return parts.length ? parts.join(' AND ') : null;
}

export const SORT_SQL: Record<MentionSort, string> = {
  time: 'm.published_at',
  reach: 'COALESCE(m.reach, -1)',
  engagement: 'COALESCE(m.engagement, -1)',
};

const SENTIMENT_SQL = {
  negative: 'm.sentiment = -1',
  neutral: 'm.sentiment = 0',
  positive: 'm.sentiment = 1',
  unrated: 'm.sentiment IS NULL',
} as const;

/**
 * From this offset on, a page sorted by time is taken from the incident's facts in memory when they are current
 * (fact-columns.ts): SQL pays for every skipped entry (page 1 takes 2-9 ms at 1M, a page 90% down about 200), memory
 * a walk over the incident (a few ms, plus 0.3 s once per copy to sort it by time). Pages sorted by reach or
 * engagement come from memory at any offset: SQL sorts every match for each one (0.1 s, 1 s deep down).
 */
const DEEP_PAGE = 2_000;
/** Author suggestions are counted in at most this many of the last imported mentions matching the typed words. */
const SUGGEST_SCAN = 2_000;

/** The explorer's reads: filtered, searched, sorted pages; facets; one mention in full. */
export class MentionQuery {
  /** `columns`: the in-memory facts shared with the dashboard, for deep pages (none in scripts: SQL answers). */
  constructor(private readonly db: Database, private readonly columns: FactColumns | null = null) {}

  search(input: MentionFilter, page: { sort: MentionSort; direction: 'asc' | 'desc'; offset: number; limit: number }): MentionPage {
    const f = withSearch(this.db, input);
    // Asking starts reading them in the background, so that scrolling far down finds them ready.
    const columns = factsCanAnswer(f) ? (this.columns?.current(f.incidentId) ?? null) : null;
    if (columns && (page.sort !== 'time' || page.offset >= DEEP_PAGE)) {
      const { ids, total } = columns.page(this.db, f, page.sort, page.direction, page.offset, page.limit);
      const rows = this.db.prepare(`SELECT ${MENTION_COLUMNS} FROM mentions m WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as MentionRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return { rows: ids.map((id) => toMention(byId.get(id)!)), total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
    }
    const count = filterSql(f, { narrow: true });
    const counted = this.db.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM ${count.from} WHERE ${count.sql} LIMIT ${COUNT_CAP + 1})`).pluck().get(count.params) as number;
    const { from, sql, params } = page.sort === 'time' ? count : filterSql(f, { narrow: rankNarrow(this.db, f) ? 'always' : true });
    const dir = page.direction === 'asc' ? 'ASC' : 'DESC';
    const order = `ORDER BY ${SORT_SQL[page.sort]} ${dir}, m.id ${dir}`;
    // A common word matches too many mentions to sort them all: walk the time index instead and keep the matches
    // (measured at 200k mentions: 4-10 ms against 40-55 ms). A rare word is cheaper the other way round.
    const walkTimeIndex = params.fts !== undefined && page.sort === 'time' && counted > MANY_MATCHES;
    const p = walkTimeIndex ? filterSql(f, { ftsAs: 'in' }) : { from, sql };
    // Page ids first, from the index alone, then only those rows: OFFSET on full rows read every skipped row
    // (measured at 1M: offset 100,000 took 0.9 s, the last page 4.4 s).
    const rows = this.db
      .prepare(`SELECT ${MENTION_COLUMNS} FROM mentions m WHERE m.id IN (SELECT m.id FROM ${p.from} WHERE ${p.sql} ${order} LIMIT @limit OFFSET @offset) ${order}`)
      .all({ ...params, limit: page.limit, offset: page.offset }) as MentionRow[];
    return { rows: rows.map(toMention), total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
  }

  /**
   * The incident's accounts whose name or handle begins with the typed words, most mentions first: the author box
   * suggests them, so a person picks the one account (exact) rather than every name that starts alike. Counted in
   * the last SUGGEST_SCAN matches imported, so a prefix every author shares ("user") costs the same as a rare one.
   */
  authors(incidentId: string, typed: string, limit = 8): AuthorSuggestion[] {
    const fts = authorFts({ incidentId, authorSearch: typed });
    if (!fts) return [];
    // One row per account as the exact filter picks it (its handle, else its name), on whichever platforms it posted.
    const rows = this.db
      .prepare(`SELECT MAX(author) AS author, handle, GROUP_CONCAT(DISTINCT platform) AS platforms, COUNT(*) AS mentions FROM (
          SELECT m.author AS author, m.author_handle AS handle, m.platform AS platform FROM mentions_fts f CROSS JOIN mentions m ON m.id = f.rowid
          WHERE mentions_fts MATCH @fts AND m.incident_id = @incidentId ORDER BY f.rowid DESC LIMIT ${SUGGEST_SCAN})
        GROUP BY COALESCE(handle, author) ORDER BY mentions DESC, COALESCE(handle, author) LIMIT @limit`)
      .all({ fts, incidentId, limit }) as (Omit<AuthorSuggestion, 'platforms'> & { platforms: string })[];
    return rows.map((r) => ({ ...r, platforms: r.platforms.split(',') }));
  }

  /** Values present in the incident, for the filter menus. */
  facets(incidentId: string): { platforms: { value: string; count: number }[]; langs: { value: string; count: number }[]; total: number; first: number | null; last: number | null } {
    const group = (facet: string) =>
      this.db.prepare('SELECT value, count FROM mention_facets WHERE incident_id = ? AND facet = ? ORDER BY count DESC LIMIT 100').all(incidentId, facet) as { value: string; count: number }[];
    const platforms = group('platform');
    return { platforms, langs: group('lang'), total: platforms.reduce((n, p) => n + p.count, 0), ...timeSpan(this.db, incidentId) };
  }

  /** Every mention the filter keeps, in the list's order, for writing as a file (see mention-export.ts). */
  export(filter: MentionFilter, opts: MentionExportOptions): MentionExport {
    return exportMentions(this.db, filter, opts);
  }

  get(id: number): MentionDetail {
    const row = this.db
      .prepare(`SELECT ${MENTION_COLUMNS}, m.raw, b.columns AS batch_columns, b.mapping, b.file_name, b.format, b.preset
        FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE m.id = ?`)
      .get(id) as (MentionRow & { raw: string | null; batch_columns: string | null; mapping: string; file_name: string; format: string; preset: string | null }) | undefined;
    if (!row) throw notFound('mention', id);
    const columns = row.batch_columns ? (JSON.parse(row.batch_columns) as string[]) : null;
    const mention = toMention(row);
    const values = expandRaw(row.raw ? (JSON.parse(row.raw) as unknown) : null, columns, JSON.parse(row.mapping) as ColumnMapping, mention);
    return {
      ...mention,
      raw: { columns, values },
      batch: { fileName: row.file_name, format: row.format, preset: row.preset },
    };
  }

  /** How many mentions, from how many accounts, posted this one's words (see copies.ts); null: too short to tell. */
  copies(id: number): MentionCopies | null {
    const incidentId = this.db.prepare('SELECT incident_id FROM mentions WHERE id = ?').pluck().get(id) as string | undefined;
    if (incidentId === undefined) throw notFound('mention', id);
    const f: MentionFilter = withSearch(this.db, { incidentId, copyOf: id });
    if (!f.copies) return null;
    const q = filterSql(f);
    const rows = this.db.prepare(`SELECT m.platform, m.author_handle AS handle, m.author FROM ${q.from} WHERE ${q.sql} LIMIT ${COPIES_COUNTED}`).all(q.params) as { platform: string; handle: string | null; author: string | null }[];
    const accounts = new Set(rows.map(accountKey).filter((k) => k !== null));
    return { mentions: rows.length, accounts: accounts.size };
  }
}
