import fs from 'node:fs';

export function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of `runs` warm runs, in ms. */
export function timeQuery(fn: () => unknown, runs = 7): number {
  fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** The longest gap between ticks of a 5 ms timer while `work` runs: how long the room could not answer. */
export async function longestPause<T>(work: () => Promise<T>): Promise<{ value: T; pauseMs: number }> {
  let last = performance.now();
  let pauseMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pauseMs = Math.max(pauseMs, now - last);
    last = now;
  }, 5);
  try {
    return { value: await work(), pauseMs };
  } finally {
    clearInterval(timer);
  }
}
