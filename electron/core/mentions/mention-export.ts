import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MentionExportFormat, MentionSort } from '../../../shared/mentions';
import { defuseCell } from '../csv-cell';
import { safeFileName } from '../file-name';
import { yieldToEventLoop } from '../yield';
import { filterSql, rankNarrow, SORT_SQL, withSearch, type MentionFilter } from './mention-query';
import { EXPORT_COLUMNS, LOCAL_TIME_AT, exportHeader, exportRecord, localTime, type ExportRow } from './export-record';
import { MENTION_COLUMNS } from './mention-row';
import { writeWorkbook } from './workbook-writer';

export type MentionExportOptions = {
  sort: MentionSort;
  direction: 'asc' | 'desc';
  format: MentionExportFormat;
  /** Adds a column with each time in this zone (the reader's), beside the UTC one. */
  timeZone?: string;
  /** Only these mentions of the filter's incident (ticked in the list); the filter's other conditions then do not apply. */
  ids?: number[];
};

/** Rows read and written per step; between steps the room's other requests get their turn. */
const CHUNK = 1_000;

/**
 * An export with its rows chosen (`total` of them): `writeTo` writes them (once) to a stream, telling `onProgress` how
 * many are done after each step.
 */
export type MentionExport = {
  readonly total: number;
  writeTo(sink: Writable, end?: boolean, onProgress?: (done: number) => void): Promise<{ rows: number }>;
};

/**
 * The mentions a filter keeps, in the explorer's order, as a file: an Excel workbook (workbook-writer.ts) or CSV for
 * people (a lawyer, head office, the agency), JSON Lines for scripts. The column names are the ones the generic import
 * recognises, so a file exported here imports into another incident as it is. Mention text is untrusted: CSV cells a
 * spreadsheet would run as a formula get a leading apostrophe. The order is fixed here (ids only), and anything wrong with the request is
 * refused here, before a file exists; the rows are then read a chunk at a time as they are written, so an export of a
 * million mentions neither holds them in memory nor holds up the room meanwhile.
 */
export function exportMentions(db: Database, filter: MentionFilter, opts: MentionExportOptions): MentionExport {
  const zone = opts.timeZone ? { name: opts.timeZone, format: localTime(opts.timeZone) } : null;
  const f = withSearch(db, opts.ids ? { incidentId: filter.incidentId } : filter);
  // As the explorer pages: by time the mentions' time index gives the order; by reach or engagement every kept
  // mention is ranked, from the narrow facts where the filter allows (mention-query.ts).
  const { from, sql, params } = filterSql(f, { narrow: opts.sort === 'time' || !rankNarrow(db, f) ? true : 'always' });
  const picked = opts.ids ? ' AND m.id IN (SELECT value FROM json_each(@ids))' : '';
  const dir = opts.direction === 'asc' ? 'ASC' : 'DESC';
  const ids = db
    .prepare(`SELECT m.id FROM ${from} WHERE ${sql}${picked} ORDER BY ${SORT_SQL[opts.sort]} ${dir}, m.id ${dir}`)
    .pluck()
    .all(opts.ids ? { ...params, ids: JSON.stringify(opts.ids) } : params) as number[];
  const read = db.prepare(`SELECT ${MENTION_COLUMNS}, m.triage_state, m.triage_assignee, b.file_name
    FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE m.id IN (SELECT value FROM json_each(?))`);
  let written = 0;
  let progress: ((done: number) => void) | undefined;
  async function* chunks(): AsyncGenerator<ExportRow[]> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const byId = new Map((read.all(JSON.stringify(part)) as ExportRow[]).map((r) => [r.id, r]));
      // A mention undone meanwhile (its import removed) is simply not there any more.
      const rows = part.flatMap((id) => byId.get(id) ?? []);
      written += rows.length;
      if (rows.length) yield rows;
      progress?.(i + part.length);
      await yieldToEventLoop();
    }
  }
  async function* text(): AsyncGenerator<string> {
    if (opts.format === 'csv') yield '\ufeff' + Papa.unparse([exportHeader(zone?.name)], { newline: '\r\n' }) + '\r\n';
    for await (const rows of chunks()) {
      yield opts.format === 'csv' ? Papa.unparse(rows.map((r) => csvRow(r, zone?.format ?? null)), { newline: '\r\n' }) + '\r\n' : rows.map((r) => JSON.stringify(exportRecord(r)) + '\n').join('');
    }
  }
  return {
    total: ids.length,
    async writeTo(sink, end = true, onProgress) {
      progress = onProgress;
      if (opts.format === 'xlsx') await writeWorkbook(chunks(), sink, zone);
      else await pipeline(Readable.from(text()), sink, { end });
      return { rows: written };
    },
  };
}

/** One mention as a CSV row: every cell text, formula-like ones defused. */
function csvRow(r: ExportRow, zone: ((ms: number) => string) | null): string[] {
  const record = exportRecord(r);
  const cells = EXPORT_COLUMNS.map((c) => {
    const v = record[c];
    return v === null || v === undefined ? '' : String(v);
  });
  if (zone) cells.splice(LOCAL_TIME_AT, 0, zone(r.published_at));
  return cells.map(defuseCell);
}

/**
 * "<incident> - mentions - <what was searched>.csv" (or "- 3 selected"): two exports of one crisis are told apart by
 * their names.
 */
export function exportFileName(title: string, f: MentionFilter, format: MentionExportFormat, picked?: number): string {
  const searched = picked ? `${picked} selected` : safeFileName([f.query, f.authorSearch ?? f.author].filter(Boolean).join(' '), '').slice(0, 40).trim();
  return `${safeFileName(title)} - mentions${searched ? ` - ${searched}` : ''}.${format}`;
}
