import { useTranslation } from 'react-i18next';
import type { FileProblem } from '../../../shared/mentions';
import { ApiCallError } from '../../api/client';
import { isolate } from '../../bidi';
import { useFileProblemText } from '../import/problem-text';

/**
 * Turns a failed call into a sentence in the user's language (the core's message is kept as detail). A file that
 * cannot be read says so with its name and the reason, both in the user's language.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const fileProblemText = useFileProblemText();
  return (err: unknown): string => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ApiCallError) {
      const { file, problem } = (err.error.details ?? {}) as { file?: string; problem?: FileProblem };
      const reason = file ? fileProblemText(problem, '') : '';
      if (file && reason) return t('errors.file', { file: isolate(file), reason });
      const key = `errors.${err.error.code}`;
      return t(key, { message, defaultValue: t('errors.generic', { message }) });
    }
    return t('errors.generic', { message });
  };
}
