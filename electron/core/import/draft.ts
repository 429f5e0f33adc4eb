import type { DateOrder, Mention, RowProblem } from '../../../shared/mentions';
import { describeProblem, rowProblem } from './row-problem';
import { parseDate } from './dates';
import { dedupKey } from './dedup';
import { parseCount } from './numbers';
import { normaliseSentiment } from './sentiment-scale';
import { platformOf } from './urls';

/** What a source hands over for one row: values still as exported (strings, numbers, Date). */
export type MentionDraft = {
  nativeId?: unknown;
  url?: unknown;
  platform?: unknown;
  author?: unknown;
  authorHandle?: unknown;
  authorFollowers?: unknown;
  title?: unknown;
  text?: unknown;
  textFallback?: unknown;
  lang?: unknown;
  date?: unknown;
  time?: unknown;
  sentiment?: unknown;
  reach?: unknown;
  engagement?: unknown;
  likes?: unknown;
  comments?: unknown;
  shares?: unknown;
  views?: unknown;
  country?: unknown;
};

/** What an export gives; the engine's and analysts' fields are filled later. */
export type NewMention = Omit<Mention, 'id' | 'incidentId' | 'batchId' | ScoredField> & { dedupKey: string };
type ScoredField = 'sentiment' | 'engineSentiment' | 'engineScore' | 'analystSentiment' | 'analystBy' | 'analystAt' | 'langDetected';

export type FinaliseContext = { order: DateOrder; timezone: string };

/** Largest text we keep for one mention; a bigger cell is almost always a broken export (a runaway quote). */
export const MAX_TEXT_CHARS = 1_000_000;

const str = (v: unknown, max = 2000): string | null => {
  if (v === null || v === undefined) return null;
  const s = (v instanceof Date ? v.toISOString() : String(v)).trim();
  return s === '' ? null : s.slice(0, max);
};

/** A row that cannot become a mention; its message is the problem in English. */
export class RowError extends Error {
  constructor(readonly problem: RowProblem) {
    super(describeProblem(problem));
  }
}

const isBlank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** Validates and normalises one draft into a mention, or throws RowError with a reason a person can act on. */
export function finaliseDraft(d: MentionDraft, ctx: FinaliseContext): NewMention {
  const chosen = isBlank(d.text) ? d.textFallback : d.text;
  const textRaw = chosen === null || chosen === undefined ? '' : String(chosen);
  const title = str(d.title, 5000);
  if (textRaw.length > MAX_TEXT_CHARS) {
    throw new RowError(rowProblem('text_too_long', { length: textRaw.length, limit: MAX_TEXT_CHARS }));
  }
  // Kept exactly as exported (no trimming, no formula handling); only emptiness is judged on trimmed text.
  const text = textRaw.trim() === '' ? '' : textRaw;
  if (!text && !title) throw new RowError(rowProblem('no_text'));
  const dateRaw = d.time !== undefined && d.time !== null && String(d.time).trim() ? `${str(d.date) ?? ''} ${str(d.time)}` : d.date;
  const publishedAt = parseDate(dateRaw, ctx);
  if (publishedAt === null) {
    const shown = str(dateRaw, 60);
    throw new RowError(shown ? rowProblem('bad_date', { value: shown, order: ctx.order, timezone: ctx.timezone }) : rowProblem('no_date'));
  }
  const url = str(d.url);
  const platform = platformOf(str(d.platform, 100), url);
  const nativeId = str(d.nativeId, 200);
  const author = str(d.author, 300);
  const sentimentRaw = str(d.sentiment, 100);
  const mention: Omit<NewMention, 'dedupKey'> = {
    platform,
    nativeId,
    url,
    author,
    authorHandle: str(d.authorHandle, 300),
    authorFollowers: parseCount(d.authorFollowers),
    title,
    text: text || title || '',
    lang: str(d.lang, 20)?.toLowerCase() ?? null,
    publishedAt,
    publishedRaw: str(dateRaw, 100),
    sourceSentiment: normaliseSentiment(d.sentiment),
    sourceSentimentRaw: sentimentRaw,
    reach: parseCount(d.reach),
    engagement: parseCount(d.engagement),
    likes: parseCount(d.likes),
    comments: parseCount(d.comments),
    shares: parseCount(d.shares),
    views: parseCount(d.views),
    country: str(d.country, 100),
  };
  return { ...mention, dedupKey: dedupKey(mention) };
}
