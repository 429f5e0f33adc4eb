import type { ColumnMapping, Mention } from '../../../shared/mentions';

/** Canonical fields stored exactly as the cell said (when unchanged by trimming), so the raw row need not repeat them. */
const VERBATIM = ['text', 'url', 'author', 'authorHandle', 'nativeId', 'title', 'country'] as const;
type VerbatimField = (typeof VERBATIM)[number];
export type VerbatimCells = [number, VerbatimField][];

export function verbatimCells(columns: readonly string[] | null, mapping: ColumnMapping): VerbatimCells {
  if (!columns) return [];
  return VERBATIM.map((f) => [columns.indexOf(mapping[f] ?? '\u0000'), f] as [number, VerbatimField]).filter(([i]) => i >= 0);
}

/**
 * The raw row without the cells that the mention's own columns hold verbatim: a null marks each one (parsers never
 * produce null cells). These cells are most of a row's bytes, and bytes are what an import pays for.
 */
export function compactRaw(raw: unknown, cells: VerbatimCells, mention: Pick<Mention, VerbatimField>): unknown {
  if (!Array.isArray(raw) || cells.length === 0) return raw;
  let copy: unknown[] | null = null;
  for (const [i, field] of cells) {
    if (raw[i] !== mention[field] || raw[i] === null) continue;
    copy ??= raw.slice();
    copy[i] = null;
  }
  return copy ?? raw;
}

/** Puts the verbatim cells back for the detail pane. */
export function expandRaw(values: unknown, columns: readonly string[] | null, mapping: ColumnMapping, mention: Pick<Mention, VerbatimField>): unknown {
  if (!Array.isArray(values)) return values;
  for (const [i, field] of verbatimCells(columns, mapping)) if (values[i] === null) values[i] = mention[field];
  return values;
}
