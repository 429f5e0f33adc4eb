import { useTranslation } from 'react-i18next';
import { ROW_PROBLEMS, type RowProblem } from '../../../shared/mentions';
import { isolate } from '../../bidi';

/** Why a row cannot be imported, in the UI's language; `english` when the row predates reason codes. */
export function useRowProblemText() {
  const { t } = useTranslation();
  return (problem: RowProblem | null, english: string): string => {
    if (!problem || !ROW_PROBLEMS.includes(problem.code)) return english;
    const params = Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, isolate(v)]));
    // The same wording as the core's English (electron/core/import/row-problem.ts).
    if (problem.code === 'bad_date') params.order = t(`rowProblem.order.${problem.params.order === 'month-first' ? 'monthFirst' : 'dayFirst'}`);
    return t(`rowProblem.${problem.code}`, params);
  };
}

/** The problem a failed "fix and retry" reports (`details` of its error), if it is one. */
export function problemOf(details: unknown): RowProblem | null {
  const problem = (details as { problem?: RowProblem } | undefined)?.problem;
  return problem && ROW_PROBLEMS.includes(problem.code) ? problem : null;
}
