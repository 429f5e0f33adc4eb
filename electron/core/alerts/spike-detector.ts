import type { AlertSettings, Sensitivity } from '../../../shared/analytics';

/** z-score needed to alarm; high sensitivity alarms earlier (and more often). */
export const Z_THRESHOLD: Record<Sensitivity, number> = { low: 4, medium: 3, high: 2 };
/** Rise of the negative share over its baseline needed as well, so a steady 90% negative stream stays quiet. */
const SHARE_RISE: Record<Sensitivity, number> = { low: 0.3, medium: 0.2, high: 0.12 };

/** One window of the stream: all mentions, and those rated (negative share is over rated mentions). */
export type Window = { start: number; total: number; negative: number; rated: number };
export type Spike = { start: number; observed: number; baseline: number; z: number };

/**
 * Volume: each window against the mean and spread of the `baselineWindows` before it. The spread has a Poisson
 * floor (sqrt of the mean) so a flat baseline of zeros and ones cannot make any small number look infinite.
 * One alert per episode: a window right after an alarming one does not raise another.
 */
export function volumeSpikes(windows: readonly Window[], s: AlertSettings): Spike[] {
  const out: Spike[] = [];
  let inEpisode = false;
  for (let i = s.baselineWindows; i < windows.length; i++) {
    const base = windows.slice(i - s.baselineWindows, i).map((w) => w.total);
    const mean = base.reduce((a, b) => a + b, 0) / base.length;
    const sd = Math.sqrt(base.reduce((a, b) => a + (b - mean) ** 2, 0) / base.length);
    const z = (windows[i].total - mean) / Math.max(sd, Math.sqrt(mean), 1);
    const alarming = windows[i].total >= s.minCount && z >= Z_THRESHOLD[s.sensitivity] && windows[i].total >= 2 * mean;
    if (alarming && !inEpisode) out.push({ start: windows[i].start, observed: windows[i].total, baseline: round(mean), z: round(z) });
    inEpisode = alarming;
  }
  return out;
}

/** Negative share: a two-proportion z-test of the window against its baseline windows pooled. */
export function negativeShareSpikes(windows: readonly Window[], s: AlertSettings): Spike[] {
  const out: Spike[] = [];
  let inEpisode = false;
  for (let i = s.baselineWindows; i < windows.length; i++) {
    const w = windows[i];
    const base = windows.slice(i - s.baselineWindows, i);
    const bRated = base.reduce((a, b) => a + b.rated, 0);
    const bNegative = base.reduce((a, b) => a + b.negative, 0);
    let alarming = false;
    let z = 0;
    let baseShare = 0;
    if (w.rated >= s.minCount && bRated >= s.minCount) {
      const share = w.negative / w.rated;
      baseShare = bNegative / bRated;
      const pooled = (w.negative + bNegative) / (w.rated + bRated);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / w.rated + 1 / bRated));
      z = se > 0 ? (share - baseShare) / se : 0;
      alarming = z >= Z_THRESHOLD[s.sensitivity] && share - baseShare >= SHARE_RISE[s.sensitivity];
      if (alarming && !inEpisode) out.push({ start: w.start, observed: round(share), baseline: round(baseShare), z: round(z) });
    }
    inEpisode = alarming;
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
