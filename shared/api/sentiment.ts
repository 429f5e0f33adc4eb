import { z } from 'zod';
import type { SentimentStatus, TrainingOutcome } from '../sentiment';
import { SENTIMENT_LABELS } from '../sentiment';
import { importSourceSchema } from './imports';

const lang = z.string().regex(/^[a-z]{2,3}$/);

export const sentimentSchemas = {
  'sentiment.status': z.strictObject({}),
  /** An analyst's correction, on one mention or a selection; it always wins over the tool's and the engine's value. */
  'sentiment.correct': z.strictObject({ mentionIds: z.array(z.number().int().positive()).min(1).max(5000), label: z.enum(SENTIMENT_LABELS) }),
  'sentiment.train': z.strictObject({ lang: lang.optional() }),
  /** A labelled file (text + label columns); its rows become training labels, then the languages in it are retrained. */
  'sentiment.importLabels': z.strictObject({ source: importSourceSchema, lang: lang.optional() }),
};

type In<K extends keyof typeof sentimentSchemas> = z.input<(typeof sentimentSchemas)[K]>;

export type SentimentApi = {
  'sentiment.status': (q: In<'sentiment.status'>) => SentimentStatus;
  'sentiment.correct': (q: In<'sentiment.correct'>) => { updated: number };
  'sentiment.train': (q: In<'sentiment.train'>) => TrainingOutcome[];
  'sentiment.importLabels': (q: In<'sentiment.importLabels'>) => { file: string; rows: number; langs: { lang: string; rows: number }[]; trained: TrainingOutcome[] };
};
