import type { Chart } from 'chart.js';
import { useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { SentimentCounts } from '../../../shared/analytics';
import { ChartCard } from './ChartCard';
import { clicked, SENTIMENT_COLORS, SENTIMENT_KEYS } from './chart-setup';

type Row = SentimentCounts & { label: string };

/** Horizontal bars stacked by sentiment (platforms, languages, share of voice); a click calls back with the row. */
export function BreakdownChart({ title, name, rows, onPick, note }: { title: string; name: string; rows: Row[]; onPick(index: number, sentiment: (typeof SENTIMENT_KEYS)[number]): void; note?: string }) {
  const { t } = useTranslation();
  const ref = useRef<Chart<'bar'> | null>(null);
  return (
    <ChartCard title={title} name={name} chart={ref as never} note={note}>
      <Bar
        ref={ref}
        aria-label={title}
        data={{
          labels: rows.map((r) => r.label),
          datasets: SENTIMENT_KEYS.map((k) => ({ label: t(`explorer.sentimentValue.${k}`), data: rows.map((r) => r[k]), backgroundColor: SENTIMENT_COLORS[k], stack: 's' })),
        }}
        options={{
          indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
          scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
          onClick: (e, els) => {
            const hit = clicked(e, els);
            if (hit) onPick(hit.index, SENTIMENT_KEYS[hit.datasetIndex]);
          },
        }}
      />
    </ChartCard>
  );
}
