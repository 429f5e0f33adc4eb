export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabelName = (typeof SENTIMENT_LABELS)[number];

/** -1 / 0 / 1 as stored, to the label's name. */
export const sentimentName = (value: number | null): SentimentLabelName | null =>
  value === null ? null : value < 0 ? 'negative' : value > 0 ? 'positive' : 'neutral';
export const sentimentValue = (label: SentimentLabelName): number => SENTIMENT_LABELS.indexOf(label) - 1;

export type ModelScores = { accuracy: number; macroF1: number };

/** The last training of one language: cross-validated figures, and whether the model is the one in use. */
export type SentimentModelInfo = {
  lang: string;
  version: number;
  labels: number;
  model: ModelScores;
  lexicon: ModelScores;
  active: boolean;
  trainedBy: string;
  trainedAt: number;
};

export type SentimentJob = { kind: 'scoring' | 'rescoring'; done: number; total: number };

export type SentimentStatus = {
  langs: { lang: string; analystLabels: number; fileLabels: number; model: SentimentModelInfo | null; hasLexicon: boolean }[];
  job: SentimentJob | null;
  unscored: number;
};

/** Per language: what training did (null model = too few labels or a single class to learn from). */
export type TrainingOutcome = { lang: string; labels: number; model: SentimentModelInfo | null; reason: string | null };
