import Papa from 'papaparse';
import type { QuarantinedRow } from '../../../shared/mentions';
import { defuseCell } from '../csv-cell';

/** The quarantine as CSV: where each row came from, why it was refused, and its content, column by column. */
export function toQuarantineCsv(rows: readonly QuarantinedRow[]): string {
  const columns: string[] = [];
  for (const r of rows) if (typeof r.raw === 'object') for (const k of Object.keys(r.raw)) if (!columns.includes(k)) columns.push(k);
  const header = ['file', 'row', 'reason', 'status', ...columns, ...(rows.some((r) => typeof r.raw === 'string') ? ['raw'] : [])];
  const data = rows.map((r) => {
    const cells = typeof r.raw === 'object' ? columns.map((c) => (r.raw as Record<string, string>)[c] ?? '') : columns.map(() => '');
    if (header.at(-1) === 'raw') cells.push(typeof r.raw === 'string' ? r.raw : '');
    return [r.fileName, String(r.rowNumber), r.reason, r.status, ...cells].map(defuseCell);
  });
  return '\ufeff' + Papa.unparse([header, ...data], { newline: '\r\n' });
}
