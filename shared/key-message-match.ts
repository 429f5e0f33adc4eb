/**
 * Whether a statement carries a key message. A key message may hold several wordings, one per line (one per
 * language, say); it counts as carried when, for one wording, at least 70% of its significant words appear in the
 * text. Words are compared by their first five letters so that inflected forms (Russian, Ukrainian, Greek cases)
 * still match; short words (articles, prepositions) are ignored.
 */
const MIN_WORD = 4;
const STEM = 5;
const SHARE = 0.7;

function stems(text: string): string[] {
  return (text.normalize('NFC').toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= MIN_WORD).map((w) => w.slice(0, STEM));
}

export function carriesKeyMessage(body: string, keyMessage: string): boolean {
  const present = new Set(stems(body));
  return keyMessage
    .split('\n')
    .map(stems)
    .filter((words) => words.length > 0)
    .some((words) => words.filter((w) => present.has(w)).length >= Math.ceil(words.length * SHARE));
}
