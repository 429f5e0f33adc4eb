import type { Database } from 'better-sqlite3';

/**
 * Letters that people type or leave out interchangeably, which SQLite's unicode61 tokenizer keeps apart (its
 * `remove_diacritics` covers Latin letters only): Greek tonos and dialytika (all-caps Greek drops the tonos, so
 * "ΕΠΙΣΤΡΟΦΗ" must match "επιστροφή"), the final sigma (caps "...ΕΣ" lowercases to "...εσ", not "...ες"), and in
 * Persian text the Arabic yeh and kaf that Arabic keyboards type for ی and ک, short-vowel marks and the tatweel.
 */
const FOLD: Record<string, string> = {
  ά: 'α', έ: 'ε', ή: 'η', ί: 'ι', ό: 'ο', ύ: 'υ', ώ: 'ω', ΐ: 'ι', ΰ: 'υ', ϊ: 'ι', ϋ: 'υ', ς: 'σ',
  Ά: 'Α', Έ: 'Ε', Ή: 'Η', Ί: 'Ι', Ό: 'Ο', Ύ: 'Υ', Ώ: 'Ω', Ϊ: 'Ι', Ϋ: 'Υ',
  '\u064a': '\u06cc', '\u0649': '\u06cc', '\u0643': '\u06a9',
};
const FOLDED = /[άέήίόύώΐΰϊϋςΆΈΉΊΌΎΏΪΫ\u064a\u0649\u0643]|[\u064b-\u0652\u0670\u0640]|[\u1f00-\u1fff]/;
const FOLDED_ALL = new RegExp(FOLDED.source, 'g');

/** Text as the full-text index holds it and a search looks for it (the tokenizer then folds case). */
export function foldForSearch(text: string): string {
  if (!FOLDED.test(text)) return text; // most text: no copy
  // Polytonic Greek (U+1F00-1FFF) decomposes into a base letter and marks; the marks go with the others below.
  const s = /[\u1f00-\u1fff]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
  return s.replace(FOLDED_ALL, (c) => FOLD[c] ?? '');
}

/**
 * Makes `fts_fold(text)` available to SQL on this connection: the full-text index's content view
 * (`mentions_fts_source`, migration 0014) and the statements that fill it use it; `migrate` registers it, so every
 * connection opened through openDatabase has it. (The sqlite3 shell cannot fill or rebuild the index for this reason.)
 */
export function registerSearchFold(db: Database): void {
  db.function('fts_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : text));
}
