import { en } from '../../../shared/locales/en';
import type { RowProblem, RowProblemCode } from '../../../shared/mentions';

export function rowProblem(code: RowProblemCode, params: RowProblem['params'] = {}): RowProblem {
  return { code, params };
}

/**
 * The problem in English, worded by the UI's English strings (one wording to keep): stored beside the code for the
 * quarantine export and the command line; the UI words the code in its own language.
 */
export function describeProblem(problem: RowProblem): string {
  const params: RowProblem['params'] = { ...problem.params };
  if (problem.code === 'bad_date') params.order = en.rowProblem.order[params.order === 'month-first' ? 'monthFirst' : 'dayFirst'];
  return en.rowProblem[problem.code].replace(/{{\s*(\w+)(?:\s*,\s*number)?\s*}}/g, (_m, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? value.toLocaleString('en') : String(value ?? '');
  });
}
