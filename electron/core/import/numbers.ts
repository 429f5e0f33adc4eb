/**
 * Reads an exported count: `1,234`, `1 234`, `1.234,0`, `12.5K`. A missing or unreadable count is null, never 0:
 * "no data" and "nobody saw it" are different facts.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  let s = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '' || /^(n\/?a|null|none|-|—)$/i.test(s)) return null;
  let factor = 1;
  const suffix = /([kmb])$/i.exec(s);
  if (suffix) {
    factor = { k: 1e3, m: 1e6, b: 1e9 }[suffix[1].toLowerCase() as 'k' | 'm' | 'b'];
    s = s.slice(0, -1);
  }
  if (!/^-?[\d.,]+$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one is the decimal separator.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else {
    const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const parts = sep ? s.split(sep) : [s];
    // One separator followed by exactly three digits groups thousands (1,234 / 1.234); otherwise a decimal.
    const grouping = parts.length > 2 || (parts.length === 2 && parts[1].length === 3 && factor === 1);
    normalised = grouping ? parts.join('') : parts.join('.');
  }
  const n = Number(normalised) * factor;
  return Number.isFinite(n) ? Math.round(n) : null;
}
