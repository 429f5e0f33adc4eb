import { useTranslation } from 'react-i18next';
import { FILE_PROBLEMS, ROW_PROBLEMS, type FileProblem, type RowProblem } from '../../../shared/mentions';
import { isolateAll } from '../../bidi';

/** Why a row cannot be imported, in the UI's language; `english` when the row predates reason codes. */
export function useRowProblemText() {
  const { t } = useTranslation();
  return (problem: RowProblem | null, english: string): string => {
    if (!problem || !ROW_PROBLEMS.includes(problem.code)) return english;
    const params = isolateAll(problem.params);
    // The same wording as the core's English (electron/core/import/row-problem.ts).
    if (problem.code === 'bad_date') params.order = t(`rowProblem.order.${problem.params.order === 'month-first' ? 'monthFirst' : 'dayFirst'}`);
    return t(`rowProblem.${problem.code}`, params);
  };
}

/** Why a whole file cannot be imported, in the UI's language; `english` when the core sent no known code. */
export function useFileProblemText() {
  const { t } = useTranslation();
  const rowProblemText = useRowProblemText();
  return (problem: FileProblem | null | undefined, english: string): string => {
    if (!problem || !FILE_PROBLEMS.includes(problem.code)) return english;
    const params = isolateAll(problem.params);
    if (problem.row) params.reason = rowProblemText(problem.row, String(problem.params.reason ?? ''));
    // The database could not store it: why and what to do, as a failed call says it (errors.storage).
    if (problem.code === 'storage') params.storage = t(`errors.storage.${problem.params.storage}`, { defaultValue: String(problem.params.storage) });
    return t(`fileProblem.${problem.code}`, params);
  };
}

/** The row problem a failed "fix and retry" reports (`details` of its error), if it is one. */
export function rowProblemOf(details: unknown): RowProblem | null {
  const problem = (details as { problem?: RowProblem } | undefined)?.problem;
  return problem && ROW_PROBLEMS.includes(problem.code) ? problem : null;
}
