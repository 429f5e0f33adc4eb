import { fileError } from '../import/import-error';
import { openSource } from '../import/sources/open-source';
import { describeProblem } from '../import/row-problem';
import { parseLabel, type SentimentLabel } from './labels';

export type FileLabel = { rowNumber: number; text: string; label: SentimentLabel; lang: string | null };

const TEXT_COLUMNS = ['text', 'content', 'full text', 'full_text', 'message', 'body', 'snippet', 'tweet', 'текст', 'متن', 'κείμενο'];
const LABEL_COLUMNS = ['label', 'sentiment', 'tone', 'class', 'polarity', 'тональность', 'тональність', 'برچسب', 'συναίσθημα'];
const LANG_COLUMNS = ['lang', 'language', 'язык', 'мова', 'زبان', 'γλώσσα'];
export const MAX_LABEL_ROWS = 200_000;

/**
 * A labelled file (CSV, TSV, XLSX, JSON Lines with a text and a label column), read with the importer's own
 * detection of format and encoding. All or nothing: the first unreadable row refuses the file, naming the row.
 */
export async function readLabelFile(file: string, displayName?: string): Promise<FileLabel[]> {
  const probe = await openSource(file, { preset: 'generic' }, displayName);
  const name = probe.info.fileName;
  const columns = probe.info.columns ?? [];
  const find = (names: string[]) => columns.find((c) => names.includes(c.trim().toLowerCase()));
  const text = find(TEXT_COLUMNS);
  const label = find(LABEL_COLUMNS);
  if (!text || !label) throw fileError(name, 'labels_columns', { found: columns.slice(0, 12).join(', ') || '—' });
  const lang = find(LANG_COLUMNS);
  const source = await openSource(file, { preset: 'generic', mapping: { text, sentiment: label, ...(lang ? { lang } : {}) } }, displayName);
  const out: FileLabel[] = [];
  for await (const batch of source.batches()) {
    for (const row of batch) {
      if (row.problem) throw fileError(name, 'labels_bad_row', { row: row.rowNumber, reason: describeProblem(row.problem) }, row.problem);
      const t = typeof row.draft?.text === 'string' ? row.draft.text.trim() : '';
      if (!t) throw fileError(name, 'labels_empty_text', { row: row.rowNumber });
      const l = parseLabel(row.draft?.sentiment);
      if (!l) throw fileError(name, 'labels_not_a_label', { row: row.rowNumber, value: String(row.draft?.sentiment ?? '').slice(0, 40) });
      out.push({ rowNumber: row.rowNumber, text: t.slice(0, 20_000), label: l, lang: typeof row.draft?.lang === 'string' && row.draft.lang ? row.draft.lang.toLowerCase().slice(0, 8) : null });
      if (out.length > MAX_LABEL_ROWS) throw fileError(name, 'labels_too_many', { max: MAX_LABEL_ROWS });
    }
  }
  if (out.length === 0) throw fileError(name, 'labels_none');
  return out;
}
