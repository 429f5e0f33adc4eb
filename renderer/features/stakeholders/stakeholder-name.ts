import { useCallback } from 'react';
import { MESSAGES } from '../../../shared/locales';
import type { Stakeholder } from '../../../shared/stakeholders';
import { stakeholderName } from '../../../shared/system-line';
import { useStore } from '../../store';

/** A stakeholder's name as this reader knows it: one from the usual list in the UI language, one typed as written. */
export function useStakeholderName(): (s: Pick<Stakeholder, 'name' | 'usualKey'>) => string {
  const language = useStore((s) => s.language);
  return useCallback((s) => stakeholderName(MESSAGES[language], s.name, s.usualKey), [language]);
}
