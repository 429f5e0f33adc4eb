import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DELIMITERS, type Delimiter, type Encoding, type ImportFormat } from '../../../shared/mentions';
import { decodeAll } from './decode';
import { bomLengthFor, detectEncoding, looksBinary } from './encoding';
import { fileError } from './import-error';
import { recognisePreset } from './presets/tabular';
import { lastRecordEnd } from './sources/csv-source';

export const HEAD_BYTES = 256 * 1024;

export type Head = { fileName: string; size: number; bytes: Buffer };

/** `name` is what the user called the file (an upload is stored under an id): it names errors and hints the format. */
export async function readHead(file: string, name = path.basename(file)): Promise<Head> {
  const fileName = name;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (err) {
    throw fileError(fileName, 'cannot_open', { detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw fileError(fileName, 'empty');
    const bytes = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(bytes, 0, bytes.length, 0);
    return { fileName, size, bytes };
  } finally {
    await handle.close();
  }
}

export type TextSniff = { format: Exclude<ImportFormat, 'xlsx'>; encoding: Encoding; bomLength: number; text: string };

const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** Decides what a file really is from its bytes; the extension only breaks ties and names mismatches. */
export function sniffFormat(head: Head, encodingOverride?: Encoding): { format: 'xlsx' } | TextSniff {
  const ext = path.extname(head.fileName).toLowerCase();
  if (isZip(head.bytes)) {
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '') return { format: 'xlsx' };
    throw fileError(head.fileName, 'zip_archive', { ext: ext.slice(1).toUpperCase() });
  }
  if (ext === '.xlsx' || ext === '.xls') {
    throw fileError(head.fileName, ext === '.xls' ? 'old_xls' : 'not_xlsx');
  }
  const detected = detectEncoding(head.bytes);
  const encoding = encodingOverride ?? detected.encoding;
  if (looksBinary(head.bytes, encoding)) throw fileError(head.fileName, 'binary');
  const bomLength = bomLengthFor(head.bytes, encoding);
  const text = decodeAll(head.bytes.subarray(bomLength), encoding);
  const start = text.trimStart();
  if (start.startsWith('window.YTD.')) return { format: 'json', encoding, bomLength, text };
  if (start.startsWith('[') || start.startsWith('{')) {
    return { format: ext === '.jsonl' || ext === '.ndjson' || looksLikeJsonLines(start) ? 'jsonl' : 'json', encoding, bomLength, text };
  }
  if (ext === '.json' || ext === '.jsonl') throw fileError(head.fileName, 'not_json');
  return { format: 'csv', encoding, bomLength, text };
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/, 3);
  if (lines.length < 2 || !lines[1].trimStart().startsWith('{')) return false;
  try {
    JSON.parse(lines[0]);
    return true;
  } catch {
    return false;
  }
}

export type CsvLayout = {
  delimiter: Delimiter;
  newline: '\r\n' | '\n' | '\r';
  /** Records (not lines: a cell may span lines) before the header, blank ones not counted. */
  headerRecord: number;
  columns: string[];
};

/** The complete records of the sampled head, split by a delimiter (blank records dropped, as the importer does). */
export function headRecords(text: string, delimiter: string, newline: CsvLayout['newline'], limit = 1000): string[][] {
  const end = lastRecordEnd(text, newline);
  const complete = end < 0 ? text : text.slice(0, end);
  return Papa.parse<string[]>(complete, { delimiter, newline, skipEmptyLines: 'greedy', preview: limit }).data;
}

/**
 * Finds the delimiter and the header record. The delimiter is the one that splits the sampled records into the
 * same number (> 1) of fields most consistently; the header is the first record a known tool's header matches,
 * else the first with the usual field count (report metadata above it is skipped).
 */
export function sniffCsv(fileName: string, text: string, delimiterOverride?: Delimiter): CsvLayout {
  const newline = lineEnding(text);
  if (text.trim() === '') throw fileError(fileName, 'no_rows');
  const candidates = delimiterOverride ? [delimiterOverride] : DELIMITERS;
  let best: { delimiter: Delimiter; count: number; score: number; records: string[][] } | null = null;
  for (const delimiter of candidates) {
    const records = headRecords(text, delimiter, newline, 60);
    const counts = records.map((r) => r.length);
    const modal = mode(counts);
    const score = counts.filter((c) => c === modal).length * (modal > 1 ? 1 : 0);
    if (!best || score > best.score) best = { delimiter, count: modal, score, records };
  }
  if (!best || best.score === 0) {
    if (!delimiterOverride && (best?.records.length ?? 0) <= 1) throw fileError(fileName, 'single_column');
    best = { delimiter: delimiterOverride ?? ',', count: 1, score: 1, records: best?.records ?? [] };
  }
  const trimmed = best.records.map((r) => r.map((c) => c.trim()));
  let headerRecord = trimmed.findIndex((r) => recognisePreset(r) !== null);
  if (headerRecord < 0) headerRecord = trimmed.findIndex((r) => r.length === best.count);
  return { delimiter: best.delimiter, newline, headerRecord, columns: uniqueNames(trimmed[headerRecord]) };
}

/**
 * The line ending of the first line. Not "is there a CRLF anywhere": a cell may hold a line break of another
 * kind (Alt+Enter in Excel), and a file's own rows end the way its header does.
 */
function lineEnding(text: string): CsvLayout['newline'] {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf < 0) return '\r';
  if (cr >= 0 && cr === lf - 1) return '\r\n';
  return cr >= 0 && cr < lf ? '\r' : '\n';
}

function mode(values: number[]): number {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** Blank or repeated header names would make columns unaddressable: number them. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base} (${n + 1})`;
  });
}
