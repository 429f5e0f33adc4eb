import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { Result } from '../../shared/errors';
import type { FirebreakEvent } from '../../shared/events';
import type { Mention } from '../../shared/mentions';
import type { MentionFilter } from '../../electron/core/mentions/mention-query';
import type { MentionExportOptions } from '../../electron/core/mentions/mention-export';
import { ANN, tempDir, testCore } from './helpers';
import { csvFile, importFile, mentionsOf, newIncident } from './import-helpers';

type TestCore = ReturnType<typeof testCore>;

// What a monitoring export holds in a crisis: commas, quotes and line breaks in the text, a reply that starts with
// "@", a post that tries to be a spreadsheet formula, four scripts, a 19-digit id, a missing count.
const LINES = [
  'id,date,platform,author,handle,text,url,reach,sentiment',
  '1857301948201934851,2026-11-21 10:00,twitter,Olena Kovalenko,@olena_k,"@northwind my son got sick, again. ""Recall"" it!",https://x.com/olena_k/status/1857301948201934851,1200,negative',
  'p2,2026-11-21 10:05,telegram,Олена Коваленко,@olena_kyiv,"Сік зіпсований\nдругий рядок",https://t.me/olena_kyiv/2,,',
  'p3,2026-11-21 10:10,facebook,Γιώργος,@gpapa,Ο χυμός είναι χαλασμένος,https://facebook.com/p3,90000,neutral',
  'p4,2026-11-21 10:15,instagram,علی رضایی,@ali_r,آبمیوه خراب بود,https://instagram.com/p/p4,300,',
  'p5,2026-11-21 10:20,web,Troll,@troll,"=HYPERLINK(""http://evil.example"",""click"")",,5,positive',
];

async function crisis(core: TestCore): Promise<string> {
  const incidentId = newIncident(core, 'Juice: bottle video');
  await importFile(core, incidentId, csvFile(tempDir(), 'brand.csv', LINES));
  return incidentId;
}

async function exported(core: TestCore, filter: MentionFilter, opts: Partial<MentionExportOptions> = {}): Promise<{ text: string; rows: number }> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (b: Buffer) => parts.push(b));
  const { rows } = await core.mentions.export(filter, { sort: 'time', direction: 'desc', format: 'csv', ...opts }).writeTo(sink);
  return { text: Buffer.concat(parts).toString('utf8'), rows };
}

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

