import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { SharedStrings } from '../../electron/core/import/sources/shared-strings';
import { fixture, importFile, mentionsOf, newIncident } from './import-helpers';
import { openSource } from '../../electron/core/import/sources/open-source';
import { tempDir, testCore } from './helpers';

const iso = (ms: number) => new Date(ms).toISOString();

describe('import: tool presets', () => {
  it('Brandwatch CSV: metadata above the header, BOM, quoted newlines, counts, text kept exactly', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('brandwatch.csv'));
    assert.deepEqual([s.format, s.preset, s.encoding, s.delimiter, s.rows, s.imported, s.rejected], ['csv', 'brandwatch', 'utf-8', ',', 4, 4, 0]);
    const [first, second, news] = mentionsOf(core, incident);
    assert.equal(first.nativeId, '1859000000000000001', 'ids are text: 19 digits survive');
    assert.equal(first.platform, 'x');
    assert.equal(first.author, 'Anna K');
    assert.equal(first.authorHandle, 'annak');
    assert.deepEqual([first.likes, first.shares, first.authorFollowers, first.reach], [1204, 312, 15300, 48000]);
    assert.equal(first.sourceSentiment, -1);
    assert.equal(iso(first.publishedAt), '2026-11-20T21:14:05.000Z');
    assert.equal(first.publishedRaw, '2026-11-20 21:14:05.0');
    assert.equal(second.text, 'Is this real? "Poisoned batch"\nwho sells this');
    assert.equal(news.text, '=HYPERLINK("http://evil") Northwind says no recall is planned', 'a formula-looking cell is kept as text');
    assert.equal(news.likes, null, 'a missing count is NULL, not 0');
    assert.equal(news.platform, 'news');
  });

  it('Talkwalker: dotted headers, day-first dd/mm/yy dates in the chosen zone, -5/0/5 sentiment', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('talkwalker.csv'), { timezone: 'Europe/Moscow' });
    assert.equal(s.preset, 'talkwalker');
    const [first, second] = mentionsOf(core, incident);
    assert.equal(iso(first.publishedAt), '2026-11-21T06:15:00.000Z', '09:15 Moscow time is 06:15 UTC');
    assert.equal(first.sourceSentiment, -1);
    assert.equal(second.sourceSentiment, 0);
    assert.equal(first.author, 'Мария С.');
    assert.deepEqual([first.reach, first.authorFollowers, first.platform], [12500, 8100, 'x']);
    assert.equal(second.platform, 'telegram');
  });

  it('Meltwater: UTF-16LE tab-separated, date and time in two columns', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('meltwater.tsv'));
    assert.deepEqual([s.preset, s.encoding, s.delimiter, s.imported], ['meltwater', 'utf-16le', '\t', 2]);
    const [first, second] = mentionsOf(core, incident);
    assert.equal(iso(first.publishedAt), '2026-11-21T11:45:00.000Z');
    assert.equal(iso(second.publishedAt), '2026-11-21T12:10:00.000Z');
    assert.equal(first.text, 'Απαράδεκτο, βρήκα ξένο σώμα στο χυμό Northwind');
    assert.equal(second.title, 'Northwind statement');
    assert.equal(second.text, 'Η εταιρεία ερευνά', 'falls back to Opening Text when there is no hit sentence');
  });

  it('Pulsar TRAC: -1..1 sentiment and ISO dates with offsets', async () => {
    const core = testCore();
    const incident = newIncident(core);
    assert.equal((await importFile(core, incident, fixture('pulsar.csv'))).preset, 'pulsar');
    const [first, second] = mentionsOf(core, incident);
    assert.equal(first.sourceSentiment, -0.4);
    assert.equal(second.platform, 'reddit');
    assert.equal(first.reach, 3400);
  });

  it('XLSX: header below metadata, date cells and Excel serials, hyperlinks, rich text, formulas as their result', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('brandwatch.xlsx'));
    assert.deepEqual([s.format, s.preset, s.imported], ['xlsx', 'brandwatch', 3]);
    const rows = mentionsOf(core, incident);
    assert.equal(iso(rows[0].publishedAt), '2026-11-21T09:00:00.000Z');
    assert.equal(iso(rows[1].publishedAt), '2026-11-21T10:00:00.000Z');
    assert.equal(rows[1].text, 'Rich text Northwind');
    assert.equal(rows[1].likes, 5);
    assert.equal(rows[0].url, 'link');
    assert.equal(rows[2].text, '=SUM(A1:A2) stays text');
  });

  it('XLSX: a worksheet before its shared strings in the zip (as Excel writes them) is read without temporary copies', async () => {
    const core = testCore();
    const copies = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tmp-') || f.startsWith('firebreak-xlsx-')).length;
    const before = copies();
    const zip = fs.readFileSync(fixture('brandwatch.xlsx')); // entry names first appear in their headers, in zip order
    assert.ok(zip.indexOf('xl/worksheets/sheet1.xml') < zip.indexOf('xl/sharedStrings.xml'), 'the fixture has the sheet first');
    const preview = await core.imports.preview(fixture('brandwatch.xlsx'));
    assert.equal(preview.sample[1].mention?.text, 'Rich text Northwind');
    await importFile(core, newIncident(core), fixture('brandwatch.xlsx'));
    assert.equal(copies(), before, 'ExcelJS copied the worksheet to a temporary file for each read, kept until the app quits');
  });

  it('XLSX: an import says how far into the file it has read (for its progress bar and time left)', async () => {
    const file = path.join(tempDir(), 'export.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('Mentions');
    ws.addRow(['Date', 'Author', 'Text', 'URL']).commit();
    for (let i = 0; i < 60_000; i++) ws.addRow([`2026-11-21 10:${String(i % 60).padStart(2, '0')}`, `user${i % 300}`, `Mention ${i} about Northwind, сок ${i}`, `https://x.com/u/status/${i}`]).commit();
    ws.commit();
    await wb.commit();
    const size = fs.statSync(file).size;
    const source = await openSource(file, {});
    const seen: number[] = [];
    let rows = 0;
    for await (const batch of source.batches()) {
      rows += batch.length;
      seen.push(source.bytesRead());
    }
    assert.equal(rows, 60_000);
    // The zip is read about a megabyte ahead of the rows; after that the figure moves with them (it stayed 0 before).
    assert.ok(seen[0] > 0 && seen[0] < size, `read ${seen[0]} of ${size} bytes at the first rows`);
    assert.ok(new Set(seen).size >= 3, `moves while the rows are read: ${seen.join(' ')}`);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'never backwards');
    assert.equal(source.bytesRead(), size);
  });

  it('XLSX shared strings: kept as UTF-8, past the memory budget in a temporary file, each read back as written', () => {
    const texts = ['', 'Northwind', 'Сок ужасный', 'آبمیوه خراب', 'Επιστροφή', '😀 emoji', 'x'.repeat(100_000), ...Array.from({ length: 2_000 }, (_, i) => `row ${i} ρ ж ی`)];
    const store = new SharedStrings(64);
    const files = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('firebreak-xlsx-')).length;
    const before = files();
    for (const t of texts) store.add(t);
    assert.equal(store.size, texts.length);
    assert.ok(store.bytesOnDisk > 100_000, 'most of them went to the file');
    assert.equal(files(), before, 'which is already unlinked, so nothing is left behind even if the reader is stopped');
    texts.forEach((t, i) => assert.equal(store.get(i), t, `string ${i}`));
    assert.equal(store.get(texts.length), undefined);
    assert.equal(store.get(-1), undefined);
    store.close();
    assert.equal(files(), before);
    const small = new SharedStrings();
    for (const t of texts) small.add(t);
    assert.equal(small.bytesOnDisk, 0, 'under the budget nothing touches the disk');
    assert.equal(small.get(6), texts[6]);
  });
});

