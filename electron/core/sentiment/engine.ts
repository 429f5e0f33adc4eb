import { featurize } from './features';
import { classOf, labelOfScore, SENTIMENTS, type SentimentLabel } from './labels';
import { baseLang, LanguageDetector } from './language';
import { lexiconScore, loadLexicons, type Lexicon } from './lexicon';
import { argmax, type SentimentModel } from './model';
import { normaliseText, tokenize } from './tokens';

export type Classification = { label: SentimentLabel; score: number; lang: string | null };

/** Lexicon scores inside this band are neutral: one mildly coloured word in a tweet is not a tone (tuned on en/ru). */
const LEXICON_BAND = 0.3;

/**
 * Language, then sentiment: the learned model for that language when one is active, the lexicon otherwise.
 * Loading takes ~0.5 s (eld's n-grams, the lexicons), so one engine is made per process and kept.
 */
export class SentimentEngine {
  private readonly models = new Map<string, SentimentModel>();

  private constructor(readonly detector: LanguageDetector, private readonly lexicons: Map<string, Lexicon>) {}

  static async load(): Promise<SentimentEngine> {
    const [detector, lexicons] = await Promise.all([LanguageDetector.load(), loadLexicons()]);
    return new SentimentEngine(detector, lexicons);
  }

  useModel(lang: string, model: SentimentModel | null): void {
    if (model) this.models.set(lang, model);
    else this.models.delete(lang);
  }

  hasModel(lang: string): boolean {
    return this.models.has(lang);
  }

  features(text: string, lang: string | null) {
    const tokens = tokenize(normaliseText(text));
    const lex = lexiconScore(lang ? this.lexicons.get(lang) : undefined, tokens);
    return { tokens, lex, x: featurize(tokens, lex) };
  }

  /** `lang` when the caller knows it (the export said so, or --lang); detected otherwise. */
  classify(text: string, lang?: string | null): Classification {
    const language = baseLang(lang) ?? this.detector.detect(text);
    const tokens = tokenize(normaliseText(text));
    const lex = lexiconScore(language ? this.lexicons.get(language) : undefined, tokens);
    const model = language ? this.models.get(language) : undefined;
    if (!model) return { label: labelOfScore(lex.score, LEXICON_BAND), score: round(lex.score), lang: language };
    const p = model.predict(featurize(tokens, lex));
    return { label: SENTIMENTS[argmax(p)], score: round(p[2] - p[0]), lang: language };
  }

  /** The lexicon's label alone, for measuring a model against it. */
  lexiconClass(text: string, lang: string): number {
    const lex = lexiconScore(this.lexicons.get(lang), tokenize(normaliseText(text)));
    return classOf(labelOfScore(lex.score, LEXICON_BAND));
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
