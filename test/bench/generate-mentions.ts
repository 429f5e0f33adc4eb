import fs from 'node:fs';
import { once } from 'node:events';

const WORDS: Record<string, string[]> = {
  en: ['Northwind', 'juice', 'bottle', 'recall', 'awful', 'refund', 'customer', 'service', 'never', 'again', 'video', 'poisoned', 'batch', 'store', 'shelf', 'statement', 'company', 'safe', 'love', 'taste'],
  ru: ['Northwind', 'сок', 'бутылка', 'отзыв', 'ужасный', 'возврат', 'сервис', 'никогда', 'видео', 'партия', 'магазин', 'заявление', 'компания', 'безопасно', 'вкус', 'Проверка', 'Скандал'],
  uk: ['Northwind', 'сік', 'пляшка', 'жахливий', 'повернення', 'сервіс', 'ніколи', 'відео', 'партія', 'магазин', 'заява', 'компанія', 'смак', 'Перевірка'],
  fa: ['Northwind', 'آبمیوه', 'بطری', 'فراخوان', 'افتضاح', 'بازپرداخت', 'خدمات', 'هرگز', 'ویدیو', 'فروشگاه', 'بیانیه', 'شرکت', 'طعم'],
  el: ['Northwind', 'χυμός', 'μπουκάλι', 'ανάκληση', 'απαίσιο', 'επιστροφή', 'εξυπηρέτηση', 'ποτέ', 'βίντεο', 'παρτίδα', 'κατάστημα', 'δήλωση', 'εταιρεία', 'Γεύση'],
};
const LANGS = Object.keys(WORDS);
const PLATFORMS = ['x', 'facebook', 'instagram', 'telegram', 'vk', 'news', 'reddit', 'youtube'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];

/** A deterministic pseudo-random source, so every run measures the same file. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `rows` realistic mentions as CSV: quoted text with commas, quotes and newlines; 12 columns; 90 days.
 * `order`: 'shuffled' times (several exports pasted together; the time index then receives its keys in random
 * order, the costly case) or 'time', newest first, as monitoring tools write their exports.
 */
export async function generateMentionsCsv(file: string, rows: number, order: 'shuffled' | 'time' = 'shuffled', seed = 42): Promise<void> {
  const random = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const out = fs.createWriteStream(file);
  out.write('id,date,author,text,url,platform,lang,sentiment,reach,likes,shares,country\n');
  const start = Date.UTC(2026, 7, 1);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const lang = pick(LANGS);
    const words = WORDS[lang];
    const n = 18 + Math.floor(random() * 30);
    let text = '';
    for (let w = 0; w < n; w++) text += (w ? ' ' : '') + pick(words);
    if (random() < 0.3) text += ', "quoted" part';
    if (random() < 0.1) text += '\nsecond line';
    const platform = pick(PLATFORMS);
    const at = order === 'time' ? (1 - i / rows) * 90 * 86_400_000 - random() * 60_000 : random() * 90 * 86_400_000;
    const date = new Date(start + Math.floor(at)).toISOString().replace('T', ' ').slice(0, 19);
    const author = `user_${Math.floor(random() * 200_000)}`;
    buffer += `${i + 1},${date},${author},${quote(text)},https://example.${platform}/p/${i + 1},${platform},${lang},${pick(SENTIMENTS)},${Math.floor(random() * 100_000)},${Math.floor(random() * 500)},${Math.floor(random() * 50)},${pick(['RU', 'UA', 'IR', 'GR', 'GB', 'US'])}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

// `node --import tsx generate-mentions.ts FILE ROWS [shuffled|time]`: the benchmark generates in a child process, so
// the generator's memory does not count against the importer's.
if (require.main === module) {
  const [file, rows, order] = process.argv.slice(2);
  void generateMentionsCsv(file, Number(rows), order === 'time' ? 'time' : 'shuffled');
}
