import { useTranslation } from 'react-i18next';
import { keyFigures, spanText, type ReportMetrics, type Span } from '../../../shared/review';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** Durations, shares and numbers of the report in the reader's language. */
export function useReviewFormat() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const span = (ms: Span) => spanText(ms, (key, values) => t(key === 'earlier' ? 'review.earlier' : `review.duration.${key}`, values), number.format);
  return {
    span,
    n: (v: number | null) => (v === null ? '—' : number.format(v)),
    pct: (v: number | null) => (v === null ? '—' : percent.format(v)),
    signed: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${number.format(Math.round(v * 100) / 100)}`),
    at: (v: number | null) => formatTime(v, language),
  };
}

export type Figure = { key: string; label: string; value: string };

/** The report's key figures as label/value rows (the review tab and the comparison show the same ones). */
export function useFigures(): (m: ReportMetrics) => Figure[] {
  const { t } = useTranslation();
  const f = useReviewFormat();
  return (m) =>
    keyFigures(m, { ...f, when: (at) => t('review.at', { at: f.at(at) }), yes: t('review.yes'), no: t('review.no'), notYet: t('review.notYet') }).map((row) => ({
      key: row.key, label: t(`review.metric.${row.key}`), value: row.value,
    }));
}
