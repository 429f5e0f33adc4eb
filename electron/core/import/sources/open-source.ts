import type { DateOrder, ImportOptions } from '../../../../shared/mentions';
import { inferDateOrder, isValidTimezone, laptopTimezone } from '../dates';
import { fileError } from '../import-error';
import { GENERIC, mappingFor, recognisePreset, tabularPresetById } from '../presets/tabular';
import { headRecords, readHead, sniffCsv, sniffFormat, type CsvLayout } from '../sniff';
import { csvSource } from './csv-source';
import { jsonlSource, jsonSource } from './json-source';
import type { Source } from './source';
import { xlsxSource } from './xlsx-source';

export type OpenedSource = Source & { timezone: string };

/** Detects everything about a file (format, encoding, delimiter, header, tool) and opens it for streaming. */
export async function openSource(file: string, options: ImportOptions = {}, displayName?: string): Promise<OpenedSource> {
  const head = await readHead(file, displayName);
  const timezone = options.timezone ?? laptopTimezone();
  if (!isValidTimezone(timezone)) throw fileError(head.fileName, 'bad_timezone', { timezone });
  const sniffed = sniffFormat(head, options.encoding);
  const base = { fileName: head.fileName, size: head.size, skippedLines: 0, dateOrder: options.dateOrder ?? ('day-first' as DateOrder) };

  if (sniffed.format === 'xlsx') {
    return { ...(await xlsxSource(file, { ...base, encoding: null }, options)), timezone };
  }
  const { encoding, bomLength, text } = sniffed;
  if (sniffed.format === 'json') {
    return { ...(await jsonSource(file, { ...base, encoding }, encoding, bomLength, options)), timezone };
  }
  if (sniffed.format === 'jsonl') {
    return { ...jsonlSource(file, { ...base, encoding }, encoding, bomLength, text, options), timezone };
  }
  const layout = sniffCsv(head.fileName, text, options.delimiter);
  const preset = (options.preset && tabularPresetById(options.preset)) || recognisePreset(layout.columns) || GENERIC;
  const mapping = options.mapping ?? mappingFor(preset, layout.columns);
  const dateOrder = options.dateOrder ?? inferDateOrder(sampleColumn(text, layout, mapping.date), preset.dateOrder);
  const source = csvSource({
    file,
    encoding,
    bomLength,
    layout,
    info: {
      ...base,
      format: 'csv',
      encoding,
      delimiter: layout.delimiter,
      preset: preset.id,
      presetLabel: preset.label,
      columns: layout.columns,
      mapping,
      skippedLines: layout.headerRecord,
      dateOrder,
    },
  });
  return { ...source, timezone };
}

/** Values of one column in the sampled head, to let the file's own dates decide day-first vs month-first. */
function sampleColumn(text: string, layout: CsvLayout, column: string | undefined): string[] {
  const i = column ? layout.columns.indexOf(column) : -1;
  if (i < 0) return [];
  const rows = headRecords(text, layout.delimiter, layout.newline).slice(layout.headerRecord + 1);
  return rows.map((r) => r[i] ?? '').filter(Boolean);
}
