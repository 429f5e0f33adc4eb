import Papa from 'papaparse';
import type { Encoding, RowProblem } from '../../../../shared/mentions';
import { rowProblem } from '../row-problem';
import { fileError } from '../import-error';
import type { CsvLayout } from '../sniff';
import { INVALID_BYTES_MARK, readText } from '../text-stream';
import { presetDefused } from '../presets/tabular';
import { clipCell, indexMapping, tabularRow, type Source, type SourceInfo, type SourceRow } from './source';

/** One record may not exceed this; past it, the file is broken beyond resynchronising. */
const MAX_RECORD_CHARS = 64_000_000;

/**
 * End of the last complete record in `text`: the last newline outside quotes. RFC 4180 escapes a quote by
 * doubling it, so a newline is outside quotes exactly when an even number of quotes precede it. Jumps with
 * indexOf rather than looking at every character (a 500 MB export is 500 million characters).
 */
export function lastRecordEnd(text: string, newline: string): number {
  const quotes: number[] = [];
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes.push(i);
  const mark = newline === '\r' ? '\r' : '\n';
  for (let nl = text.lastIndexOf(mark); nl !== -1; nl = text.lastIndexOf(mark, nl - 1)) {
    if (quotesBefore(quotes, nl) % 2 === 0) return nl + 1;
  }
  return -1;
}

function quotesBefore(sorted: number[], position: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type CsvSourceOptions = {
  file: string;
  info: SourceInfo;
  encoding: Encoding;
  bomLength: number;
  layout: CsvLayout;
};

/** Streams a CSV/TSV file in blocks of whole records; memory stays at about one block. */
export function csvSource(o: CsvSourceOptions): Source {
  let bytesRead = 0;
  const columns = o.layout.columns;
  const fields = indexMapping(o.info.mapping, columns);
  const defused = presetDefused(o.info.preset);
  const parseConfig = { delimiter: o.layout.delimiter, newline: o.layout.newline, skipEmptyLines: 'greedy' as const };

  async function* batches(): AsyncGenerator<SourceRow[]> {
    let buffer = '';
    let recordsToSkip = o.layout.headerRecord + 1; // metadata records and the header itself
    let rowNumber = recordsToSkip; // the header is row headerRecord + 1

    const parseBlock = (block: string, final: boolean): SourceRow[] => {
      const result = Papa.parse<string[]>(block, parseConfig);
      if (recordsToSkip > 0) {
        const skipped = Math.min(recordsToSkip, result.data.length);
        result.data = result.data.slice(skipped);
        result.errors = result.errors.map((e) => ({ ...e, row: e.row === undefined ? undefined : e.row - skipped }));
        recordsToSkip -= skipped;
      }
      const broken = new Map<number, RowProblem>();
      for (const e of result.errors) {
        if (e.type === 'Quotes' && e.row !== undefined) broken.set(e.row, final ? rowProblem('unclosed_quote') : rowProblem('quote_error', { message: e.message }));
      }
      const checkBytes = block.includes(INVALID_BYTES_MARK);
      return result.data.map((cells, i) => {
        rowNumber++;
        const problem = broken.get(i);
        if (problem) return { rowNumber, draft: null, raw: cells, quarantineRaw: () => clipCell(cells.join(o.layout.delimiter)), problem };
        return tabularRow(rowNumber, cells, columns, fields, checkBytes, defused);
      });
    };

    for await (const chunk of readText(o.file, o.encoding, o.bomLength)) {
      bytesRead = chunk.bytesRead;
      buffer += chunk.text;
      const end = lastRecordEnd(buffer, o.layout.newline);
      if (end < 0) {
        if (buffer.length > MAX_RECORD_CHARS) {
          throw fileError(o.info.fileName, 'runaway_field', { row: rowNumber + 1, millions: MAX_RECORD_CHARS / 1_000_000 });
        }
        continue;
      }
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end);
      const rows = parseBlock(block, false);
      if (rows.length) yield rows;
    }
    if (buffer.trim() !== '') yield parseBlock(buffer, true);
  }

  return { info: o.info, batches, bytesRead: () => bytesRead };
}
