import { en } from '../../../../shared/locales/en';
import type { ColumnMapping, Encoding } from '../../../../shared/mentions';
import { rowProblem } from '../row-problem';
import { fileError } from '../import-error';
import { genericList, recogniseJsonPreset, redditDraft, type Gathered, type JsonPreset } from '../presets/json';
import { GENERIC, mappingFor } from '../presets/tabular';
import { INVALID_BYTES_MARK, readText } from '../text-stream';
import { jsonHead, jsonValues, type JsonFile } from './json-stream';
import { clipCell, type Source, type SourceInfo, type SourceRow } from './source';

type Obj = Record<string, unknown>;

/** Nested objects become dotted columns (`user.name`), so generic JSON maps like a table. */
export function flatten(o: Obj, prefix = '', out: Record<string, unknown> = {}, depth = 0): Record<string, unknown> {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 3) flatten(v as Obj, key, out, depth + 1);
    else out[key] = v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  }
  return out;
}

export function columnsOf(objects: readonly Obj[]): string[] {
  const seen = new Set<string>();
  for (const o of objects.slice(0, 1000)) for (const k of Object.keys(flatten(o))) seen.add(k);
  return [...seen];
}

const toRecord = (flat: Record<string, unknown>) => Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, clipCell(v)]));

/** One generic object as a row: mapped columns become the draft, the object itself is kept as raw. */
export function objectRow(rowNumber: number, o: Obj, mapping: ColumnMapping): SourceRow {
  const flat = flatten(o);
  const draft: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(mapping)) draft[field] = flat[column as string];
  return { rowNumber, draft, raw: o, quarantineRaw: () => toRecord(flat), problem: null };
}

/** How much of a JSON document is read to recognise it (a Telegram full export's chats follow its contacts). */
const HEAD_BYTES = 4 << 20;

type Base = Omit<SourceInfo, 'preset' | 'presetLabel' | 'columns' | 'mapping' | 'format' | 'delimiter'>;

/**
 * A JSON document: a known platform export read by its preset, or an array of objects mapped like a table. Streamed
 * (json-stream.ts): recognised from its start, then read record by record, in two passes when a preset gathers a
 * part that comes after the records.
 */
export async function jsonSource(file: string, base: Base, encoding: Encoding, bomLength: number, override: { preset?: string; mapping?: ColumnMapping }): Promise<Source> {
  const src: JsonFile = { file, fileName: base.fileName, encoding, bomLength };
  const head = await jsonHead(src, HEAD_BYTES);
  let bytesRead = 0;
  const onBytes = (n: number) => (bytesRead = n);
  const preset: JsonPreset | null = override.preset === 'generic' ? null : recogniseJsonPreset(head);
  if (preset) {
    const info: SourceInfo = { ...base, format: 'json', delimiter: null, preset: preset.id, presetLabel: preset.label, columns: null, mapping: {} };
    return {
      info,
      bytesRead: () => bytesRead,
      async *batches() {
        const gathered: Gathered = {};
        if (preset.gather) for await (const found of jsonValues(src, preset.gather)) for (const { value, keys } of found) gathered[keys.join('.')] = value;
        const read = preset.reader(gathered);
        let n = 0;
        for await (const found of jsonValues(src, preset.stream, onBytes)) {
          const batch: SourceRow[] = [];
          for (const { value, keys } of found) {
            const r = read(value, keys);
            if (r) batch.push({ rowNumber: ++n, draft: r.draft, raw: r.raw, quarantineRaw: () => JSON.stringify(r.raw), problem: null });
          }
          if (batch.length) yield batch;
        }
      },
    };
  }
  const list = genericList(head);
  if (!list) throw fileError(base.fileName, 'json_not_mentions');
  const columns = columnsOf(list.sample);
  const mapping = override.mapping ?? mappingFor(GENERIC, columns);
  return {
    info: { ...base, format: 'json', delimiter: null, preset: 'generic', presetLabel: GENERIC.label, columns, mapping },
    bytesRead: () => bytesRead,
    async *batches() {
      let n = 0;
      for await (const found of jsonValues(src, [list.path], onBytes)) {
        yield found.map(({ value }) => {
          n++;
          if (value !== null && typeof value === 'object' && !Array.isArray(value)) return objectRow(n, value as Obj, mapping);
          const text = clipCell(JSON.stringify(value) ?? '');
          return { rowNumber: n, draft: null, raw: value, quarantineRaw: () => text, problem: rowProblem('json_item_not_object', { item: n }) };
        });
      }
    },
  };
}

/** JSON Lines: streamed line by line; a line that is not JSON is quarantined, the rest go on. */
export function jsonlSource(file: string, base: Base, encoding: Encoding, bomLength: number, headText: string, override: { mapping?: ColumnMapping }): Source {
  const sampleObjects = headText
    .split(/\r?\n/)
    .slice(0, 200)
    .flatMap((l) => {
      try {
        const v = JSON.parse(l) as unknown;
        return v && typeof v === 'object' && !Array.isArray(v) ? [v as Obj] : [];
      } catch {
        return [];
      }
    });
  if (sampleObjects.length === 0) throw fileError(base.fileName, 'jsonl_no_objects');
  const reddit = redditDraft(sampleObjects[0]) !== null && !override.mapping;
  const columns = reddit ? null : columnsOf(sampleObjects);
  const mapping = reddit ? {} : (override.mapping ?? mappingFor(GENERIC, columns!));
  let bytesRead = 0;
  const info: SourceInfo = {
    ...base,
    format: 'jsonl',
    delimiter: null,
    preset: reddit ? 'reddit' : 'generic',
    presetLabel: reddit ? en.presets.reddit : GENERIC.label,
    columns,
    mapping,
  };
  const rowOf = (line: string, n: number): SourceRow => {
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch (err) {
      return { rowNumber: n, draft: null, raw: line, quarantineRaw: () => clipCell(line), problem: rowProblem('json_line_invalid', { line: n, message: (err as Error).message }) };
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      return { rowNumber: n, draft: null, raw: line, quarantineRaw: () => clipCell(line), problem: rowProblem('json_line_not_object', { line: n }) };
    }
    if (line.includes(INVALID_BYTES_MARK)) {
      return { rowNumber: n, draft: null, raw: o, quarantineRaw: () => clipCell(line), problem: rowProblem('invalid_bytes') };
    }
    if (reddit) return { rowNumber: n, draft: redditDraft(o as Obj) ?? {}, raw: o, quarantineRaw: () => line, problem: null };
    return objectRow(n, o as Obj, mapping);
  };
  return {
    info,
    bytesRead: () => bytesRead,
    async *batches() {
      let rest = '';
      let n = 0;
      for await (const chunk of readText(file, encoding, bomLength)) {
        bytesRead = chunk.bytesRead;
        const lines = (rest + chunk.text).split(/\r?\n/);
        rest = lines.pop() ?? '';
        const rows: SourceRow[] = [];
        for (const line of lines) {
          n++;
          if (line.trim()) rows.push(rowOf(line, n));
        }
        if (rows.length) yield rows;
      }
      if (rest.trim()) yield [rowOf(rest, n + 1)];
    },
  };
}
