import type { Database, Statement } from 'better-sqlite3';
import { countMove, MentionCounts, shownSentiment, type CountMove } from '../mentions/mention-counts';
import type { SentimentEngine } from './engine';
import { sentimentValue } from '../../../shared/sentiment';

type Row = {
  id: number; incident_id: string; platform: string; lang: string | null; lang_detected: number; published_at: number;
  title: string | null; text: string; source_sentiment: number | null; analyst_sentiment: number | null; sentiment: number | null;
};

const COLUMNS = 'm.id, m.incident_id, m.platform, m.lang, m.lang_detected, m.published_at, m.title, m.text, m.source_sentiment, m.analyst_sentiment, m.sentiment';
// Mentions of an import still running are left for later: their batch is counted, with their values, when it completes.
const COMPLETE = "JOIN import_batches b ON b.id = m.batch_id AND b.status = 'complete'";
export const CHUNK = 2000;

/**
 * Reads mentions with the engine and writes its values, one chunk per transaction: the engine's sentiment and
 * score, a detected language where the export gave none, and the shown sentiment with its counts.
 */
export class MentionScorer {
  private readonly update: Statement;
  private readonly unscored: Statement;
  private readonly after: Statement;
  private readonly counts: MentionCounts;

  constructor(private readonly db: Database) {
    this.update = db.prepare('UPDATE mentions SET engine_sentiment = ?, engine_score = ?, lang = ?, lang_detected = ?, sentiment = ? WHERE id = ?');
    // INDEXED BY: the partial index is the queue; without it the planner may walk the whole table.
    this.unscored = db.prepare(`SELECT ${COLUMNS} FROM mentions m INDEXED BY mentions_unscored ${COMPLETE} WHERE m.engine_sentiment IS NULL ORDER BY m.id LIMIT ${CHUNK}`);
    this.after = db.prepare(`SELECT ${COLUMNS} FROM mentions m ${COMPLETE} WHERE m.id > ? ORDER BY m.id LIMIT ${CHUNK}`);
    this.counts = new MentionCounts(db);
  }

  countUnscored(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM mentions m INDEXED BY mentions_unscored ${COMPLETE} WHERE m.engine_sentiment IS NULL`).pluck().get() as number;
  }

  /** Scores the next chunk of never-scored mentions; returns the incidents touched and how many were scored. */
  scoreNext(engine: SentimentEngine): { scored: number; incidents: Set<string> } {
    return this.db.transaction(() => this.apply(engine, this.unscored.all() as Row[]))();
  }

  /** Re-scores the chunk after `lastId` (after a model update); `langs` limits it to those languages. */
  rescoreAfter(engine: SentimentEngine, lastId: number, langs: ReadonlySet<string> | null): { lastId: number; seen: number; incidents: Set<string> } {
    return this.db.transaction(() => {
      const rows = this.after.all(lastId) as Row[];
      const { incidents } = this.apply(engine, langs ? rows.filter((r) => r.lang && langs.has(r.lang)) : rows);
      return { lastId: rows.length ? rows[rows.length - 1].id : lastId, seen: rows.length, incidents };
    })();
  }

  private apply(engine: SentimentEngine, rows: Row[]): { scored: number; incidents: Set<string> } {
    const moved: (CountMove & { incidentId: string })[] = [];
    for (const r of rows) {
      // A language the engine detected earlier is detected again (a better model may know better); an export's stays.
      const given = r.lang_detected ? null : r.lang;
      const c = engine.classify(r.title ? `${r.title}\n${r.text}` : r.text, given);
      const value = sentimentValue(c.label);
      const lang = given ?? c.lang;
      const shown = shownSentiment(r.analyst_sentiment, r.source_sentiment, value);
      this.update.run(value, c.score, lang, given === null && lang !== null ? 1 : 0, shown, r.id);
      if (shown !== r.sentiment || lang !== r.lang) moved.push({ incidentId: r.incident_id, ...countMove(r, { lang, sentiment: shown }) });
    }
    this.counts.moveMany(moved);
    return { scored: rows.length, incidents: new Set(rows.map((r) => r.incident_id)) };
  }
}
