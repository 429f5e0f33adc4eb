import { undefuseCell } from '../../csv-cell';
import type { ColumnMapping, ImportPreview, MappableField, RowProblem } from '../../../../shared/mentions';
import type { MentionDraft } from '../draft';
import { rowProblem } from '../row-problem';
import { INVALID_BYTES_MARK } from '../text-stream';

/** One row as read from a file, before validation. */
export type SourceRow = {
  rowNumber: number;
  draft: MentionDraft | null;
  /** Kept with the mention for the detail pane: the tabular values, or the platform's JSON object. */
  raw: unknown;
  /** Shown and edited in the quarantine: column -> value, or the original text when the row could not be split. */
  quarantineRaw: () => Record<string, string> | string;
  /** Set when the row cannot be read at all (unclosed quote, wrong field count, invalid bytes, bad JSON line). */
  problem: RowProblem | null;
};

/** What a source knows about its file: the preview, less the time zone and the sample rows. */
export type SourceInfo = Omit<ImportPreview, 'timezone' | 'sample'>;

export type Source = {
  info: SourceInfo;
  batches(): AsyncGenerator<SourceRow[]>;
  bytesRead(): number;
};

/** Mapping from canonical field to the index of its column. */
export type FieldIndex = [MappableField, number][];

export function indexMapping(mapping: ColumnMapping, columns: readonly string[]): FieldIndex {
  const index: FieldIndex = [];
  for (const [field, column] of Object.entries(mapping) as [MappableField, string][]) {
    const i = columns.indexOf(column);
    if (i >= 0) index.push([field, i]);
  }
  return index;
}

const MAX_QUARANTINE_CELL = 100_000;

/**
 * A cell as kept in the quarantine: the quarantine is listed in the UI and exported, so a runaway 10 MB cell is
 * clipped there (with a visible marker) rather than sent around whole.
 */
export function clipCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.length <= MAX_QUARANTINE_CELL ? s : `${s.slice(0, MAX_QUARANTINE_CELL)}… [${(s.length - MAX_QUARANTINE_CELL).toLocaleString('en')} more characters not kept]`;
}

/**
 * A cell as a mention field takes it. `defused`: the file's tool guarded formula-like cells with an apostrophe (a
 * Firebreak export), taken off the mention; the raw row keeps it.
 */
export function mappedCell(value: unknown, defused: boolean): unknown {
  return defused && typeof value === 'string' ? undefuseCell(value) : value;
}

/** A row of cells as a draft (tabular files, generic JSON) plus the cells kept for quarantine; `defused` as above. */
export function tabularRow(rowNumber: number, cells: unknown[], columns: readonly string[], fields: FieldIndex, checkBytes: boolean, defused = false): SourceRow {
  const draft: Record<string, unknown> = {};
  for (const [field, i] of fields) draft[field] = mappedCell(cells[i], defused);
  const asRecord = () => Object.fromEntries(columns.map((c, i) => [c, clipCell(cells[i])]));
  if (checkBytes && cells.some((c) => typeof c === 'string' && c.includes(INVALID_BYTES_MARK))) {
    return { rowNumber, draft: null, raw: cells, quarantineRaw: asRecord, problem: rowProblem('invalid_bytes') };
  }
  if (cells.length !== columns.length) {
    return {
      rowNumber,
      draft: null,
      raw: cells,
      quarantineRaw: asRecord,
      problem: rowProblem('field_count', { fields: cells.length, columns: columns.length }),
    };
  }
  return { rowNumber, draft, raw: cells, quarantineRaw: asRecord, problem: null };
}
