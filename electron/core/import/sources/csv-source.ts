import Papa from 'papaparse';
import type { ColumnMapping, DateOrder, Encoding } from '../../../../shared/mentions';
import { fileError } from '../import-error';
import type { CsvLayout } from '../sniff';
import { INVALID_BYTES_MARK, readText } from '../text-stream';
import { indexMapping, tabularRow, type Source, type SourceInfo, type SourceRow } from './source';

const QUOTE = 34;
/** One record may not exceed this; past it, the file is broken beyond resynchronising. */
const MAX_RECORD_CHARS = 64_000_000;

/**
 * End of the last complete record in `text`: the last newline outside quotes. RFC 4180 escapes a quote by
 * doubling it, so a newline is outside quotes exactly when an even number of quotes precede it.
 */
function lastRecordEnd(text: string, from: number, parity: { inQuotes: boolean }): number {
  let inQuotes = parity.inQuotes;
  let lastEnd = -1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) lastEnd = i + 1;
  }
  parity.inQuotes = inQuotes;
  return lastEnd;
}

export type CsvSourceOptions = {
  file: string;
  info: Omit<SourceInfo, 'mapping' | 'dateOrder'> & { mapping: ColumnMapping; dateOrder: DateOrder };
  encoding: Encoding;
  bomLength: number;
  layout: CsvLayout;
};

/** Streams a CSV/TSV file in blocks of whole records; memory stays at about one block. */
export function csvSource(o: CsvSourceOptions): Source {
  let bytesRead = 0;
  const columns = o.layout.columns;
  const fields = indexMapping(o.info.mapping, columns);
  const parseConfig = { delimiter: o.layout.delimiter, newline: o.layout.newline, skipEmptyLines: 'greedy' as const };

  async function* batches(): AsyncGenerator<SourceRow[]> {
    let buffer = '';
    let scanned = 0;
    let linesToSkip = o.layout.headerLine + 1;
    let rowNumber = linesToSkip; // the header is spreadsheet row headerLine + 1
    const parity = { inQuotes: false };

    const parseBlock = (block: string, final: boolean): SourceRow[] => {
      const result = Papa.parse<string[]>(block, parseConfig);
      const broken = new Map<number, string>();
      for (const e of result.errors) {
        if (e.type === 'Quotes' && e.row !== undefined) broken.set(e.row, final ? 'has a quote that is never closed (the rest of the file was swallowed by it)' : `quote error: ${e.message}`);
      }
      const checkBytes = block.includes(INVALID_BYTES_MARK);
      return result.data.map((cells, i) => {
        rowNumber++;
        const reason = broken.get(i);
        if (reason) return { rowNumber, draft: null, raw: cells, quarantineRaw: () => cells.join(o.layout.delimiter).slice(0, 100_000), error: reason };
        return tabularRow(rowNumber, cells, columns, fields, checkBytes);
      });
    };

    for await (const chunk of readText(o.file, o.encoding, o.bomLength)) {
      bytesRead = chunk.bytesRead;
      buffer += chunk.text;
      while (linesToSkip > 0) {
        const nl = buffer.search(/\r\n|\n|\r/);
        if (nl < 0) break;
        buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
        linesToSkip--;
      }
      if (linesToSkip > 0) continue;
      const end = lastRecordEnd(buffer, scanned, parity);
      if (end < 0) {
        if (buffer.length > MAX_RECORD_CHARS) {
          throw fileError(o.info.fileName, `row ${rowNumber + 1}: a quoted field runs on for more than ${MAX_RECORD_CHARS / 1_000_000} million characters: a quote that is never closed?`);
        }
        scanned = buffer.length;
        continue;
      }
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end);
      // Re-scan the rest from its start next time, from a known outside-quotes position.
      parity.inQuotes = false;
      scanned = 0;
      const rows = parseBlock(block, false);
      if (rows.length) yield rows;
    }
    if (buffer.trim() !== '') yield parseBlock(buffer, true);
  }

  return { info: o.info, batches, bytesRead: () => bytesRead };
}
