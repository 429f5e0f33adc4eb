import ExcelJS from 'exceljs';
import type { ColumnMapping, DateOrder } from '../../../../shared/mentions';
import { fileError } from '../import-error';
import { GENERIC, mappingFor, recognisePreset, tabularPresetById } from '../presets/tabular';
import { uniqueNames } from '../sniff';
import { indexMapping, tabularRow, type Source, type SourceInfo, type SourceRow } from './source';

const BATCH = 2000;

/** A cell as the value a person sees: rich text joined, hyperlinks as their text, formulas as their result. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if ('error' in v) return '';
  return String(v);
}

async function* rowsOf(file: string, fileName: string): AsyncGenerator<unknown[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'cache', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        yield values.slice(1).map(cellValue); // exceljs rows are 1-based
      }
      return; // the first sheet holds the export
    }
  } catch (err) {
    throw fileError(fileName, 'xlsx_unreadable', { message: (err as Error).message });
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
  let finished = false; // the zip stream does not tell how far it is: progress counts rows only
  return {
    info,
    bytesRead: () => (finished ? base.size : 0),
    async *batches() {
      let n = 0;
      let batch: SourceRow[] = [];
      for await (const cells of rowsOf(file, base.fileName)) {
        n++;
        if (n <= headerRow + 1) continue;
        if (cells.every((c) => c === '' || c === null)) continue;
        while (cells.length > columns.length && cells[cells.length - 1] === '') cells.pop();
        while (cells.length < columns.length) cells.push('');
        batch.push(tabularRow(n, cells, columns, fields, false));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      finished = true;
    },
  };
}
