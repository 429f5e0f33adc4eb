import { Box } from '@mui/material';
import type { Chart } from 'chart.js';
import { useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportEvent, ReportSeries } from '../../../shared/review';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { ChartCard } from '../dashboard/ChartCard';
import { SENTIMENT_COLORS } from '../dashboard/chart-setup';
import { useSystemLineText } from '../timeline/system-line-text';

/** Volume by sentiment, net sentiment, and markers at the buckets of key events and published statements. */
export function ReviewChart({ series, events }: { series: ReportSeries; events: ReportEvent[] }) {
  const { t } = useTranslation();
  const lineText = useSystemLineText();
  const language = useStore((s) => s.language);
  const ref = useRef<Chart<'bar'> | null>(null);
  const points = series.points;
  const bucketOf = (at: number) => points.findIndex((p) => at >= p.at && at < p.at + series.bucketMs);
  const top = Math.max(1, ...points.map((p) => p.total));
  const marks = (kind: ReportEvent['kind']) => {
    const data: (number | null)[] = points.map(() => null);
    const texts: string[][] = points.map(() => []);
    for (const e of events.filter((x) => x.kind === kind)) {
      const i = bucketOf(e.at);
      if (i < 0) continue;
      data[i] = top;
      const channel = e.channel ? ` (${t(`statements.channel.${e.channel}`, { defaultValue: e.channel })})` : '';
      texts[i].push(`${formatTime(e.at, language)} — ${e.line ? lineText(e.line) : e.text}${channel}`);
    }
    return { data, texts };
  };
  const key = marks('key_event');
  const published = marks('statement');
  return (
    <ChartCard title={t('review.chart')} name="review" chart={ref as never}>
      <Box sx={{ height: 300 }}>
      <Bar
        ref={ref}
        aria-label={t('review.chart')}
        data={{
          labels: points.map((p) => formatTime(p.at, language)),
          datasets: [
            ...(['negative', 'neutral', 'positive'] as const).map((k) => ({ type: 'bar' as const, label: t(`explorer.sentimentValue.${k}`), data: points.map((p) => p[k]), backgroundColor: SENTIMENT_COLORS[k], stack: 'v', yAxisID: 'y' })),
            { type: 'bar' as const, label: t('explorer.sentimentValue.unrated'), data: points.map((p) => p.total - p.negative - p.neutral - p.positive), backgroundColor: SENTIMENT_COLORS.unrated, stack: 'v', yAxisID: 'y' },
            { type: 'line' as const, label: t('review.net'), data: points.map((p) => p.net), yAxisID: 'net', borderColor: '#1565c0', pointRadius: 0, borderWidth: 2, spanGaps: true } as never,
            { type: 'line' as const, label: t('review.keyEvent'), data: key.data, yAxisID: 'y', showLine: false, pointStyle: 'triangle', pointRadius: 8, backgroundColor: '#6a1b9a', borderColor: '#6a1b9a' } as never,
            { type: 'line' as const, label: t('review.published'), data: published.data, yAxisID: 'y', showLine: false, pointStyle: 'rectRot', pointRadius: 8, backgroundColor: '#ef6c00', borderColor: '#ef6c00' } as never,
          ],
        }}
        options={{
          animation: false,
          maintainAspectRatio: false,
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true }, net: { position: 'right', min: -1, max: 1, grid: { drawOnChartArea: false } } },
          plugins: {
            tooltip: {
              callbacks: {
                afterLabel: (item) => (item.datasetIndex === 5 ? key.texts[item.dataIndex] : item.datasetIndex === 6 ? published.texts[item.dataIndex] : []),
              },
            },
          },
        }}
      />
      </Box>
    </ChartCard>
  );
}
