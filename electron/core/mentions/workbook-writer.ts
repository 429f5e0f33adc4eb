import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { EXPORT_COLUMNS, LOCAL_TIME_AT, exportHeader, exportRecord, type ExportRow } from './export-record';

/** Excel refuses a cell longer than this (a workbook with one is "repaired", its text lost). */
const EXCEL_CELL_CHARS = 32_767;
/** Characters XML 1.0 cannot hold: one in a cell makes the whole workbook unreadable to Excel. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Bytes of sheet XML waiting for the zip before more rows are made. */
const MAX_QUEUED = 8 << 20;

type StreamState = { length?: number };
type SheetStream = { buffers?: StreamState[]; pipes?: { _writableState?: StreamState; _readableState?: StreamState }[] };

/** The sheet's XML made and not yet taken by the zip: in exceljs's own buffer and in the pipe into the zip. */
function queued(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  let bytes = 0;
  for (const b of stream?.buffers ?? []) bytes += b.length ?? 0;
  for (const p of stream?.pipes ?? []) bytes += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return bytes;
}

const cellText = (s: string) => {
  const clean = s.replace(NOT_XML, '\ufffd');
  return clean.length > EXCEL_CELL_CHARS ? `${clean.slice(0, EXCEL_CELL_CHARS - 1)}…` : clean;
};

/**
 * The export as an Excel workbook, streamed (exceljs's writer, no shared strings, so memory stays flat): opens in
 * Excel in any locale (a CSV opened by a double click in Russian, Ukrainian or Greek Excel lands in one column, as
 * those locales separate by ";"). Text cells are text, never formulas, so nothing needs defusing; counts are numbers;
 * the reader's local time is a real date cell, so it sorts and filters as one. The header is frozen and filterable.
 * `chunks` yields the rows in order; the caller lets other work in between them.
 */
export async function writeWorkbook(chunks: AsyncIterable<ExportRow[]>, sink: Writable, zone: { name: string; format: (ms: number) => string } | null): Promise<void> {
  // A full disk fails the file: said to the caller, not left as an 'error' nobody listens to (which ends the process).
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) => sink.once('error', (err) => reject((failure = err))));
  failed.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Mentions', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = exportHeader(zone?.name);
  sheet.columns = header.map((name) => ({ key: name, width: name === 'text' ? 80 : name === 'title' || name === 'url' ? 40 : name.startsWith('local_time') || name === 'date' ? 22 : 14 }));
  const top = sheet.addRow(header);
  top.font = { bold: true };
  top.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  for await (const rows of chunks) {
    for (const r of rows) {
      const record = exportRecord(r);
      const values: unknown[] = EXPORT_COLUMNS.map((name) => {
        const v = record[name];
        return typeof v === 'string' ? cellText(v) : v;
      });
      // The wall-clock time in the zone, as a date cell (Excel dates have no zone), where the header puts it.
      if (zone) values.splice(LOCAL_TIME_AT, 0, new Date(`${zone.format(r.published_at).replace(' ', 'T')}Z`));
      const row = sheet.addRow(values);
      if (zone) row.getCell(LOCAL_TIME_AT + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.commit();
    }
    // exceljs queues the sheet's XML in memory until the zip has compressed it, without telling the writer to wait:
    // unchecked, 555,000 rows held 950 MB. Wait for the queue to run down (its buffers are internal: should a later
    // exceljs rename them, this waits for nothing and the export still works, only with more memory).
    while (queued(sheet) > MAX_QUEUED && !failure) await new Promise((resolve) => setTimeout(resolve, 5));
    if (failure) throw failure;
  }
  sheet.commit();
  await Promise.race([workbook.commit(), failed]);
}
