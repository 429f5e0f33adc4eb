import { useEffect, useState } from 'react';

/**
 * The time, re-read every `everyMs`: for deadlines and waits that pass without any event; and whenever `fresh`
 * changes (a list just read, whose new rows are counted from now, not from the last tick).
 */
export function useNow(everyMs = 30_000, fresh?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const tick = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(tick);
  }, [everyMs, fresh]);
  return now;
}
