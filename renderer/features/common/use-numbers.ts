import { useMemo } from 'react';
import { useStore } from '../../store';

export type Numbers = {
  /** A count or figure in the UI language's digits and grouping ("29,997", "29 997", "۲۹٬۹۹۷"); null shows as a dash. */
  number(value: number | null): string;
  /** A share (0.13) as a whole percentage ("13%", "13 %", "۱۳٪"). */
  percent(share: number): string;
};

/**
 * Numbers shown outside a translated string. Inside one, the string formats them itself (`{{count, number}}`);
 * a bare `{value}` in JSX would stay in Latin digits in the Persian UI.
 */
export function useNumbers(): Numbers {
  const language = useStore((s) => s.language);
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    return {
      number: (value) => (value === null ? '—' : number.format(value)),
      percent: (share) => percent.format(share),
    };
  }, [language]);
}
