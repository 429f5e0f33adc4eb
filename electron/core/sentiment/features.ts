import type { LexiconScore } from './lexicon';

/** Hashed feature space: no vocabulary to store or grow, and the same text always lands on the same indices. */
export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;
/** The first indices hold the lexicon's dense features; hashed features never use them. */
const DENSE = 4;

export type SparseVector = { index: Int32Array; value: Float32Array };

function fnv(s: string, start: number, end: number, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function slot(h: number): number {
  const i = h & MASK;
  return i < DENSE ? i + DENSE : i;
}

/**
 * Word unigrams and bigrams plus character 3- and 4-grams inside words (they carry Russian and Ukrainian
 * endings and misspellings that whole words miss), then the lexicon's score, positive and negative sums.
 * Values are L2-normalised so long and short texts weigh alike.
 */
export function featurize(tokens: readonly string[], lex: LexiconScore): SparseVector {
  const counts = new Map<number, number>();
  const add = (i: number) => counts.set(i, (counts.get(i) ?? 0) + 1);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    add(slot(fnv(token, 0, token.length, 1)));
    if (t > 0) add(slot(fnv(token, 0, token.length, fnv(tokens[t - 1], 0, tokens[t - 1].length, 2))));
    if (token.length > 24 || token.length < 3) continue;
    const padded = ` ${token} `;
    for (const n of [3, 4]) {
      for (let i = 0; i + n <= padded.length; i++) add(slot(fnv(padded, i, i + n, n)));
    }
  }
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const size = counts.size + DENSE;
  const index = new Int32Array(size);
  const value = new Float32Array(size);
  let k = 0;
  for (const [i, c] of counts) {
    index[k] = i;
    value[k++] = c * scale;
  }
  const dense = [lex.score, Math.tanh(lex.positive / 4), Math.tanh(lex.negative / 4), lex.hits > 0 ? 1 : 0];
  for (let d = 0; d < DENSE; d++) {
    index[k] = d;
    value[k++] = dense[d];
  }
  return { index, value };
}
