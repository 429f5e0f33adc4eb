/**
 * `npm run eval:sentiment`: accuracy and macro-F1 per language on labelled public data (../shared/data or
 * SENTIMENT_DATA), against always guessing the majority class: the lexicon alone, then models learned from N
 * analyst labels. Each language's file is split once: a fixed test set, and a pool the N labels are drawn from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SentimentEngine } from '../../electron/core/sentiment/engine';
import { classOf, parseLabel, type SentimentLabel } from '../../electron/core/sentiment/labels';
import { majorityBaseline, scoreLabels } from '../../electron/core/sentiment/metrics';
import { argmax, SentimentModel } from '../../electron/core/sentiment/model';
import { examplesOf, trainLanguage } from '../../electron/core/sentiment/trainer';

const DATA = process.env.SENTIMENT_DATA ?? path.resolve(__dirname, '../../../shared/data/sentiment-train');
const SIZES = [0, 250, 1000];
const TEST_MAX = 2000;

type Row = { text: string; label: SentimentLabel };

function read(file: string): Row[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; label: string })
    .map((r) => ({ text: r.text, label: parseLabel(r.label) as SentimentLabel }))
    .filter((r) => r.label);
}

function shuffled<T>(rows: T[], seed: number): T[] {
  const out = [...rows];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);

async function main() {
  const engine = await SentimentEngine.load();
  const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.jsonl')).sort();
  console.log(`data: ${DATA}`);
  console.log('lang | test | majority acc / F1 | lexicon acc / F1 | ' + SIZES.filter((n) => n > 0).map((n) => `learned N=${n} acc / F1`).join(' | ') + ' | language detected (full / first 25 chars)');
  for (const file of files) {
    const lang = path.basename(file, '.jsonl');
    const rows = shuffled(read(path.join(DATA, file)), 7);
    const testSize = Math.min(TEST_MAX, Math.floor(rows.length * 0.3));
    const test = rows.slice(0, testSize);
    const pool = rows.slice(testSize);
    const gold = test.map((r) => classOf(r.label));
    const majority = majorityBaseline(pool.map((r) => classOf(r.label)), gold);
    const lexicon = scoreLabels(gold, test.map((r) => engine.lexiconClass(r.text, lang)));
    const cells = [`${pct(majority.accuracy)} / ${pct(majority.macroF1)}`, `${pct(lexicon.accuracy)} / ${pct(lexicon.macroF1)}`];
    for (const n of SIZES.filter((k) => k > 0)) {
      if (pool.length < n) {
        cells.push(`n/a (${pool.length} labels)`);
        continue;
      }
      const t0 = performance.now();
      const model = SentimentModel.train(examplesOf(engine, lang, pool.slice(0, n)));
      const ms = performance.now() - t0;
      const learned = scoreLabels(gold, test.map((r) => argmax(model.predict(engine.features(r.text, lang).x))));
      const used = (await trainLanguage(engine, lang, pool.slice(0, n)))?.better ? 'model' : 'lexicon';
      cells.push(`${pct(learned.accuracy)} / ${pct(learned.macroF1)} (${Math.round(ms)} ms, app uses ${used})`);
    }
    const detected = test.filter((r) => engine.detector.detect(r.text) === lang).length / test.length;
    const snippets = test.filter((r) => engine.detector.detect(r.text.slice(0, 25)) === lang).length / test.length;
    console.log(`${lang} | ${test.length} | ${cells.join(' | ')} | ${pct(detected)}% / ${pct(snippets)}%`);
  }
}

void main();
