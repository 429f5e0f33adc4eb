/** Localised date and time; Persian gets its own calendar and digits from Intl. */
export function formatTime(ms: number | null, language: string): string {
  if (ms === null) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The inputs show minutes: a time left as shown keeps its stored value (no change to record, no seconds lost). */
export function keptTime(input: string, stored: number | null): number | null {
  return input === toLocalInput(stored) ? stored : fromLocalInput(input);
}
