const WORDS: Record<string, number> = {
  positive: 1, pos: 1, позитив: 1, позитивный: 1, позитивная: 1, позитивне: 1, позитивний: 1, θετικό: 1, مثبت: 1,
  negative: -1, neg: -1, негатив: -1, негативный: -1, негативная: -1, негативне: -1, негативний: -1, αρνητικό: -1, منفی: -1,
  neutral: 0, neu: 0, нейтрально: 0, нейтральный: 0, нейтральная: 0, нейтральне: 0, нейтральний: 0, ουδέτερο: 0, خنثی: 0,
  mixed: 0,
};

/**
 * A monitoring tool's sentiment on our scale [-1, 1]. Tools disagree on scales: Brandwatch and Meltwater
 * use words, Pulsar -1..1, Talkwalker -5..5, some -100..100; magnitude tells the numeric ones apart.
 * Unrated values ("Not Rated", blank) are null.
 */
export function normaliseSentiment(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return fromNumber(value);
  const s = String(value).trim().toLocaleLowerCase();
  if (s === '') return null;
  if (s in WORDS) return WORDS[s];
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? fromNumber(n) : null;
}

function fromNumber(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  const scaled = abs <= 1 ? n : abs <= 5 ? n / 5 : abs <= 10 ? n / 10 : abs <= 100 ? n / 100 : null;
  return scaled === null ? null : Math.round(scaled * 1000) / 1000;
}
