import { FirebreakError } from '../../../shared/errors';
import { sentimentName } from '../../../shared/sentiment';
import { toMention, type MentionRow } from './mention-row';

/** A mention as the export reads it: its row, its triage and the file it came from. */
export type ExportRow = MentionRow & { triage_state: string; triage_assignee: string | null; file_name: string };

/** The exported columns, named as the generic import recognises them (and the Firebreak preset by them). */
export const EXPORT_COLUMNS = ['id', 'date', 'platform', 'author', 'handle', 'followers', 'title', 'text', 'url', 'lang', 'sentiment', 'sentiment_by',
  'reach', 'engagement', 'likes', 'comments', 'shares', 'views', 'country', 'triage', 'assignee', 'import_file', 'firebreak_id'] as const;

export type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number] | 'published_raw', string | number | null>;

/** Where the reader's local time goes when a zone is given: right after the UTC date. */
export const LOCAL_TIME_AT = EXPORT_COLUMNS.indexOf('date') + 1;

/** The header, with the reader's local time after the UTC date when a zone is given. */
export function exportHeader(timeZone?: string): string[] {
  const header: string[] = [...EXPORT_COLUMNS];
  if (timeZone) header.splice(LOCAL_TIME_AT, 0, `local_time (${timeZone})`);
  return header;
}

/** One mention as exported: the shown sentiment as a word and which of the three values it is (see the README). */
export function exportRecord(r: ExportRow): ExportRecord {
  const m = toMention(r);
  return {
    id: m.nativeId,
    date: new Date(m.publishedAt).toISOString(),
    published_raw: m.publishedRaw,
    platform: m.platform,
    author: m.author,
    handle: m.authorHandle,
    followers: m.authorFollowers,
    title: m.title,
    text: m.text,
    url: m.url,
    lang: m.lang,
    sentiment: sentimentName(m.sentiment),
    sentiment_by: m.sentiment === null ? null : m.analystSentiment !== null ? 'analyst' : m.sourceSentiment !== null ? 'tool' : 'engine',
    reach: m.reach,
    engagement: m.engagement,
    likes: m.likes,
    comments: m.comments,
    shares: m.shares,
    views: m.views,
    country: m.country,
    triage: r.triage_state,
    assignee: r.triage_assignee,
    import_file: r.file_name,
    firebreak_id: m.id,
  };
}

/** Epoch ms as "2026-11-20 16:03:00" in a zone: a form spreadsheets read as a date and time. */
export function localTime(timeZone: string): (ms: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  } catch {
    throw new FirebreakError('BAD_REQUEST', `Unknown time zone "${timeZone}".`);
  }
  return (ms) => format.format(ms);
}
