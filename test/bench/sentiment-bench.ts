/**
 * npm run bench:sentiment — how many short texts per second the engine scores on one core (the main thread):
 * language detected vs given (--lang), lexicon vs learned model; then the CLI end to end over stdin/stdout.
 * Prints figures; asserts nothing. TEXTS=100000 by default.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SentimentEngine } from '../../electron/core/sentiment/engine';
import { trainLanguage } from '../../electron/core/sentiment/trainer';

const TEXTS = Number(process.env.TEXTS ?? 100_000);
const VOICES: Record<string, string[]> = {
  en: ['the juice was awful', 'never buying this again', 'refund arrived thanks', 'store opens at nine', 'love the taste', 'bottle had something inside', 'customer service hung up'],
  ru: ['сок просто ужас', 'больше не куплю', 'спасибо за возврат', 'магазин открыт до девяти', 'вкусно', 'что это за партия', 'компания молчит'],
  uk: ['сік жахливий', 'більше не куплю', 'дякую за повернення', 'магазин відкритий', 'смачно', 'чому вони мовчать'],
  el: ['απαίσιο προϊόν', 'δεν ξαναγοράζω', 'ευχαριστώ για την επιστροφή', 'το κατάστημα ανοίγει', 'ωραία γεύση'],
  fa: ['آبمیوه افتضاح بود', 'دیگر نمی‌خرم', 'ممنون بابت بازپرداخت', 'فروشگاه باز است', 'طعم خوبی دارد'],
};

function texts(n: number, lang?: string): string[] {
  const langs = lang ? [lang] : Object.keys(VOICES);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = langs[i % langs.length];
    const v = VOICES[l];
    out.push(`${v[i % v.length]} ${v[(i * 7 + 3) % v.length]} #${i % 97}`);
  }
  return out;
}

function rate(label: string, items: string[], fn: (t: string) => unknown): void {
  for (const t of items.slice(0, 2000)) fn(t); // warm
  const t0 = process.hrtime.bigint();
  for (const t of items) fn(t);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${label.padEnd(58)} ${Math.round(items.length / s).toLocaleString('en').padStart(9)} texts/s  (avg ${(items[0].length + items.at(-1)!.length) / 2 | 0} chars)`);
}

async function main() {
  const t0 = performance.now();
  const engine = await SentimentEngine.load();
  console.log(`engine load: ${Math.round(performance.now() - t0)} ms`);
  const mixed = texts(TEXTS);
  rate('five languages, language detected, lexicon', mixed, (t) => engine.classify(t));
  rate('Russian only, language detected (ru/uk decided)', texts(TEXTS, 'ru'), (t) => engine.classify(t));
  rate('English, --lang en, lexicon', texts(TEXTS, 'en'), (t) => engine.classify(t, 'en'));
  const labels = texts(3000, 'en').map((text, i) => ({ text, label: (['negative', 'neutral', 'positive'] as const)[i % 3] }));
  const trained = await trainLanguage(engine, 'en', labels);
  if (trained?.trained) engine.useModel('en', trained.trained);
  rate('English, --lang en, learned model (3,000 labels)', texts(TEXTS, 'en'), (t) => engine.classify(t, 'en'));
  rate('five languages, detected, learned model for en', mixed, (t) => engine.classify(t));

  // The CLI as a user runs it: process start, engine load, stdin -> stdout.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  const input = mixed.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const bin = path.resolve(__dirname, '../../electron/cli/firebreak.cjs');
  const c0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [bin, 'sentiment', '--data-dir', dir, '--json'], { input, maxBuffer: 1 << 30 }).toString();
  const cs = Number(process.hrtime.bigint() - c0) / 1e9;
  const lines = out.trim().split('\n').length;
  console.log(`${'CLI end to end (start, load, read, write)'.padEnd(58)} ${Math.round(lines / cs).toLocaleString('en').padStart(9)} texts/s  (${lines.toLocaleString('en')} lines in ${cs.toFixed(2)} s)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
