/** The longest reply or comment each platform takes, as that platform counts it. Others: no limit shown. */
export const REPLY_LIMITS: Readonly<Record<string, number>> = {
  x: 280, threads: 500, tiktok: 150, linkedin: 1250, instagram: 2200, telegram: 4096, youtube: 10_000, reddit: 10_000,
};

/** X's weighting (twitter-text v3 config): these code points count 1, every other one 2; a link counts 23. */
const X_LIGHT: readonly [number, number][] = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const X_LINK = /https?:\/\/\S+/gi;
const X_LINK_LENGTH = 23;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A reply's length as its platform counts it: on X, Latin, Cyrillic, Greek and Arabic-script letters count 1,
 * CJK and most other scripts 2, an emoji 2 however many code points it takes, a link 23; elsewhere, characters
 * as people see them (an emoji or a letter with its accents is one).
 */
export function replyLength(text: string, platform: string): number {
  text = text.normalize('NFC');
  if (platform !== 'x') return [...segmenter.segment(text)].length;
  let length = 0;
  const rest = text.replace(X_LINK, () => ((length += X_LINK_LENGTH), ''));
  for (const { segment } of segmenter.segment(rest)) {
    if (PICTOGRAPHIC.test(segment)) length += 2;
    else for (const ch of segment) length += X_LIGHT.some(([from, to]) => ch.codePointAt(0)! >= from && ch.codePointAt(0)! <= to) ? 1 : 2;
  }
  return length;
}
