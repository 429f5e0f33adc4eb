import type { Database } from 'better-sqlite3';
import { sentimentName, sentimentValue, type SentimentModelInfo } from '../../../shared/sentiment';
import type { SentimentLabel } from './labels';
import type { LabelledText, TrainingResult } from './trainer';

type ModelRow = {
  lang: string; version: number; labels: number; model_accuracy: number; model_f1: number; lexicon_accuracy: number;
  lexicon_f1: number; active: number; trained_by: string; trained_at: number;
};

const toInfo = (r: ModelRow): SentimentModelInfo => ({
  lang: r.lang,
  version: r.version,
  labels: r.labels,
  model: { accuracy: r.model_accuracy, macroF1: r.model_f1 },
  lexicon: { accuracy: r.lexicon_accuracy, macroF1: r.lexicon_f1 },
  active: r.active === 1,
  trainedBy: r.trained_by,
  trainedAt: r.trained_at,
});

/** Training labels and learned models, per language. */
export class SentimentRepo {
  constructor(private readonly db: Database) {}

  addLabels(rows: { lang: string; text: string; label: SentimentLabel; source: 'analyst' | 'file'; mentionId?: number | null; fileName?: string | null }[], by: string, at: number): void {
    const insert = this.db.prepare(`INSERT INTO sentiment_labels (lang, text, label, source, mention_id, file_name, created_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of rows) insert.run(r.lang, r.text, sentimentValue(r.label), r.source, r.mentionId ?? null, r.fileName ?? null, by, at);
  }

  /** File labels, and each mention's latest analyst label (a corrected correction counts once, as corrected). */
  labelsFor(lang: string): LabelledText[] {
    const rows = this.db
      .prepare(`SELECT text, label FROM sentiment_labels WHERE lang = @lang AND (mention_id IS NULL OR id IN
        (SELECT MAX(id) FROM sentiment_labels WHERE lang = @lang AND mention_id IS NOT NULL GROUP BY mention_id)) ORDER BY id`)
      .all({ lang }) as { text: string; label: number }[];
    return rows.map((r) => ({ text: r.text, label: sentimentName(r.label)! }));
  }

  labelCounts(): { lang: string; analyst: number; file: number }[] {
    return this.db
      .prepare(`SELECT lang, SUM(source = 'analyst') AS analyst, SUM(source = 'file') AS file FROM sentiment_labels GROUP BY lang ORDER BY lang`)
      .all() as { lang: string; analyst: number; file: number }[];
  }

  labelsSince(lang: string, at: number): number {
    return this.db.prepare('SELECT COUNT(*) FROM sentiment_labels WHERE lang = ? AND created_at > ?').pluck().get(lang, at) as number;
  }

  saveModel(result: TrainingResult, by: string, at: number): SentimentModelInfo {
    const version = ((this.db.prepare('SELECT version FROM sentiment_models WHERE lang = ?').pluck().get(result.lang) as number | undefined) ?? 0) + 1;
    this.db
      .prepare(`INSERT OR REPLACE INTO sentiment_models (lang, version, labels, model_accuracy, model_f1, lexicon_accuracy, lexicon_f1,
        active, weights, trained_by, trained_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(result.lang, version, result.labels, result.model.accuracy, result.model.macroF1, result.lexicon.accuracy, result.lexicon.macroF1,
        result.trained ? 1 : 0, result.trained ? result.trained.serialize() : null, by, at);
    return this.model(result.lang)!;
  }

  model(lang: string): SentimentModelInfo | null {
    const row = this.db.prepare('SELECT * FROM sentiment_models WHERE lang = ?').get(lang) as ModelRow | undefined;
    return row ? toInfo(row) : null;
  }

  models(): SentimentModelInfo[] {
    return (this.db.prepare('SELECT * FROM sentiment_models ORDER BY lang').all() as ModelRow[]).map(toInfo);
  }

  activeWeights(): { lang: string; weights: Buffer }[] {
    return this.db.prepare('SELECT lang, weights FROM sentiment_models WHERE active = 1 AND weights IS NOT NULL').all() as { lang: string; weights: Buffer }[];
  }
}
