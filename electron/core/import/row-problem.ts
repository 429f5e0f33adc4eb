import { fill } from '../../../shared/fill';
import { en } from '../../../shared/locales/en';
import type { RowProblem, RowProblemCode } from '../../../shared/mentions';

export function rowProblem(code: RowProblemCode, params: RowProblem['params'] = {}): RowProblem {
  return { code, params };
}

/** The problem in English (stored beside the code for the quarantine export and the command line). */
export function describeProblem(problem: RowProblem): string {
  const params: RowProblem['params'] = { ...problem.params };
  if (problem.code === 'bad_date') params.order = en.rowProblem.order[params.order === 'month-first' ? 'monthFirst' : 'dayFirst'];
  return fill(en.rowProblem[problem.code], params);
}
