import type { Chart } from 'chart.js';
import { useRef, type ReactNode } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { BUCKETS, type Dashboard } from '../../../shared/analytics';
import { useStore } from '../../store';
import { ChartCard } from './ChartCard';
import { clicked, SENTIMENT_COLORS, SENTIMENT_KEYS } from './chart-setup';

function bucketLabel(t: number, bucket: Dashboard['bucket'], language: string): string {
  const opts: Intl.DateTimeFormatOptions = bucket === '1d' ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(language, opts).format(t);
}

/** Volume stacked by sentiment with the net-sentiment line, and the negative share; a click opens that bucket's mentions. */
export function VolumeCharts({ incidentId, dashboard, besideVolume }: { incidentId: string; dashboard: Dashboard; besideVolume?: ReactNode }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const filter = useStore((s) => s.filter);
  const showMentions = useStore((s) => s.showMentions);
  const volumeRef = useRef<Chart<'bar'> | null>(null);
  const shareRef = useRef<Chart<'line'> | null>(null);
  const labels = dashboard.volume.map((p) => bucketLabel(p.t, dashboard.bucket, language));
  const rated = (p: Dashboard['volume'][number]) => p.negative + p.neutral + p.positive;
  const open = (index: number, sentiment?: (typeof SENTIMENT_KEYS)[number]) => {
    const point = dashboard.volume[index];
    if (!point) return;
    void showMentions(incidentId, { ...filter, from: point.t, to: point.t + BUCKETS[dashboard.bucket], ...(sentiment ? { sentiment: [sentiment] } : {}) });
  };
  return (
    <>
      <ChartCard title={t('dashboard.volume', { bucket: t(`dashboard.bucket.${dashboard.bucket}`) })} name="volume" chart={volumeRef as never}>
        <Bar
          ref={volumeRef}
          aria-label={t('dashboard.volume', { bucket: t(`dashboard.bucket.${dashboard.bucket}`) })}
          data={{
            labels,
            datasets: [
              ...SENTIMENT_KEYS.map((k) => ({ type: 'bar' as const, label: t(`explorer.sentimentValue.${k}`), data: dashboard.volume.map((p) => p[k]), backgroundColor: SENTIMENT_COLORS[k], stack: 'v', yAxisID: 'y' })),
              {
                type: 'line' as const, label: t('dashboard.net'), yAxisID: 'net', borderColor: '#1565c0', pointRadius: 0, borderWidth: 2,
                data: dashboard.volume.map((p) => (rated(p) ? (p.positive - p.negative) / rated(p) : null)),
              } as never,
            ],
          }}
          options={{
            responsive: true, maintainAspectRatio: false, animation: false,
            interaction: { mode: 'index', intersect: false },
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true }, net: { position: 'right', min: -1, max: 1, grid: { drawOnChartArea: false } } },
            onClick: (e, els) => {
              const hit = clicked(e, els);
              if (hit) open(hit.index, SENTIMENT_KEYS[hit.datasetIndex]);
            },
          }}
        />
      </ChartCard>
      {besideVolume}
      <ChartCard title={t('dashboard.negativeShare')} name="negative-share" chart={shareRef as never}>
        <Line
          ref={shareRef}
          aria-label={t('dashboard.negativeShare')}
          data={{
            labels,
            datasets: [{ label: t('dashboard.negativeShare'), data: dashboard.volume.map((p) => (rated(p) ? Math.round((100 * p.negative) / rated(p)) : null)), borderColor: SENTIMENT_COLORS.negative, backgroundColor: 'rgba(211,47,47,0.15)', fill: true, pointRadius: 0, spanGaps: true }],
          }}
          options={{
            responsive: true, maintainAspectRatio: false, animation: false,
            interaction: { mode: 'index', intersect: false },
            scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
            onClick: (e, els) => {
              const hit = clicked(e, els);
              if (hit) open(hit.index, 'negative');
            },
          }}
        />
      </ChartCard>
    </>
  );
}
