import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../api/client';

/** Turns a failed call into a sentence in the user's language (the core's message is kept as detail). */
export function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ApiCallError) {
      const key = `errors.${err.error.code}`;
      return t(key, { message, defaultValue: t('errors.generic', { message }) });
    }
    return t('errors.generic', { message });
  };
}
