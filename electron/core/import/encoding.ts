import chardet from 'chardet';
import iconv from 'iconv-lite';
import { validCharAt } from './utf8';
import type { Encoding } from '../../../shared/mentions';

export type DetectedEncoding = { encoding: Encoding; bomLength: number };

// chardet names the ISO cousins of the Windows code pages; exports from Excel on Windows use the latter.
const FROM_CHARDET: Record<string, Encoding> = {
  'windows-1251': 'windows-1251',
  'ISO-8859-5': 'windows-1251',
  'KOI8-R': 'windows-1251',
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'windows-1256',
  'windows-1253': 'windows-1253',
  'ISO-8859-7': 'windows-1253',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'windows-1252',
  'ISO-8859-9': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
};

/** True when `bytes` is valid UTF-8, ignoring a character cut off at the end of the sample. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Step back over a trailing, possibly incomplete, multi-byte sequence.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM still shows itself: every other byte of Latin text is zero. */
function utf16WithoutBom(sample: Uint8Array): Encoding | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const LEGACY: Encoding[] = ['windows-1251', 'windows-1253', 'windows-1256', 'windows-1252'];
const SCRIPTS = [/^[\p{Script=Latin}]+$/u, /^[\p{Script=Cyrillic}]+$/u, /^[\p{Script=Greek}]+$/u];

/** Lower, Capitalised or ALL CAPS: what real words look like; `БрбсЬ` (Greek read as Cyrillic) is not. */
const casePlausible = (w: string) => w === w.toLowerCase() || w === w.toUpperCase() || (w[0] === w[0].toUpperCase() && w.slice(1) === w.slice(1).toLowerCase());

/**
 * Share of non-ASCII words that look like real words once decoded with `encoding`. Reading a file with the wrong
 * code page yields mid-word capitals, mixed scripts, or "Latin" words made mostly of accented letters.
 */
export function plausibility(text: string, encoding: Encoding): number {
  let total = 0;
  let good = 0;
  for (const w of text.match(/\p{L}+/gu) ?? []) {
    if (/^[A-Za-z]+$/.test(w)) continue; // plain ASCII words say nothing about the code page
    total++;
    if (encoding === 'windows-1256') {
      if (/^[\u0600-\u06ff\u200c]+$/.test(w)) good++;
    } else if (encoding === 'windows-1252') {
      const accented = [...w].filter((c) => c > '\u007f').length;
      if (SCRIPTS[0].test(w) && casePlausible(w) && accented * 2 <= w.length) good++;
    } else if (SCRIPTS.some((re) => re.test(w)) && casePlausible(w)) good++;
  }
  return total === 0 ? 0 : good / total;
}

/** Picks the Windows code page whose decoding reads most like language; chardet's ranking breaks ties. */
function guessCodePage(sample: Uint8Array): Encoding {
  const ranked = chardet.analyse(sample).map((c) => FROM_CHARDET[c.name]).filter(Boolean);
  const bonus = (e: Encoding) => {
    const rank = ranked.indexOf(e);
    return rank < 0 ? 0 : 0.05 / (rank + 1);
  };
  const scored = LEGACY.map((e) => ({ e, score: plausibility(iconv.decode(Buffer.from(sample), e), e) + bonus(e) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0].score > 0 ? scored[0].e : 'windows-1252';
}

/** Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not a code-page file: keep it UTF-8. */
function mostlyUtf8(sample: Uint8Array): boolean {
  const bytes = Buffer.from(sample);
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = validCharAt(bytes, i);
    if (len > 0) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return multibyte >= 3 && multibyte >= invalid * 2;
}

/** Guesses the encoding of a text export from its first bytes: BOM, then UTF-8 validity, then code-page statistics. */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isValidUtf8(sample) || mostlyUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: guessCodePage(sample), bomLength: 0 };
}

export function bomLengthFor(sample: Uint8Array, encoding: Encoding): number {
  const detected = detectEncoding(sample.subarray(0, 4));
  return detected.encoding === encoding ? detected.bomLength : 0;
}

/** NUL bytes in what claims to be 8-bit or UTF-8 text mean it is a binary file with a text extension. */
export function looksBinary(sample: Uint8Array, encoding: Encoding): boolean {
  if (encoding.startsWith('utf-16')) return false;
  const n = Math.min(sample.length, 8192);
  for (let i = 0; i < n; i++) if (sample[i] === 0) return true;
  return false;
}
