import type { Database, Statement } from 'better-sqlite3';
import type { NewMention } from '../import/draft';
import { MentionCounts, shownSentiment } from './mention-counts';
import { topicScopes } from './topic-scopes';

const HOUR = 3_600_000;
/**
 * Rows added to the full-text index at once. Each fill ends in a new index segment that FTS5 later merges with the
 * others, so filling per 10,000-row block made 100 segments per million rows and the merging cost more than the
 * indexing (measured at 1M: the full-text part of an import 25 s per block, about 9 s per 50,000 or 100,000 rows;
 * the smaller fill holds the room up for less time and less memory).
 */
const FTS_EVERY_ROWS = 50_000;

/** Copies mentions into the narrow `mention_facts` (see migrations 0010, 0012, 0013); callers add the WHERE. */
export const COPY_TO_FACTS = `INSERT INTO mention_facts (id, incident_id, published_at, platform, lang, sentiment, reach, engagement, author_followers, triage_state)
  SELECT id, incident_id, published_at, platform, lang, sentiment, reach, engagement, author_followers, triage_state FROM mentions`;

/**
 * Adds mentions to the full-text index, as its content view folds them (migration 0014); callers add the WHERE on
 * the view's id, incident_id or batch_id.
 */
export const FILL_FTS = 'INSERT INTO mentions_fts (rowid, title, text, author) SELECT id, title, text, author FROM mentions_fts_source';

/**
 * Inserts mentions of one batch. Duplicates (same incident + dedup key) are ignored by the unique index and
 * counted. The full-text index is filled in bulk every FTS_EVERY_ROWS rows and when the batch completes, which is
 * several times faster than keeping it in sync with triggers; a search during an import may therefore miss its
 * newest rows (the batch is not complete yet either). Removing rows takes out only those indexed (`deleteFromFts`).
 */
export class MentionWriter {
  private readonly insert: Statement;
  private readonly maxId: Statement;
  private readonly fillFts: Statement;
  private readonly fillFacts: Statement;
  private readonly counts: MentionCounts;
  private first: number | null = null;
  private last: number | null = null;
  /** Rows of this batch after this id are not in the full-text index yet (null: all are). */
  private unindexedAfter: number | null = null;
  private unindexed = 0;

  constructor(
    private readonly db: Database,
    private readonly incidentId: string,
    private readonly batchId: string,
    private readonly ftsEveryRows = FTS_EVERY_ROWS,
  ) {
    this.counts = new MentionCounts(db);
    this.insert = db.prepare(`INSERT OR IGNORE INTO mentions (incident_id, batch_id, dedup_key, platform, native_id, url,
      author, author_handle, author_followers, title, text, lang, published_at, published_raw, hour, source_sentiment,
      source_sentiment_raw, reach, engagement, likes, comments, shares, views, country, raw, sentiment)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.maxId = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM mentions').pluck();
    this.fillFts = db.prepare(`${FILL_FTS} WHERE id > ? AND batch_id = ?`);
    this.fillFacts = db.prepare(`${COPY_TO_FACTS} WHERE id > ? AND batch_id = ?`);
  }

  /**
   * Call inside a transaction. `raws`: each mention's raw row as JSON. Returns the ids of new mentions (0 for a
   * duplicate), in input order.
   */
  write(mentions: readonly NewMention[], raws: readonly string[]): number[] {
    const before = this.maxId.get() as number;
    const shown = mentions.map((m) => shownSentiment(null, m.sourceSentiment, null));
    const ids = mentions.map((m, i) => {
      const r = this.insert.run(
        this.incidentId, this.batchId, m.dedupKey, m.platform, m.nativeId, m.url, m.author, m.authorHandle,
        m.authorFollowers, m.title, m.text, m.lang, m.publishedAt, m.publishedRaw, Math.floor(m.publishedAt / HOUR),
        m.sourceSentiment, m.sourceSentimentRaw, m.reach, m.engagement, m.likes, m.comments, m.shares, m.views, m.country,
        raws[i], shown[i],
      );
      return r.changes === 1 ? Number(r.lastInsertRowid) : 0;
    });
    this.fillFacts.run(before, this.batchId);
    this.unindexedAfter ??= before;
    this.unindexed += mentions.length;
    if (this.unindexed >= this.ftsEveryRows) this.index();
    this.counts.addFacets(this.incidentId, mentions.filter((_m, i) => ids[i] > 0));
    for (const id of ids) {
      if (id === 0) continue;
      this.first ??= id;
      this.last = id;
    }
    return ids;
  }

  /**
   * Adds the whole batch to the chart counts: call once, in the transaction that marks it complete (a batch that
   * never completes is never counted, so removing it never uncounts anything).
   */
  countCompleted(): void {
    this.index();
    if (this.first === null || this.last === null) return;
    const ids = { first: this.first, last: this.last, alone: this.wroteAlone() };
    new MentionCounts(this.db).countBatch(this.incidentId, this.batchId, topicScopes(this.db, this.incidentId), 1, ids);
  }

  /** Adds the rows written since the last fill to the full-text index. */
  private index(): void {
    if (this.unindexedAfter === null) return;
    this.fillFts.run(this.unindexedAfter, this.batchId);
    this.unindexedAfter = null;
    this.unindexed = 0;
  }

  /**
   * No other import of the incident ran while this one did (so no other batch's mentions have ids in its range),
   * and it is a large part of the incident (reading the incident's whole time index is then cheap by comparison).
   */
  private wroteAlone(): boolean {
    const overlapping = this.db
      .prepare(`SELECT COUNT(*) FROM import_batches o JOIN import_batches b ON b.id = @batchId WHERE o.incident_id = @incidentId AND o.id != b.id
        AND o.status IN ('running', 'complete') AND o.started_at <= COALESCE(b.finished_at, @now) AND COALESCE(o.finished_at, @now) >= b.started_at`)
      .pluck()
      .get({ batchId: this.batchId, incidentId: this.incidentId, now: Number.MAX_SAFE_INTEGER }) as number;
    if (overlapping > 0) return false;
    const total = this.db.prepare("SELECT COALESCE(SUM(count), 0) FROM mention_facets WHERE incident_id = ? AND facet = 'platform'").pluck().get(this.incidentId) as number;
    return (this.last! - this.first! + 1) * 5 >= total;
  }
}

/** Removes every mention of a batch, its full-text entries and its counts (undo: `counted`; cancel, failure: not). */
export function deleteBatchMentions(db: Database, incidentId: string, batchId: string, counted: boolean): number {
  new MentionCounts(db).removeBatch(incidentId, batchId, counted, topicScopes(db, incidentId));
  deleteFromFts(db, 'batch_id = ?', batchId);
  return db.prepare('DELETE FROM mentions WHERE batch_id = ?').run(batchId).changes;
}

/**
 * Takes mentions out of the full-text index before they are deleted. Only rows that are in it: telling FTS5 to
 * delete a row it never indexed corrupts the index, and an interrupted import leaves its newest rows unindexed.
 * FTS5 keeps one `mentions_fts_docsize` row per indexed mention, which says which ones are.
 */
export function deleteFromFts(db: Database, where: string, param: string): void {
  db.prepare(`INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author)
    SELECT 'delete', id, title, text, author FROM mentions_fts_source WHERE ${where} AND id IN (SELECT id FROM mentions_fts_docsize)`).run(param);
}
