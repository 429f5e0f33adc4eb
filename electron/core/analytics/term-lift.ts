import fs from 'node:fs';
import type { TermLift } from '../../../shared/analytics';
import { normaliseText, tokenize } from '../sentiment/tokens';

let stopwords: Set<string> | null = null;

/** Function words of our five languages and their neighbours (stopwords-iso), normalised like the tokens. */
function stopwordSet(): Set<string> {
  if (stopwords) return stopwords;
  const all = JSON.parse(fs.readFileSync(require.resolve('stopwords-iso/stopwords-iso.json'), 'utf8')) as Record<string, string[]>;
  stopwords = new Set(['en', 'ru', 'uk', 'fa', 'el', 'de', 'fr', 'es'].flatMap((l) => (all[l] ?? []).map(normaliseText)));
  for (const w of ['rt', 'amp', 'via', 'http', 'https']) stopwords.add(w);
  return stopwords;
}

/** Distinct content words of each text (a word counts once per mention: one rant repeating it is one voice). */
export function documentTerms(texts: Iterable<string>): { counts: Map<string, number>; docs: number } {
  const stop = stopwordSet();
  const counts = new Map<string, number>();
  let docs = 0;
  for (const text of texts) {
    docs++;
    const seen = new Set<string>();
    for (const t of tokenize(normaliseText(text))) {
      const first = t.charCodeAt(0);
      if (first === 64 /* @ */ || t.length < 3 || seen.has(t)) continue;
      if (stop.has(first === 35 /* # */ ? t.slice(1) : t) || (first >= 48 && first <= 57 && /^\d+$/.test(t))) continue;
      seen.add(t);
    }
    for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return { counts, docs };
}

/**
 * Terms over-represented in `focus` against `baseline`: a log-odds ratio with a +0.5 prior, divided by its standard
 * error (a z-score), so a word seen 3 times in 20 mentions does not outrank one seen 300 times in 2,000.
 */
export function termLift(focus: ReturnType<typeof documentTerms>, baseline: ReturnType<typeof documentTerms>, opts: { minCount?: number; limit?: number } = {}): TermLift[] {
  const minCount = opts.minCount ?? Math.max(3, Math.ceil(focus.docs * 0.01));
  const out: TermLift[] = [];
  for (const [term, count] of focus.counts) {
    if (count < minCount) continue;
    const b = baseline.counts.get(term) ?? 0;
    const a = 0.5;
    const delta = Math.log((count + a) / (focus.docs - count + a)) - Math.log((b + a) / (baseline.docs - b + a));
    const z = delta / Math.sqrt(1 / (count + a) + 1 / (b + a));
    if (z <= 0) continue;
    out.push({
      term: term.replace(/^#/, ''),
      hashtag: term.startsWith('#'),
      count,
      share: count / Math.max(1, focus.docs),
      baselineCount: b,
      baselineShare: b / Math.max(1, baseline.docs),
      z: Math.round(z * 100) / 100,
    });
  }
  return out.sort((x, y) => y.z - x.z).slice(0, opts.limit ?? 25);
}
