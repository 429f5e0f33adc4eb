import { useTranslation } from 'react-i18next';
import type { ReportMetrics, Span } from '../../../shared/review';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** Durations, shares and numbers of the report in the reader's language. */
export function useReviewFormat() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const span = (ms: Span) => {
    if (ms === null) return '—';
    const minutes = Math.round(Math.abs(ms) / 60_000);
    const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60].map((n) => number.format(n));
    const key = minutes >= 1440 ? 'review.duration.d' : minutes >= 60 ? 'review.duration.h' : 'review.duration.m';
    return (ms < 0 ? '−' : '') + t(key, { d, h, m });
  };
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
  return (m) => {
    const at = (v: number) => ` (${t('review.at', { at: f.at(v) })})`;
    const rows: [string, string][] = [
      ['spikeToDetection', f.span(m.spikeToDetectionMs)],
      ['spikeToAcknowledgement', f.span(m.spikeToAcknowledgementMs)],
      ['detectionToAcknowledgement', f.span(m.detectionToAcknowledgementMs)],
      ['detectionToFirstResponse', f.span(m.detectionToFirstResponseMs)],
      ['medianResponse', f.span(m.medianResponseMs)],
      ['draftToApproved', f.span(m.draftToApprovedMs)],
      ['mentions', f.n(m.mentions)],
      ['peakHour', m.peakHour ? f.n(m.peakHour.mentions) + at(m.peakHour.at) : '—'],
      ['peakNegativeShare', m.peakNegativeShare ? f.pct(m.peakNegativeShare.share) + at(m.peakNegativeShare.at) : '—'],
      ['negativeReach', f.n(m.negativeReach)],
      ['recovered', m.recovered === null ? t('review.notYet') : m.recovered ? t('review.yes') : t('review.no')],
      ['recovery', f.span(m.recoveryMs)],
      ['triaged', `${f.n(m.triage.triaged)} / ${f.n(m.triage.mentions)}`],
      ['responded', f.n(m.triage.responded)],
      ['tasks', `${f.n(m.tasks.done)} / ${f.n(m.tasks.total)} (${f.n(m.tasks.doneLate)})`],
      ['tasksOpenLate', f.n(m.tasks.openLate)],
      ['updates', `${f.n(m.publicUpdates.onTime)} / ${f.n(m.publicUpdates.late)} / ${f.n(m.publicUpdates.missed)}`],
    ];
    return rows.map(([key, value]) => ({ key, label: t(`review.metric.${key}`), value }));
  };
}
