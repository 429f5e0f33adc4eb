/**
 * One normalisation for every text the engine reads (mentions, lexicon keys, training labels), so a word is the
 * same token everywhere: lower case, Greek accents dropped (the lexicons are unaccented), Arabic-script variants
 * folded onto Persian letters (Windows keyboards type ي/ك where Persian means ی/ک), ё read as е.
 */
export function normaliseText(text: string): string {
  let s = text.toLowerCase();
  if (/[\u0370-\u03ff\u1f00-\u1fff]/.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ς/g, 'σ');
  if (/[\u0600-\u06ff]/.test(s)) s = s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u064b-\u065f\u200c]/g, '');
  return s.replace(/ё/g, 'е');
}

// Words (letters, digits, apostrophes inside words), hashtags and mentions as one token, emoji one by one.
const TOKEN = /[#@]?[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_]*|\p{Extended_Pictographic}/gu;
const URL = /https?:\/\/\S+/g;

/** Tokens of a normalised text; links are dropped (a URL's words say nothing about tone). */
export function tokenize(normalised: string): string[] {
  return normalised.replace(URL, ' ').match(TOKEN) ?? [];
}