describe('import: encodings and delimiters', () => {
  const cases: [string, string, string, string][] = [
    ['generic-cp1251.csv', 'windows-1251', ';', 'Сок Northwind — ужасный сервис, больше не куплю'],
    ['generic-cp1256.csv', 'windows-1256', '|', 'آب ميوه نورث‌وند خراب بود'],
    ['generic-cp1253.csv', 'windows-1253', '\t', 'Απαράδεκτη εξυπηρέτηση από τη Northwind'],
    ['generic-cp1252.csv', 'windows-1252', ',', "Très déçu par Northwind, c'est inacceptable"],
    ['generic-utf16be.csv', 'utf-16be', ',', 'UTF-16 big-endian export works'],
  ];
  for (const [file, encoding, delimiter, text] of cases) {
    it(`${file}: detects ${encoding} and "${delimiter === '\t' ? 'tab' : delimiter}"`, async () => {
      const core = testCore();
      const incident = newIncident(core);
      const s = await importFile(core, incident, fixture(file));
      assert.deepEqual([s.encoding, s.delimiter, s.rejected], [encoding, delimiter, 0]);
      assert.equal(mentionsOf(core, incident)[0].text, text);
    });
  }

  it('windows-1252 punctuation decodes correctly (Node 20 TextDecoder reads it as ISO-8859-1)', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('generic-cp1252.csv'));
    assert.equal(mentionsOf(core, incident)[1].text, 'Schöne Grüße an Northwind – alles gut');
  });

  it('reads month-first dates when the file proves it, and counts like 1.234', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('generic-cp1252.csv'));
    const [first, second] = mentionsOf(core, incident);
    assert.equal(iso(first.publishedAt), '2026-11-21T17:00:00.000Z');
    assert.equal(iso(second.publishedAt), '2026-11-22T09:00:00.000Z');
    assert.equal(first.likes, 1234);
  });

  it('counts written in Persian or Arabic-Indic digits, with their own separators, are read as numbers', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const file = path.join(tempDir(), 'persian-counts.csv');
    fs.writeFileSync(file, 'date,author,text,likes,shares,reach\n2026-11-21 10:00,fa_user,بطری خراب بود,۱٬۲۳۴,٣٤,۱۲٫۵K\n');
    await importFile(core, incident, file);
    const [m] = mentionsOf(core, incident);
    assert.deepEqual([m.likes, m.shares, m.reach], [1234, 34, 12500]);
  });

  it('an explicit encoding overrides the guess', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('generic-cp1251.csv'), { encoding: 'windows-1252' });
    // Read as the wrong code page the header is gibberish, so nothing maps: every row waits in the quarantine.
    assert.deepEqual([s.encoding, s.imported, s.rejected], ['windows-1252', 0, 2]);
  });
});

