import type { ModelScores } from '../../../shared/sentiment';
import type { SentimentEngine } from './engine';
import { classOf, type SentimentLabel } from './labels';
import { scoreLabels } from './metrics';
import { argmax, SentimentModel, type TrainingExample } from './model';

export type LabelledText = { text: string; label: SentimentLabel };
export type TrainingResult = {
  lang: string;
  labels: number;
  lexicon: ModelScores;
  model: ModelScores;
  /** True when the model beat the lexicon in cross-validation: only then is it used. */
  better: boolean;
  trained?: SentimentModel;
};

/** Fewer labels than this, or a single class, and there is nothing to learn from yet. */
export const MIN_LABELS = 30;

const FOLDS = 5;

/** A stable fold per text, so retraining with more labels keeps each text in the same fold. */
export function foldOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}

export function examplesOf(engine: SentimentEngine, lang: string, labelled: readonly LabelledText[]): TrainingExample[] {
  return labelled.map((l) => ({ x: engine.features(l.text, lang).x, y: classOf(l.label) }));
}

/**
 * Model against lexicon by 5-fold cross-validation over the analysts' labels (a single held-out fifth of 250
 * labels is 50 texts: too few, it picked a worse model in measurement), then, when the model wins, one model
 * trained on all of them. The reported figures are the cross-validated ones.
 */
export async function trainLanguage(engine: SentimentEngine, lang: string, labelled: readonly LabelledText[]): Promise<TrainingResult | null> {
  if (labelled.length < MIN_LABELS || new Set(labelled.map((l) => l.label)).size < 2) return null;
  const examples = examplesOf(engine, lang, labelled);
  const folds = labelled.map((l) => foldOf(l.text));
  const predicted = new Array<number>(labelled.length);
  for (let k = 0; k < FOLDS; k++) {
    const model = await SentimentModel.trainInBackground(examples.filter((_e, i) => folds[i] !== k));
    examples.forEach((e, i) => {
      if (folds[i] === k) predicted[i] = argmax(model.predict(e.x));
    });
  }
  const gold = examples.map((e) => e.y);
  const modelScores = scoreLabels(gold, predicted);
  const lexiconScores = scoreLabels(gold, labelled.map((l) => engine.lexiconClass(l.text, lang)));
  const better = modelScores.macroF1 > lexiconScores.macroF1;
  const trained = better ? await SentimentModel.trainInBackground(examples) : undefined;
  return { lang, labels: labelled.length, lexicon: lexiconScores, model: modelScores, better, trained };
}
