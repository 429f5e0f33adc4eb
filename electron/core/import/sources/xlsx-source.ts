import fs from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnMapping, DateOrder } from '../../../../shared/mentions';
import { fileError } from '../import-error';
import { GENERIC, mappingFor, recognisePreset, tabularPresetById } from '../presets/tabular';
import { uniqueNames } from '../sniff';
import { SharedStrings } from './shared-strings';
import { indexMapping, tabularRow, type Source, type SourceInfo, type SourceRow } from './source';

const BATCH = 2000;

/** A cell as the value a person sees: rich text joined, hyperlinks as their text, formulas as their result. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if ('richText' in v) return richTextOf(v.richText);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if ('error' in v) return '';
  return String(v);
}

function richTextOf(runs: { text?: string | null }[]): string {
  return runs.map((r) => r.text ?? '').join('');
}

/** ExcelJS's streaming reader, with the parts of it used here that its types do not declare. */
type Reader = {
  parse(): AsyncIterable<{ eventType?: string; value?: unknown; index?: number; text?: string | null | { richText: { text?: string | null }[] } }>;
  /** Read by each worksheet for its shared-string cells; truthy (with `workbookRels`) = parse worksheets at once. */
  sharedStrings?: unknown;
  workbookRels?: unknown;
  model?: unknown;
};

function reader(input: string | Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): Reader {
  const r = new ExcelJS.stream.xlsx.WorkbookReader(input as string, { hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore', ...options }) as unknown as Reader;
  // ExcelJS copies a worksheet that comes before the shared strings in the zip (as Excel writes them) to a temporary
  // file until it has them, and removes it only at exit when reading stops early. Said to be ready, it never does.
  r.sharedStrings = [];
  r.workbookRels = [];
  r.model = { sheets: [] }; // until workbook.xml is read (often the zip's last entry): names the worksheets, unused here
  return r;
}

/** First pass over the zip: the shared strings only, into a compact store (worksheets are skipped unread). */
async function sharedStringsOf(file: string): Promise<SharedStrings> {
  const shared = new SharedStrings();
  try {
    for await (const event of reader(file, { sharedStrings: 'emit', worksheets: 'ignore' }).parse()) {
      if (event.index === undefined) continue;
      shared.add(typeof event.text === 'string' ? event.text : event.text ? richTextOf(event.text.richText) : '');
    }
    return shared;
  } catch (err) {
    shared.close();
    throw err;
  }
}

/**
 * The first worksheet's rows (the export), its shared-string cells looked up in a first pass over the zip.
 * `onBytes`: how far the second pass has read into the file.
 */
async function* rowsOf(file: string, fileName: string, onBytes?: (bytes: number) => void): AsyncGenerator<unknown[]> {
  let shared: SharedStrings | undefined;
  try {
    shared = await sharedStringsOf(file);
    const store = shared;
    const input = fs.createReadStream(file);
    if (onBytes) input.on('data', () => onBytes(input.bytesRead));
    const second = reader(input, { sharedStrings: 'ignore', worksheets: 'emit' });
    // A worksheet reads `sharedStrings[index]` for each shared-string cell.
    second.sharedStrings = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? store.get(Number(key)) : undefined) });
    for await (const event of second.parse()) {
      if (event.eventType !== 'worksheet') continue;
      for await (const row of event.value as AsyncIterable<ExcelJS.Row>) {
        yield (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue); // exceljs rows are 1-based
      }
      return; // the first sheet holds the export
    }
  } catch (err) {
    throw fileError(fileName, 'xlsx_unreadable', { message: (err as Error).message });
  } finally {
    shared?.close();
  }
}

type Base = Omit<SourceInfo, 'preset' | 'presetLabel' | 'columns' | 'mapping' | 'format' | 'delimiter' | 'skippedLines'>;

/** Reads the first worksheet of an XLSX export as a stream of rows (cells are never all held in memory). */
export async function xlsxSource(file: string, base: Base, override: { preset?: string; mapping?: ColumnMapping; dateOrder?: DateOrder }): Promise<Source> {
  // Find the header among the first rows, as for CSV (report metadata may sit above it).
  const head: unknown[][] = [];
  const iterator = rowsOf(file, base.fileName);
  for await (const row of iterator) {
    head.push(row);
    if (head.length >= 30) break;
  }
  await iterator.return(undefined);
  if (head.length === 0) throw fileError(base.fileName, 'xlsx_no_rows');
  const asText = head.map((r) => r.map((c) => String(c ?? '').trim()));
  let headerRow = asText.findIndex((r) => recognisePreset(r) !== null);
  if (headerRow < 0) headerRow = asText.findIndex((r) => r.filter(Boolean).length >= 2);
  if (headerRow < 0) throw fileError(base.fileName, 'xlsx_no_header', { rows: 30 });
  const columns = uniqueNames(asText[headerRow]);
  const preset = (override.preset && tabularPresetById(override.preset)) || recognisePreset(columns) || GENERIC;
  const mapping = override.mapping ?? mappingFor(preset, columns);
  const fields = indexMapping(mapping, columns);
  const info: SourceInfo = {
    ...base,
    format: 'xlsx',
    delimiter: null,
    preset: preset.id,
    presetLabel: preset.label,
    columns,
    mapping,
    skippedLines: headerRow,
    dateOrder: override.dateOrder ?? preset.dateOrder,
  };
  let bytesRead = 0; // of the second pass, somewhat ahead of the rows (the zip is read in chunks)
  return {
    info,
    bytesRead: () => bytesRead,
    async *batches() {
      let n = 0;
      let batch: SourceRow[] = [];
      for await (const cells of rowsOf(file, base.fileName, (bytes) => (bytesRead = bytes))) {
        n++;
        if (n <= headerRow + 1) continue;
        if (cells.every((c) => c === '' || c === null)) continue;
        while (cells.length > columns.length && cells[cells.length - 1] === '') cells.pop();
        while (cells.length < columns.length) cells.push('');
        batch.push(tabularRow(n, cells, columns, fields, false, preset.defused === true));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      bytesRead = base.size;
    },
  };
}
