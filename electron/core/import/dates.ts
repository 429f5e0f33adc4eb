import type { DateOrder } from '../../../shared/mentions';

export type DateContext = { order: DateOrder; timezone: string };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

type Parts = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; offsetMin: number | null };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
// RFC 2822 and Twitter's `Wed Oct 10 20:19:24 +0000 2018`.
const RFC2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})?$/i;
// Meltwater and other report tools: `22-Sep-2023 11:00 AM`, `Sep 22, 2023 11:00`.
const NAMED_DMY = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*\.?[-\s,]+(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const NAMED_MDY = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const TWITTER = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i;

function offsetMinutes(tz: string | undefined): number | null {
  if (!tz) return null;
  if (/^(z|ut|utc|gmt)$/i.test(tz)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function fullYear(y: number): number {
  return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toUpperCase() === 'PM';
  return (h % 12) + (pm ? 12 : 0);
}

function parseParts(raw: string, order: DateOrder): Parts | null {
  let m = ISO.exec(raw);
  if (m) {
    const frac = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return { y: +m[1], mo: +m[2], d: +m[3], h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: frac, offsetMin: offsetMinutes(m[8]) };
  }
  m = NUMERIC.exec(raw);
  if (m) {
    const [a, b, c] = [m[1], m[2], m[3]];
    let y: number, mo: number, d: number;
    if (a.length === 4) [y, mo, d] = [+a, +b, +c];
    else if (order === 'day-first') [d, mo, y] = [+a, +b, fullYear(+c)];
    else [mo, d, y] = [+a, +b, fullYear(+c)];
    return { y, mo, d, h: hour12(+(m[4] ?? 0), m[7]), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: 0, offsetMin: offsetMinutes(m[8]) };
  }
  m = RFC2822.exec(raw);
  if (m && MONTHS[m[2].toLowerCase()]) {
    return { y: +m[3], mo: MONTHS[m[2].toLowerCase()], d: +m[1], h: +m[4], mi: +m[5], s: +(m[6] ?? 0), ms: 0, offsetMin: offsetMinutes(m[7]) };
  }
  m = NAMED_DMY.exec(raw) ?? NAMED_MDY.exec(raw);
  if (m) {
    const named = /^\d/.test(m[1]) ? { d: +m[1], mon: m[2] } : { d: +m[2], mon: m[1] };
    const mo = MONTHS[named.mon.toLowerCase()];
    if (mo) return { y: +m[3], mo, d: named.d, h: hour12(+(m[4] ?? 0), m[7]), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), ms: 0, offsetMin: null };
  }
  m = TWITTER.exec(raw);
  if (m && MONTHS[m[1].toLowerCase()]) {
    return { y: +m[7], mo: MONTHS[m[1].toLowerCase()], d: +m[2], h: +m[3], mi: +m[4], s: +m[5], ms: 0, offsetMin: offsetMinutes(m[6]) };
  }
  return null;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** Offset of `tz` (minutes east of UTC) at a UTC instant, cached per hour: 1M rows hit a handful of hours. */
function zoneOffsetAt(utcMs: number, tz: string): number {
  const hourKey = `${tz}|${Math.floor(utcMs / 3_600_000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  let fmt = zoneFormatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    zoneFormatters.set(tz, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(utcMs).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  const offset = Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** Wall-clock time in `tz` to UTC; two passes settle the offset across a daylight-saving change. */
function zonedToUtc(wallAsUtc: number, tz: string): number {
  let utc = wallAsUtc - zoneOffsetAt(wallAsUtc, tz) * 60_000;
  utc = wallAsUtc - zoneOffsetAt(utc, tz) * 60_000;
  return utc;
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function laptopTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

/**
 * Reads an exported timestamp into UTC epoch ms, or null. Numbers are epoch seconds, epoch milliseconds or
 * Excel serial days, told apart by magnitude; values without an offset are wall-clock time in `ctx.timezone`.
 */
export function parseDate(value: unknown, ctx: DateContext): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return fromNumber(value, ctx);
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (raw === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return fromNumber(Number(raw), ctx);
  const p = parseParts(raw, ctx.order);
  if (!p || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || p.h > 23 || p.mi > 59 || p.s > 60) return null;
  const wall = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, p.ms);
  if (new Date(wall).getUTCDate() !== p.d) return null; // 31 February
  const ms = p.offsetMin !== null ? wall - p.offsetMin * 60_000 : zonedToUtc(wall, ctx.timezone);
  return ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

function fromNumber(n: number, ctx: DateContext): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  let ms: number;
  if (n > 1e11) ms = n; // epoch milliseconds
  else if (n > 1e8) ms = n * 1000; // epoch seconds
  else if (n > 20_000 && n < 80_000) ms = zonedToUtc(EXCEL_EPOCH + Math.round(n * 86_400_000), ctx.timezone); // Excel serial
  else return null;
  ms = Math.round(ms);
  return ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

/**
 * Decides day-first vs month-first for a whole file from its own dates: a first number above 12 proves
 * day-first, a second above 12 proves month-first; when nothing proves either, `fallback` stands.
 */
export function inferDateOrder(values: readonly string[], fallback: DateOrder): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}/.exec(v.trim());
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) dayFirst++;
    if (+m[2] > 12 && +m[1] <= 12) monthFirst++;
  }
  if (dayFirst > monthFirst) return 'day-first';
  if (monthFirst > dayFirst) return 'month-first';
  return fallback;
}