describe('import: platform JSON exports', () => {
  it('X API v2 joins authors from includes.users', async () => {
    const core = testCore();
    const incident = newIncident(core);
    assert.equal((await importFile(core, incident, fixture('x-api-v2.json'))).preset, 'x-api-v2');
    const [first] = mentionsOf(core, incident);
    assert.deepEqual([first.author, first.authorHandle, first.authorFollowers, first.likes, first.views], ['Consumer Watch', 'consumerwatch', 250000, 55, 9000]);
    assert.equal(first.url, 'https://x.com/consumerwatch/status/1859000000000000501');
  });

  it('the Twitter archive tweets.js: prefix, Twitter dates, HTML entities', async () => {
    const core = testCore();
    const incident = newIncident(core);
    assert.equal((await importFile(core, incident, fixture('tweets.js'))).preset, 'x-archive');
    const [t] = mentionsOf(core, incident);
    assert.equal(t.text, 'We hear you & we are checking batch 4471 <update soon>');
    assert.equal(iso(t.publishedAt), '2026-11-21T20:19:24.000Z');
  });

  it('Telegram: one chat and the full export; text pieces joined; service messages skipped; date_unixtime used', async () => {
    const core = testCore();
    const incident = newIncident(core);
    assert.equal((await importFile(core, incident, fixture('telegram-result.json'))).imported, 2);
    assert.equal((await importFile(core, incident, fixture('telegram-full.json'))).imported, 2);
    const texts = mentionsOf(core, incident).map((m) => m.text);
    assert.ok(texts.includes('Видели https://t.me/newsru/48211 про Northwind?'));
    assert.ok(texts.includes('Northwind again'));
    const first = mentionsOf(core, incident)[0];
    assert.equal(first.publishedAt, 1795255500 * 1000);
  });

  it('VK wall.get: unix dates, community and user authors, wall URLs', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('vk-wall.json'));
    const [group, user] = mentionsOf(core, incident);
    assert.deepEqual([group.author, user.author, group.url, group.views], ['Northwind Russia', 'Антон Кравец', 'https://vk.com/wall-5001_901', 15000]);
  });

  it('Facebook and Instagram comments (+0000 offsets), YouTube threads, Reddit JSON Lines', async () => {
    const core = testCore();
    const incident = newIncident(core);
    for (const [file, preset] of [['facebook-comments.json', 'meta-comments'], ['instagram-comments.json', 'meta-comments'], ['youtube-comments.json', 'youtube-comments'], ['reddit.jsonl', 'reddit']]) {
      const s = await importFile(core, incident, fixture(file));
      assert.equal(s.preset, preset, file);
      assert.equal(s.rejected, 0, file);
    }
    const byPlatform = Object.fromEntries(mentionsOf(core, incident).map((m) => [m.platform, m]));
    assert.equal(iso(byPlatform.facebook.publishedAt), '2026-11-21T12:00:00.000Z');
    assert.equal(byPlatform.instagram.author, 'mila.k');
    assert.equal(byPlatform.youtube.url, 'https://www.youtube.com/watch?v=vid123&lc=Ugx1');
    const reddit = mentionsOf(core, incident).filter((m) => m.platform === 'reddit');
    assert.equal(reddit.length, 2, 'created_utc as a quoted string is read too');
  });

  it('generic JSON Lines: nested fields map by their dotted name; a broken line is quarantined with its number', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('generic.jsonl'), { mapping: { text: 'message', date: 'created_at', author: 'user.name', nativeId: 'id', platform: 'source' } });
    assert.deepEqual([s.rows, s.imported, s.rejected], [3, 2, 1]);
    assert.equal(mentionsOf(core, incident)[0].author, 'Omar');
    const q = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows[0];
    assert.equal(q.rowNumber, 2);
    assert.match(q.reason, /line 2 is not valid JSON/);
    assert.equal(q.problem?.code, 'json_line_invalid');
    assert.equal(q.problem?.params.line, 2);
  });
});
