import { readDigits, stripGroupSpaces } from '../../../shared/written-number';

const GROUPS = () => true;
const NO_GROUPS = () => false;

/**
 * Reads an exported count: `1,234`, `1 234`, `1.234,0`, `12.5K`, `۱٬۲۳۴`. A missing or unreadable count is null, never 0:
 * "no data" and "nobody saw it" are different facts.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  let s = stripGroupSpaces(value);
  if (s === '' || /^(n\/?a|null|none|-|—)$/i.test(s)) return null;
  if (/^\d+$/.test(s)) return Number.isFinite(+s) ? +s : null; // most exported counts: plain digits
  let factor = 1;
  const suffix = /([kmb])$/i.exec(s);
  if (suffix) {
    factor = { k: 1e3, m: 1e6, b: 1e9 }[suffix[1].toLowerCase() as 'k' | 'm' | 'b'];
    s = s.slice(0, -1);
  }
  // One separator before exactly three digits groups thousands (1,234 / 1.234); after a suffix (12.500K) it is a decimal.
  const n = readDigits(s, factor === 1 ? GROUPS : NO_GROUPS);
  if (n === null) return null;
  const scaled = n * factor;
  return Number.isFinite(scaled) ? Math.round(scaled) : null;
}
