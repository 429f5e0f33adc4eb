import { foldText } from '../text-fold';

/**
 * One normalisation for every text the engine reads (mentions, lexicon keys, training labels), so a word is the
 * same token everywhere: lower case, then the letters people write interchangeably folded (text-fold.ts: Greek
 * accents, as the lexicons are unaccented; Arabic-script variants onto Persian letters; ё as е).
 */
export function normaliseText(text: string): string {
  return foldText(text.toLowerCase());
}

// Words (letters, digits, apostrophes inside words), hashtags and mentions as one token, emoji one by one.
const TOKEN = /[#@]?[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_]*|\p{Extended_Pictographic}/gu;
const URL = /https?:\/\/\S+/g;

/** Tokens of a normalised text; links are dropped (a URL's words say nothing about tone). */
export function tokenize(normalised: string): string[] {
  return normalised.replace(URL, ' ').match(TOKEN) ?? [];
}
