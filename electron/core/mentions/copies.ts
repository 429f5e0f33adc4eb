import type { Database } from 'better-sqlite3';
import { normaliseText } from '../sentiment/tokens';

/** Fewer words than this is a slogan or a cry ("refund now", "😡 disgusting"), which people write alike unprompted. */
export const MIN_COPY_WORDS = 6;
/** Two texts agreeing on this many first words are one text (and a 10 MB field is not folded whole). */
const KEY_WORDS = 100;
/** Words of a phrase the full-text index is asked for (a few hundred candidates in a million at most), and how many phrases. */
const PHRASE_WORDS = 4;
const PHRASES = 3;
/** Longest words asked for when no stretch is long enough for a phrase (slower: many mentions hold them all). */
const FALLBACK_WORDS = 10;

// What a copy drops, and what ends a stretch of words the index holds side by side: a link (each post's shortener
// differs), a handle (a reply or a retweet names someone; kept apart from an e-mail address by what comes before the
// "@"), and any other character that is not a space or punctuation: unicode61 knows Unicode 6.1 and takes later
// characters (🤬, most emoji since) for words, so a stretch must not span one.
const BREAK = /https?:\/\/\S+|\bwww\.\S+|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+|[^\p{L}\p{N}\p{M}\p{P}\p{Z}\s]+/giu;
// What the full-text index calls a word (unicode61: letters and digits, marks folded into them), so each key word is one of its tokens.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The text's words in stretches the full-text index holds side by side, a leading "RT" dropped. */
function stretches(text: string): string[][] {
  const runs = normaliseText(text.slice(0, 20_000))
    .split(BREAK)
    .map((piece) => piece.match(WORD) ?? []);
  const first = runs.find((run) => run.length);
  if (first?.[0] === 'rt') first.shift();
  return runs.filter((run) => run.length);
}

/**
 * The words a copied text keeps wherever it is pasted, as one string: lower case and folded as search folds (Greek
 * accents, Persian and Arabic letters, digits), without links, @handles, a leading "RT", punctuation and emoji. Two
 * mentions with the same key are the same words posted twice; null for a text too short to tell copying from
 * coincidence.
 */
export function copyKey(text: string | null | undefined): string | null {
  return text ? keyOf(stretches(text)) : null;
}

function keyOf(runs: string[][]): string | null {
  const words = runs.flat();
  return words.length >= MIN_COPY_WORDS ? words.slice(0, KEY_WORDS).join(' ') : null;
}

/**
 * Makes `copy_key(text)` available to SQL on this connection, so a filter keeps exactly the mentions whose key is
 * one mention's (see copyFilter). Every connection gets it with the search fold (tuneConnection).
 */
export function registerCopyKey(db: Database): void {
  db.function('copy_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? copyKey(text) : null));
}

/** A "same words as mention N" filter resolved: the key, and the FTS5 query every copy matches (null: no key). */
export type CopyFilter = { key: string; fts: string } | null;

/**
 * The copies of a mention as SQL can find them quickly: the full-text index narrows the incident to the mentions
 * holding any of three four-word phrases of the text (at 1M mentions of a small vocabulary a few hundred, in ~50 ms;
 * asking for its words apart left 80,000 candidates to check, 3 s), and `copy_key` then keeps those whose words are
 * all the same, in the same order. A phrase is broken in a copy where that copy has a link, a handle or an emoji the
 * index counts as a word in the middle of it; a copy is missed only when all three are.
 */
export function copyFilter(db: Database, mentionId: number): CopyFilter {
  const text = db.prepare('SELECT text FROM mentions WHERE id = ?').pluck().get(mentionId) as string | undefined;
  // Folded once: the key and the phrases come from the same stretches.
  const runs = text ? stretches(text) : [];
  const key = keyOf(runs);
  if (!key) return null;
  const phrases = runs
    .flatMap((run) => Array.from({ length: Math.ceil(run.length / PHRASE_WORDS) }, (_, i) => run.slice(i * PHRASE_WORDS, (i + 1) * PHRASE_WORDS)))
    .filter((words) => words.length >= 3)
    .slice(0, PHRASES);
  if (phrases.length) return { key, fts: `text : (${phrases.map((words) => `"${words.join(' ')}"`).join(' OR ')})` };
  const words = [...new Set(key.split(' '))].sort((a, b) => b.length - a.length).slice(0, FALLBACK_WORDS);
  return { key, fts: words.map((w) => `text : "${w}"`).join(' AND ') };
}
