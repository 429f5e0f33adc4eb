import { latinDigits } from '../../shared/written-number';

/** A run of Greek letters with any combining marks written after them (polytonic text, or accents typed apart). */
const GREEK_RUN = /[\u0370-\u03ff\u1f00-\u1fff][\u0300-\u036f\u0370-\u03ff\u1f00-\u1fff]*/g;
/**
 * Letters people write interchangeably, folded to one, case kept: Greek accents (tonos, dialytika, polytonic marks;
 * capitals drop them) and the final sigma (capitals lowercase to the medial one); Arabic-script variants onto the
 * Persian letters (Arabic keyboards type ي ى ك for ی ک), short-vowel marks, the tatweel and the zero-width
 * non-joiner; Persian and Arabic-Indic digits as 0-9 (a Persian keyboard types ۲۲۱۱ for the batch number 2211); ё as
 * е. A Cyrillic й or ї in the same text as Greek stays as it is.
 *
 * The sentiment engine reads every text through it (tokens.ts) and full-text search indexes and searches through
 * it (search-fold.ts), so a word is the same token everywhere. The full-text index holds text folded by this
 * function: changing what it does needs a migration that rebuilds the index (as 0014 did), or removing rows would
 * hand FTS5 other words than it indexed.
 */
export function foldText(text: string): string {
  if (!/[\u0370-\u03ff\u1f00-\u1fff\u0600-\u06ffёЁ]/.test(text)) return text; // most text: one scan, no copy
  let s = text;
  if (/[\u0370-\u03ff\u1f00-\u1fff]/.test(s)) {
    // Decomposing the whole text is fastest (native), but would also strip Cyrillic й, ї and Arabic-script marks
    // beside the Greek: with those scripts present only the Greek runs are decomposed (3x slower, and rare).
    s = /[\u0400-\u04ff\u0600-\u06ff]/.test(s) ? s.replace(GREEK_RUN, stripMarks) : stripMarks(s);
    if (s.includes('ς')) s = s.replace(/ς/g, 'σ');
  }
  if (/[\u0600-\u06ff]/.test(s)) {
    s = s.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک').replace(/[\u064b-\u065f\u0670\u0640\u200c]/g, '');
    s = latinDigits(s);
  }
  if (/[ёЁ]/.test(s)) s = s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return s;
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A name as people retype it, case and spacing aside: "The Daily  Ledger " and "the daily ledger" are one outlet. */
export function looseKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
