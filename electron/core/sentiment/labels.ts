import { SENTIMENT_LABELS as SENTIMENTS, type SentimentLabelName as SentimentLabel } from '../../../shared/sentiment';
import { normaliseSentiment } from '../import/sentiment-scale';

export { SENTIMENTS, type SentimentLabel };

/** Sentiment labels as the engine counts them: class index 0..2. */
export const classOf = (label: SentimentLabel): number => SENTIMENTS.indexOf(label);

/** A score in [-1, 1] read as a label, with the same neutral band the explorer uses for the tools' scores. */
export function labelOfScore(score: number, band = 0.05): SentimentLabel {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}

/** A label as written in a training file ("neg", "-1", "positive", "негатив", ...): the importer's own reading. */
export function parseLabel(value: unknown): SentimentLabel | null {
  const n = normaliseSentiment(value);
  return n === null ? null : labelOfScore(n);
}
