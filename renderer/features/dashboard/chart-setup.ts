import { BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartEvent, type ActiveElement } from 'chart.js';

// Only what the dashboard draws: keeps the bundle small and the CSP happy (no eval, canvas only).
Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend, Filler);

export const SENTIMENT_COLORS = { negative: '#d32f2f', neutral: '#90a4ae', positive: '#2e7d32', unrated: '#cfd8dc' } as const;
export const SENTIMENT_KEYS = ['negative', 'neutral', 'positive', 'unrated'] as const;

/** The first element under a click, as chart.js reports it. */
export function clicked(_e: ChartEvent, elements: ActiveElement[]): { index: number; datasetIndex: number } | null {
  return elements.length ? { index: elements[0].index, datasetIndex: elements[0].datasetIndex } : null;
}
