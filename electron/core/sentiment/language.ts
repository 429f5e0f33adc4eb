import { normaliseText } from './tokens';

/** Languages the UI names and the engine has a lexicon for; others are detected where eld knows them. */
export const CORE_LANGS = ['en', 'ru', 'uk', 'fa', 'el'] as const;

/** "en-US", "EN", "ru_RU" as exports write them, to the base code the lexicons and models are keyed by. */
export function baseLang(lang: string | null | undefined): string | null {
  return lang ? lang.toLowerCase().split(/[-_]/)[0] || null : null;
}

type EldResult = { language: string };
type EldInstance = { detect(text: string): EldResult; setLanguageSubset(langs: string[] | false): unknown; load(size: string): Promise<boolean> };

const LATIN_CANDIDATES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr', 'sv', 'da', 'no', 'fi', 'cs', 'ro', 'hu', 'vi', 'tl', 'sq', 'et', 'lt', 'lv', 'sk', 'sl', 'hr', 'ms'];

/**
 * Script first, then eld restricted to the languages plausible for that script. Greek script is Greek; Arabic
 * script with Persian-only letters is Persian; Cyrillic with letters only one of Russian/Ukrainian has is decided
 * by them, and otherwise eld chooses between the two (measured on our Russian set: 99.5% on full texts, 88% on
 * 25-character snippets; with Bulgarian, Belarusian and Serbian also allowed, snippets fell to 77%).
 */
export class LanguageDetector {
  private constructor(
    private readonly cyrillic: EldInstance,
    private readonly latin: EldInstance,
    private readonly any: EldInstance,
  ) {}

  static async load(): Promise<LanguageDetector> {
    // eld is ESM-only; the compiled main process is CommonJS, where `import()` still loads ESM.
    const { eld } = (await import('eld')) as unknown as { eld: { newInstance(): EldInstance } };
    const make = async (subset: string[] | false) => {
      const d = eld.newInstance();
      await d.load('extrasmall'); // instances share the loaded n-grams (~90 MB once); larger sizes gained <1% here
      d.setLanguageSubset(subset);
      return d;
    };
    return new LanguageDetector(await make(['ru', 'uk']), await make(LATIN_CANDIDATES), await make(false));
  }

  detect(text: string): string | null {
    // Links and @handles are Latin whatever the language: leave them out, or a short Russian tweet reads as English.
    const s = normaliseText(text.slice(0, 2000)).replace(/https?:\/\/\S+|[@#][\p{L}\p{N}_]+/gu, ' ');
    const c = scriptCounts(s);
    if (c.letters === 0) return null;
    const main = Math.max(c.latin, c.cyrillic, c.greek, c.arabic);
    if (main * 3 < c.letters) return this.pick(this.any, s); // mostly another script (CJK, Hebrew, ...)
    if (main === c.greek) return 'el';
    if (main === c.arabic) return /[پچژگی]/.test(s) ? 'fa' : this.pick(this.any, s);
    if (main === c.cyrillic) {
      // ё is folded by normaliseText, so look for it in the original
      const uk = /[іїєґ]/.test(s);
      const ru = /[ыэъ]/.test(s) || /[ёЁ]/.test(text);
      if (uk !== ru) return uk ? 'uk' : 'ru';
      return wordVote(s) ?? this.pick(this.cyrillic, s);
    }
    return this.pick(this.latin, s);
  }

  private pick(detector: EldInstance, s: string): string | null {
    return detector.detect(s).language || null;
  }
}

// Common words only one of the two languages has (none of them a word of the other): on short texts they decide
// where letters cannot ("Дякую, все чудово" has no і/ї/є/ґ, and eld alone called it Russian).
const UK_WORDS = new Set(['дякую', 'що', 'це', 'як', 'але', 'дуже', 'вже', 'чому', 'треба', 'немає', 'також', 'щоб', 'якщо', 'або', 'мене', 'мені', 'ще', 'де', 'чудово', 'гарно', 'жахливо', 'було', 'буде']);
const RU_WORDS = new Set(['что', 'это', 'как', 'очень', 'уже', 'нет', 'спасибо', 'когда', 'сейчас', 'надо', 'почему', 'тоже', 'также', 'который', 'или', 'если', 'где', 'вот', 'меня', 'мне', 'ещё', 'еще', 'был', 'была', 'будет', 'хорошо', 'ужасно']);

function wordVote(s: string): 'uk' | 'ru' | null {
  let uk = 0;
  let ru = 0;
  for (const w of s.split(/[^\p{L}]+/u)) {
    if (UK_WORDS.has(w)) uk++;
    else if (RU_WORDS.has(w)) ru++;
  }
  return uk > ru ? 'uk' : ru > uk ? 'ru' : null;
}

/** Letters per script in one pass (this runs for every mention, so no regex per script). */
function scriptCounts(s: string): { letters: number; latin: number; cyrillic: number; greek: number; arabic: number } {
  const c = { letters: 0, latin: 0, cyrillic: 0, greek: 0, arabic: 0 };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x41) continue;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && code <= 0x24f)) c.latin++;
    else if (code >= 0x400 && code <= 0x4ff) c.cyrillic++;
    else if (code >= 0x370 && code <= 0x3ff) c.greek++;
    else if (code >= 0x600 && code <= 0x6ff) c.arabic++;
    else if (code < 0x80) continue;
    else if (!/\p{L}/u.test(s[i])) continue;
    c.letters++;
  }
  return c;
}