describe('exporting mentions', () => {
  it('writes the filtered list as CSV, in the list order, every field as stored, formulas defused', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const { text, rows } = await exported(core, { incidentId }, { sort: 'reach', timeZone: 'Asia/Tehran' });
    assert.ok(text.startsWith('\ufeff'), 'a BOM, so a spreadsheet reads it as UTF-8');
    const records = parse(text);
    assert.equal(rows, 5);
    const listed = core.mentions.search({ incidentId }, { sort: 'reach', direction: 'desc', offset: 0, limit: 50 }).rows;
    assert.deepEqual(records.map((r) => r.firebreak_id), listed.map((m) => String(m.id)), 'the order of the list');
    const [greek, first] = records;
    assert.equal(greek.text, 'Ο χυμός είναι χαλασμένος');
    assert.equal(first.id, '1857301948201934851', 'a long id keeps every digit');
    assert.equal(first.text, `'@northwind my son got sick, again. "Recall" it!`, 'a reply starting with @ is defused');
    assert.equal(first.date, '2026-11-21T10:00:00.000Z');
    assert.equal(first['local_time (Asia/Tehran)'], '2026-11-21 13:30:00', 'the reader\'s time beside UTC');
    assert.deepEqual([first.sentiment, first.sentiment_by, first.reach, first.triage, first.import_file], ['negative', 'tool', '1200', 'new', 'brand.csv']);
    assert.equal(first.handle, `'@olena_k`, 'a handle too: a spreadsheet reads a leading @ as a formula');
    const byHandle = new Map(records.map((r) => [r.handle.slice(1), r]));
    assert.equal(byHandle.get('@olena_kyiv')!.text, 'Сік зіпсований\nдругий рядок', 'a line break inside the text survives');
    assert.equal(byHandle.get('@olena_kyiv')!.reach, '', 'a missing count stays empty');
    assert.equal(byHandle.get('@troll')!.text, `'=HYPERLINK("http://evil.example","click")`, 'a formula stays text');

    const negative = parse((await exported(core, { incidentId, sentiment: ['negative'], authorSearch: 'olena' })).text);
    assert.deepEqual(negative.map((r) => r.author), ['Olena Kovalenko'], 'only what the filter keeps');
    const searched = await exported(core, { incidentId, query: 'сік' });
    assert.deepEqual(parse(searched.text).map((r) => r.author), ['Олена Коваленко'], 'a text search, folded as in the explorer');
    const none = await exported(core, { incidentId, query: 'nothing-like-this' });
    assert.equal(none.rows, 0);
    assert.equal(parse(none.text).length, 0);
    assert.match(none.text, /^\ufeffid,date,platform,/, 'an empty export still says its columns');
  });

  it('writes only the ticked mentions when given them, in the list\'s order, none of another incident', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const other = await crisis(core);
    const mine = mentionsOf(core, incidentId);
    const ticked = [mine[4].id, mine[0].id, mine[2].id, mentionsOf(core, other)[1].id];
    const { text, rows } = await exported(core, { incidentId, query: 'nothing-like-this' }, { ids: ticked, sort: 'reach' });
    assert.equal(rows, 3);
    assert.deepEqual(parse(text).map((r) => Number(r.firebreak_id)), [mine[2].id, mine[0].id, mine[4].id], 'by reach: 90000, 1200, 5');
  });

  it('says which sentiment is shown: an analyst\'s correction, the tool\'s value or the engine\'s', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const mentions = mentionsOf(core, incidentId);
    const greek = mentions.find((m) => m.authorHandle === '@gpapa')!;
    core.sentiment.correct([greek.id], 'negative', ANN);
    await core.sentiment.scoreAll(); // the engine rates what the file left unrated (in the background in the app)
    const records = parse((await exported(core, { incidentId })).text);
    const by = Object.fromEntries(records.map((r) => [r.handle.slice(1), `${r.sentiment}/${r.sentiment_by}`]));
    assert.equal(by['@gpapa'], 'negative/analyst');
    assert.equal(by['@olena_k'], 'negative/tool');
    assert.match(by['@ali_r'], /^(negative|neutral|positive)\/engine$/);
  });

  it('imports into another incident as it was, apostrophes taken off, and a second time adds nothing', async () => {
    const core = testCore();
    const source = await crisis(core);
    const file = path.join(tempDir(), 'mentions.csv');
    await core.mentions.export({ incidentId: source }, { sort: 'time', direction: 'asc', format: 'csv' }).writeTo(fs.createWriteStream(file));
    const target = newIncident(core, 'Split off');
    const first = await importFile(core, target, file);
    assert.deepEqual([first.imported, first.duplicates, first.rejected, first.preset], [5, 0, 0, 'firebreak'], 'recognised as a Firebreak export');
    const key = (m: Mention) => JSON.stringify([m.platform, m.nativeId, m.publishedAt, m.author, m.authorHandle, m.url, m.reach, m.text, m.title, m.lang, m.sentiment]);
    assert.deepEqual(mentionsOf(core, target).map(key), mentionsOf(core, source).map(key));
    const again = await importFile(core, target, file);
    assert.deepEqual([again.imported, again.duplicates], [0, 5]);
  });

  it('a row of a Firebreak export fixed in the quarantine loses its apostrophes too', async () => {
    const core = testCore();
    const source = await crisis(core);
    const file = path.join(tempDir(), 'mentions.csv');
    await core.mentions.export({ incidentId: source }, { sort: 'time', direction: 'asc', format: 'csv' }).writeTo(fs.createWriteStream(file));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('2026-11-21T10:10:00.000Z', 'someday'));
    const target = newIncident(core, 'Split off');
    assert.equal((await importFile(core, target, file)).rejected, 1);
    const [row] = core.imports.listQuarantine({ incidentId: target, limit: 10, offset: 0 }).rows;
    const record: Record<string, string> = { ...(row.raw as Record<string, string>), date: '2026-11-21T10:10:00Z' };
    assert.equal(record.handle, `'@gpapa`, 'kept as in the file');
    const { mentionId } = core.imports.retryQuarantined(row.id, record, ANN);
    assert.equal(core.mentions.get(mentionId!).authorHandle, '@gpapa');
  });

  it('writes an Excel workbook: text as text (never a formula), counts as numbers, the local time a date; within Excel\'s limits', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const more = ['id,date,platform,author,text', 'q1,2026-11-21 11:00,web,Bell,"ring\u0007 ring"', `q2,2026-11-21 11:05,web,Long,"${'a'.repeat(40_000)}"`];
    await importFile(core, incidentId, csvFile(tempDir(), 'more.csv', more));
    const file = path.join(tempDir(), 'mentions.xlsx');
    const { rows } = await core.mentions.export({ incidentId }, { sort: 'time', direction: 'asc', format: 'xlsx', timeZone: 'Asia/Tehran' }).writeTo(fs.createWriteStream(file));
    assert.equal(rows, 7);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Mentions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['id', 'date', 'local_time (Asia/Tehran)', 'platform']);
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1);
    assert.equal(cell(2, 'id').value, '1857301948201934851', 'a long id is text, every digit kept');
    assert.equal(cell(2, 'text').value, '@northwind my son got sick, again. "Recall" it!', 'no apostrophe: a workbook cell of text is never run');
    assert.equal(cell(2, 'reach').value, 1200);
    assert.equal(cell(3, 'reach').value, null, 'a missing count stays empty');
    assert.deepEqual(cell(2, 'local_time (Asia/Tehran)').value, new Date(Date.UTC(2026, 10, 21, 13, 30)), 'the wall-clock time in Tehran, as a date');
    assert.equal(cell(2, 'local_time (Asia/Tehran)').numFmt, 'yyyy-mm-dd hh:mm:ss');
    assert.equal(cell(6, 'text').value, '=HYPERLINK("http://evil.example","click")');
    assert.equal(cell(6, 'text').formula, undefined, 'text, not a formula');
    assert.equal(cell(7, 'text').value, 'ring\ufffd ring', 'a control character XML cannot hold is replaced, not left to break the file');
    const long = cell(8, 'text').value as string;
    assert.deepEqual([long.length, long.at(-1)], [32_767, '…'], 'clipped to what Excel holds in a cell');

    // It imports into another incident as it is, like the CSV.
    const target = newIncident(core, 'From the workbook');
    const summary = await importFile(core, target, file);
    assert.deepEqual([summary.imported, summary.rejected, summary.preset], [7, 0, 'firebreak']);
    const handles = (id: string) => mentionsOf(core, id).map((m) => [m.nativeId, m.authorHandle, m.publishedAt]);
    assert.deepEqual(handles(target), handles(incidentId));
  });

  it('a file that cannot be written (a full disk) fails the export, in every format, without ending the process', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    for (const format of ['csv', 'xlsx', 'jsonl'] as const) {
      const full = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) });
      await assert.rejects(core.mentions.export({ incidentId }, { sort: 'time', direction: 'desc', format, timeZone: 'UTC' }).writeTo(full), /ENOSPC/, format);
    }
  });

  it('says how far a long export is, to whoever asked, by the id it asked with', async () => {
    const core = testCore();
    const incidentId = newIncident(core, 'Long');
    const lines = Array.from({ length: 3_500 }, (_, i) => `n${i},2026-11-21 10:00,web,user ${i},post number ${i}`);
    await importFile(core, incidentId, csvFile(tempDir(), 'long.csv', ['id,date,platform,author,text', ...lines]));
    const heard: FirebreakEvent[] = [];
    core.events.subscribe((e) => e.type === 'export.progress' && heard.push(e));
    const dispatch = createDispatcher(core, 'room', { error: () => undefined });
    const result = await dispatch('mentions.export', { filter: { incidentId }, format: 'xlsx', progressId: 'mine-1' }, ANN);
    assert.ok(result.ok);
    assert.ok(heard.length >= 1);
    assert.deepEqual(heard.at(-1), { type: 'export.progress', progressId: 'mine-1', done: 3_500, total: 3_500 }, 'the last says all of it');
    const done = heard.map((e) => (e as { done: number }).done);
    assert.deepEqual(done, [...done].sort((a, b) => a - b), 'never backwards');
    heard.length = 0;
    await dispatch('mentions.export', { filter: { incidentId } }, ANN);
    assert.equal(heard.length, 0, 'nobody asked: nothing said');
  });

  it('writes JSON Lines for scripts, text exactly as stored', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const { text, rows } = await exported(core, { incidentId }, { format: 'jsonl', direction: 'asc' });
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(rows, 5);
    assert.equal(lines.length, 5);
    assert.equal(lines[0].text, '@northwind my son got sick, again. "Recall" it!', 'no apostrophe: no spreadsheet reads it');
    assert.equal(lines[0].reach, 1200);
    assert.equal(lines[1].reach, null);
    assert.equal(lines[0].published_raw, '2026-11-21 10:00');
  });

  it('hands the file over as a download once, named for the incident; an unknown time zone is refused', async () => {
    const core = testCore();
    const incidentId = await crisis(core);
    const dispatch = createDispatcher(core, 'room', { error: () => undefined });
    const result = (await dispatch('mentions.export', { filter: { incidentId, platforms: ['telegram', 'web'] } }, ANN)) as Result<{ downloadId: string; fileName: string; rows: number }>;
    assert.ok(result.ok);
    assert.equal(result.value.fileName, 'Juice bottle video - mentions.csv');
    assert.equal(result.value.rows, 2);
    const file = core.downloads.resolve(result.value.downloadId);
    assert.equal(parse(fs.readFileSync(file.file, 'utf8')).length, 2);
    assert.equal(file.name, result.value.fileName);

    const bad = (await dispatch('mentions.export', { filter: { incidentId }, timeZone: 'Mars/Olympus' }, ANN)) as Result<unknown>;
    assert.ok(!bad.ok);
    assert.match(bad.error.message, /Mars\/Olympus/);
    assert.equal(fs.readdirSync(path.join(core.dataDir, 'exports')).filter((f) => f.endsWith('.data')).length, 1, 'no file left for the refused one');

    // One never fetched (its browser closed) is removed when another is made an hour later, not kept for ever.
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    for (const ext of ['data', 'name']) fs.utimesSync(path.join(core.dataDir, 'exports', `${result.value.downloadId}.${ext}`), hourAgo, hourAgo);
    const next = (await dispatch('mentions.export', { filter: { incidentId } }, ANN)) as Result<{ downloadId: string }>;
    assert.ok(next.ok);
    assert.deepEqual(fs.readdirSync(path.join(core.dataDir, 'exports')).sort(), [`${next.value.downloadId}.data`, `${next.value.downloadId}.name`]);

    const named = await dispatch('mentions.export', { filter: { incidentId, query: '"sick, again" refund', authorSearch: 'olena' } }, ANN);
    assert.ok(named.ok);
    assert.equal((named.value as { fileName: string }).fileName, 'Juice bottle video - mentions - sick, again refund olena.csv', 'what was searched, as far as a file name allows');
    const picked = await dispatch('mentions.export', { filter: { incidentId }, ids: [1, 2] }, ANN);
    assert.ok(picked.ok);
    assert.deepEqual([(picked.value as { fileName: string }).fileName, (picked.value as { rows: number }).rows], ['Juice bottle video - mentions - 2 selected.csv', 2]);
  });
});
