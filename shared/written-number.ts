const NATIVE_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
const PLAIN = /^-?[\d.,]+$/;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits as 0-9: both blocks end in the digit's value in their low four bits. */
export const latinDigits = (text: string): string => text.replace(NATIVE_DIGIT, (d) => String(d.charCodeAt(0) & 0xf));

/**
 * The digits and separators of a number with the spaces already taken out (`1,234`, `1.234,5`, `12,5`, `۱۲٫۵`):
 * Persian and Arabic-Indic digits are read as 0-9 and the Arabic decimal (٫) and group (٬) marks as '.' and ','.
 * When both '.' and ',' appear the later one is the decimal point; one of them appearing more than once groups
 * thousands; a single one before exactly three digits groups them when `groupsThree(sep)` says so, and is a decimal
 * point otherwise (for a count, 1,234 is a thousand; for an amount typed in Russian, 1,234 is one and a bit).
 * Null when the text is not such a number.
 */
export function readDigits(text: string, groupsThree: (sep: '.' | ',') => boolean): number | null {
  let s = text;
  if (!PLAIN.test(s)) {
    s = latinDigits(s).replace(/٫/g, '.').replace(/٬/g, ',');
    if (!PLAIN.test(s)) return null;
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const parts = sep ? s.split(sep) : [s];
    const grouping = parts.length > 2 || (parts.length === 2 && parts[1].length === 3 && groupsThree(sep as '.' | ','));
    normalised = grouping ? parts.join('') : parts.join('.');
  }
  const n = Number(normalised);
  return Number.isFinite(n) && normalised !== '' && normalised !== '-' ? n : null;
}

/** Spaces people put between thousands: plain, no-break, narrow no-break, and the apostrophe of Swiss writing. */
export const stripGroupSpaces = (text: string): string => text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
