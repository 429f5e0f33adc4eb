import type { ReportEvent, ReportSeries } from '../../../shared/review';

const W = 960;
const H = 300;
const PAD = { left: 48, right: 40, top: 16, bottom: 28 };
const COLORS = { negative: '#c62828', neutral: '#9e9e9e', positive: '#2e7d32', unrated: '#d7ccc8', net: '#1565c0', key: '#6a1b9a', statement: '#ef6c00' };

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The combined chart as static SVG, so the exported report needs no script: volume stacked by sentiment (bars), net
 * sentiment (line, right axis -1..1), and numbered markers for key events and published statements (the numbers
 * match the list under the chart).
 */
export function reportChartSvg(series: ReportSeries, events: readonly ReportEvent[], labels: { title: string; volume: string; net: string; time: (t: number) => string }): string {
  const pts = series.points;
  if (!pts.length) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} 60"><text x="10" y="30">—</text></svg>`;
  const t0 = pts[0].at;
  const t1 = pts[pts.length - 1].at + series.bucketMs;
  const span = Math.max(1, t1 - t0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((Math.min(Math.max(t, t0), t1) - t0) / span) * plotW;
  const max = Math.max(1, ...pts.map((p) => p.total));
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const yNet = (v: number) => PAD.top + ((1 - v) / 2) * plotH;
  const barW = Math.max(1, (series.bucketMs / span) * plotW - 1);
  const bars = pts.flatMap((p) => {
    let base = 0;
    const unrated = p.total - p.negative - p.neutral - p.positive;
    return ([['negative', p.negative], ['neutral', p.neutral], ['positive', p.positive], ['unrated', unrated]] as const).filter(([, n]) => n > 0).map(([k, n]) => {
      const rect = `<rect x="${x(p.at).toFixed(1)}" y="${y(base + n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + n)).toFixed(1)}" fill="${COLORS[k]}"><title>${n}</title></rect>`;
      base += n;
      return rect;
    });
  });
  const line = pts.filter((p) => p.net !== null).map((p) => `${(x(p.at) + barW / 2).toFixed(1)},${yNet(p.net!).toFixed(1)}`).join(' ');
  const marks = events.map((e, i) => {
    const ex = x(e.at).toFixed(1);
    const color = e.kind === 'statement' ? COLORS.statement : COLORS.key;
    return `<line x1="${ex}" x2="${ex}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="${color}" stroke-dasharray="4 3"/><circle cx="${ex}" cy="${PAD.top + 8 + (i % 3) * 16}" r="7" fill="${color}"/><text x="${ex}" y="${PAD.top + 12 + (i % 3) * 16}" font-size="10" fill="#fff" text-anchor="middle">${i + 1}</text>`;
  });
  const axis = `<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#999"/>
<text x="${PAD.left - 6}" y="${PAD.top + 10}" font-size="10" text-anchor="end">${max}</text><text x="${PAD.left - 6}" y="${PAD.top + plotH}" font-size="10" text-anchor="end">0</text>
<text x="${W - PAD.right + 6}" y="${PAD.top + 10}" font-size="10">+1</text><text x="${W - PAD.right + 6}" y="${PAD.top + plotH}" font-size="10">−1</text>
<text x="${PAD.left}" y="${H - 8}" font-size="10">${esc(labels.time(t0))}</text>
<text x="${PAD.left + plotW}" y="${H - 8}" font-size="10" text-anchor="end">${esc(labels.time(t1))}</text>
<text x="${W / 2 - 60}" y="${H - 8}" font-size="10" fill="${COLORS.negative}">■ ${esc(labels.volume)}</text><text x="${W / 2 + 40}" y="${H - 8}" font-size="10" fill="${COLORS.net}">— ${esc(labels.net)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img"><title>${esc(labels.title)}</title>${bars.join('')}${line ? `<polyline points="${line}" fill="none" stroke="${COLORS.net}" stroke-width="2"/>` : ''}${marks.join('')}${axis}</svg>`;
}
