import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import { createCore, type Core } from '../../electron/core/app-core';
import { BatchRepo } from '../../electron/core/import/batch-repo';
import { finaliseDraft } from '../../electron/core/import/draft';
import { filterSql, type MentionFilter } from '../../electron/core/mentions/mention-query';
import { MentionWriter } from '../../electron/core/mentions/mention-writer';
import { FirebreakError } from '../../shared/errors';
import type { FirebreakEvent } from '../../shared/events';
import type { RowProblem } from '../../shared/mentions';
import { ANN, countRows, tempDir, testCore } from './helpers';
import { csvFile, fixture, importFile, mentionsOf, newIncident, runawayCsv } from './import-helpers';

/** FTS5's own check of the index against the mentions it indexes: throws SQLITE_CORRUPT_VTAB when they disagree. */
function assertFtsIntact(core: Core) {
  assert.doesNotThrow(() => core.db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run());
}

async function rejects(promise: Promise<unknown>, pattern: RegExp) {
  await assert.rejects(promise, (err: unknown) => err instanceof FirebreakError && pattern.test(err.message));
}

describe('import: dedup', () => {
  it('re-importing the same export adds nothing; an overlapping one adds only what is new', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const dir = tempDir();
    assert.equal((await importFile(core, incident, fixture('brandwatch.csv'))).imported, 4);
    const again = await importFile(core, incident, fixture('brandwatch.csv'));
    assert.deepEqual([again.imported, again.duplicates], [0, 4]);
    // Same posts shared differently: http/www/utm/trailing slash variants, plus one new post.
    const overlap = csvFile(dir, 'other-tool.csv', [
      'date,author,text,url',
      '2026-11-20 22:05:31,Daily Example,Northwind says no recall,http://www.news.example.com/northwind-recall/?utm_medium=x',
      '2026-11-21 08:00:00,carla,Still love Northwind,https://twitter.com/carla/status/1859000000000000004',
      '2026-11-21 09:00:00,dora,A new post,https://x.com/dora/status/1859000000000000999',
    ]);
    const s = await importFile(core, incident, overlap);
    assert.deepEqual([s.imported, s.duplicates], [1, 2]);
    assert.equal(mentionsOf(core, incident).length, 5);
  });

  it('without id or URL, the same author, minute and text is one mention', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const file = csvFile(tempDir(), 'no-ids.csv', ['date,author,text', '2026-11-21 10:00:05,Ann,Hello  World', '2026-11-21 10:00:40,ann,hello world', '2026-11-21 10:01:00,Ann,Hello World']);
    const s = await importFile(core, incident, file);
    assert.deepEqual([s.imported, s.duplicates], [2, 1]);
  });

  it('the same post in two incidents is kept in both', async () => {
    const core = testCore();
    const a = newIncident(core, 'A');
    const b = newIncident(core, 'B');
    await importFile(core, a, fixture('pulsar.csv'));
    assert.equal((await importFile(core, b, fixture('pulsar.csv'))).imported, 2);
  });
});

describe('import: bad input', () => {
  // The English message for the command line, and the file and a code for the UI to word in its language.
  const cases: [string, RegExp, string][] = [
    ['empty.csv', /empty\.csv: the file is empty/, 'empty'],
    ['binary.csv', /binary\.csv: looks like a binary file/, 'binary'],
    ['truncated.xlsx', /truncated\.xlsx: is not a readable XLSX/, 'xlsx_unreadable'],
    ['not-mentions.json', /not-mentions\.json: is JSON but not a list of mentions/, 'json_not_mentions'],
  ];
  for (const [file, message, code] of cases) {
    it(`${file} is refused with a clear message and nothing is written`, async () => {
      const core = testCore();
      const incident = newIncident(core);
      await rejects(importFile(core, incident, fixture(file)), message);
      await assert.rejects(importFile(core, incident, fixture(file)), (err: FirebreakError) => {
        const details = err.details as { file: string; problem: { code: string } };
        return details.file === file && details.problem.code === code;
      });
      assert.equal(countRows(core, 'mentions'), 0);
      assert.equal(countRows(core, 'import_batches'), 0);
    });
  }

  it('a header without rows fails clearly and leaves no mentions', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('header-only.csv'));
    assert.equal(s.status, 'failed');
    assert.match(s.error ?? '', /header-only\.csv: has a header but no rows/);
  });

  it('a file that is not what its name says: a ZIP named .csv', async () => {
    const core = testCore();
    const file = path.join(tempDir(), 'export.csv');
    fs.copyFileSync(fixture('brandwatch.xlsx'), file);
    await rejects(core.imports.preview(file), /export\.csv: is a ZIP archive, not a CSV file/);
  });

  it('rows with the wrong number of fields are quarantined with their row number; the others import', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('inconsistent-columns.csv'));
    assert.deepEqual([s.status, s.imported, s.rejected], ['complete', 2, 2]);
    const q = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.deepEqual(q.map((r) => [r.fileName, r.rowNumber, r.reason]), [
      ['inconsistent-columns.csv', 3, 'has 2 fields where the header has 3'],
      ['inconsistent-columns.csv', 4, 'has 5 fields where the header has 3'],
    ]);
    assert.deepEqual(q[0].raw, { date: '2026-11-21 10:01', author: 'Bob', text: '' });
    // The reason is also kept as a code with its figures, which the UI words in its language.
    assert.deepEqual(q.map((r) => r.problem), [
      { code: 'field_count', params: { fields: 2, columns: 3 } },
      { code: 'field_count', params: { fields: 5, columns: 3 } },
    ]);
    // The import is on the incident's timeline, in English and as a line the UI words in the reader's language.
    const [entry] = core.timeline.list({ incidentId: incident, kinds: ['import.finished'] });
    assert.equal(entry.text, 'Imported 2 mentions from inconsistent-columns.csv (0 duplicates, 2 quarantined).');
    assert.deepEqual(entry.ref?.line, { key: 'imported', params: { imported: 2, duplicates: 0, rejected: 2, file: 'inconsistent-columns.csv' } });
  });

  it('an unclosed quote at the end quarantines that row with the reason', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('unclosed-quote.csv'));
    assert.deepEqual([s.imported, s.rejected], [1, 1]);
    const [q] = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.equal(q.rowNumber, 3);
    assert.match(q.reason, /quote that is never closed/);
    assert.deepEqual(q.problem, { code: 'unclosed_quote', params: {} });
    assert.match(String(q.raw), /this quote never closes/);
  });

  it('invalid UTF-8 bytes quarantine their row, not the file', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('invalid-utf8.csv'));
    assert.deepEqual([s.encoding, s.imported, s.rejected], ['utf-8', 2, 1]);
    const [q] = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.deepEqual([q.rowNumber, q.reason], [3, "contains bytes that are not valid UTF-8 (is the file's encoding right?)"]);
    assert.deepEqual(q.problem, { code: 'invalid_bytes', params: {} });
    assert.equal(mentionsOf(core, incident)[0].text, 'Сок Northwind ✓ нормальный');
  });

  it('quoted fields with newlines and quotes survive every read-block boundary', async () => {
    const core = testCore();
    const incident = newIncident(core);
    // ~3 MB: many records straddle the 1 MB blocks the reader decodes, some exactly on a quoted newline.
    const lines = Array.from({ length: 12_000 }, (_, i) => `2026-11-21 10:00:${String(i % 60).padStart(2, '0')},u${i},"line one of ${i}, with ""quotes""\nline two ${'·'.repeat(i % 300)}\r\nline three"`);
    const s = await importFile(core, incident, csvFile(tempDir(), 'multiline.csv', ['date,author,text', ...lines]));
    assert.deepEqual([s.rows, s.imported, s.rejected], [12_000, 12_000, 0]);
    const m = core.mentions.search({ incidentId: incident, author: 'u7777' }, { sort: 'time', direction: 'desc', offset: 0, limit: 1 }).rows[0];
    assert.equal(m.text, `line one of 7777, with "quotes"\nline two ${'·'.repeat(7777 % 300)}\r\nline three`);
  });

  it('a 10 MB field is quarantined with its size; the rows around it import', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const file = csvFile(tempDir(), 'huge-field.csv', ['date,author,text', '2026-11-21 10:00,Ann,before', `2026-11-21 10:01,Bob,"${'x'.repeat(10 * 1024 * 1024)}"`, '2026-11-21 10:02,Cy,after']);
    const s = await importFile(core, incident, file);
    assert.deepEqual([s.imported, s.rejected], [2, 1]);
    const [q] = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.match(q.reason, /text is 10,485,760 characters, over the 1,000,000 limit/);
    assert.deepEqual(q.problem, { code: 'text_too_long', params: { length: 10_485_760, limit: 1_000_000 } });
    const kept = (q.raw as Record<string, string>).text;
    assert.ok(kept.length < 100_100, 'the quarantine keeps a clipped copy of a runaway cell');
    assert.match(kept, /… \[10,385,760 more characters not kept\]$/);
  });

  it('unreadable dates are quarantined, and a corrected row can be retried into the same batch', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('bad-dates.csv'));
    assert.deepEqual([s.imported, s.rejected], [1, 2]);
    const [noReal, noDate] = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.match(noReal.reason, /cannot read the date "yesterday"/);
    assert.equal(noDate.reason, 'no date');
    assert.equal(noReal.problem?.code, 'bad_date');
    assert.equal(noReal.problem?.params.value, 'yesterday');
    assert.deepEqual(noDate.problem, { code: 'no_date', params: {} });
    // A retry that still fails says why, as a code too (the UI words it).
    await assert.rejects(
      async () => core.imports.retryQuarantined(noReal.id, { date: 'still wrong', author: 'Bob', text: 'no real date' }, ANN),
      (err: FirebreakError) => /still cannot be read/.test(err.message) && (err.details as { problem: RowProblem }).problem.code === 'bad_date',
    );
    const fixed = core.imports.retryQuarantined(noReal.id, { date: '2026-11-21 11:00', author: 'Bob', text: 'no real date' }, ANN);
    assert.equal(fixed.row.status, 'fixed');
    assert.ok(fixed.mentionId);
    assert.equal(mentionsOf(core, incident).length, 2);
    assert.equal(core.imports.batches(incident)[0].imported, 2);
    assert.equal(core.imports.dismissQuarantined(noDate.id, ANN).status, 'dismissed');
    const exported = core.imports.exportQuarantine(incident);
    assert.match(exported, /bad-dates\.csv,4,no date,dismissed/);
  });

  it('the quarantine export defuses spreadsheet formulas', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, csvFile(tempDir(), 'formula.csv', ['date,author,text', 'never,=cmd|calc,@SUM(1)']));
    const exported = core.imports.exportQuarantine(incident);
    assert.match(exported, /'=cmd\|calc/);
    assert.match(exported, /'@SUM\(1\)/);
  });
});

describe('import: large JSON documents, streamed', () => {
  /** A Telegram chat export of `n` messages (every tenth a service message), past the 4 MB that is read to recognise it. */
  function telegramExport(dir: string, n: number): string {
    const messages = Array.from({ length: n }, (_, i) => (i % 10 === 9
      ? { id: i + 1, type: 'service', date: '2026-11-21T10:00:00', date_unixtime: String(1795255200 + i), action: 'pin_message' }
      : { id: i + 1, type: 'message', date: '2026-11-21T10:00:00', date_unixtime: String(1795255200 + i), from: `Пётр ${i % 50}`, from_id: `user${i % 50}`,
        text: i % 2 ? `Видели новости про Northwind, message ${i}? ${'сок '.repeat(60)}` : ['Видели ', { type: 'link', text: `https://t.me/newsru/${i}` }, ` про Northwind ${i}`] }));
    const file = path.join(dir, 'result.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'Northwind fans', type: 'public_supergroup', id: 1001234, messages }, null, 1));
    return file;
  }

  it('a Telegram export larger than its recognised start is read message by message, all of it', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const file = telegramExport(tempDir(), 12_000);
    assert.ok(fs.statSync(file).size > 5e6);
    const s = await importFile(core, incident, file);
    assert.deepEqual([s.preset, s.status, s.imported, s.rejected], ['telegram', 'complete', 10_800, 0]);
    const last = core.db.prepare("SELECT native_id, author, title FROM mentions WHERE native_id = '1001234:11999'").get();
    assert.deepEqual(last, { native_id: '1001234:11999', author: 'Пётр 48', title: 'Northwind fans' });
  });

  it('a JSON export cut short fails whole, past the rows already read, and stores nothing', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const dir = tempDir();
    const whole = fs.readFileSync(telegramExport(dir, 12_000));
    const cut = path.join(dir, 'cut.json');
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 200));
    const s = await importFile(core, incident, cut);
    assert.equal(s.status, 'failed');
    assert.equal(s.problem?.code, 'json_invalid');
    assert.match(s.error ?? '', /^cut\.json: is not valid JSON \(.+\); was the file cut short\?$/);
    assert.equal(mentionsOf(core, incident).length, 0);
  });

  it('a generic JSON list with something other than an object far down quarantines that item, not the file', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const items: unknown[] = Array.from({ length: 9_000 }, (_, i) => ({ date: '2026-11-21T10:00:00Z', author: `a${i}`, text: `Post ${i} ${'lorem '.repeat(90)}`, url: `https://forum.example/t/${i}` }));
    items[8_500] = 42;
    const file = path.join(tempDir(), 'forum.json');
    fs.writeFileSync(file, JSON.stringify({ items }));
    assert.ok(fs.statSync(file).size > 5e6);
    const s = await importFile(core, incident, file, { timezone: 'UTC' });
    assert.deepEqual([s.preset, s.imported, s.rejected], ['generic', 8_999, 1]);
    const [q] = core.imports.listQuarantine({ incidentId: incident, limit: 10, offset: 0 }).rows;
    assert.deepEqual([q.rowNumber, q.problem, q.reason], [8_501, { code: 'json_item_not_object', params: { item: 8_501 } }, 'item 8,501 of the list is not a JSON object']);
  });
});

describe('import: batches', () => {
  it('lists each batch with its file, size, SHA-256, format, who and counts; undo removes exactly its new mentions', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const dir = tempDir();
    const first = await importFile(core, incident, fixture('pulsar.csv'));
    const overlap = csvFile(dir, 'more.csv', ['ID,Search,Source,Application,Title,Content,Date,Parent,Language,URL,Domain,User Name,User Followers,Sentiment,Visibility,Engagement',
      'p-1,Northwind,twitter,,,Northwind juice recall rumours are fake news?,2026-11-21T13:00:00+00:00,,en,https://x.com/dan/status/1859000000000000301,x.com,Dan,1200,-0.4,3400,21',
      'p-3,Northwind,twitter,,,Brand new complaint about Northwind,2026-11-21T14:00:00+00:00,,en,https://x.com/zed/status/1859000000000000303,x.com,Zed,10,-0.9,50,1']);
    const second = await importFile(core, incident, overlap);
    const batches = core.imports.batches(incident);
    assert.equal(batches.length, 2);
    const b = batches.find((x) => x.id === first.batchId)!;
    assert.equal(b.fileName, 'pulsar.csv');
    assert.equal(b.fileSize, fs.statSync(fixture('pulsar.csv')).size);
    assert.match(b.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual([b.format, b.preset, b.createdBy, b.status, b.imported], ['csv', 'pulsar', 'Ann Lee', 'complete', 2]);

    const undoneId = core.db.prepare("SELECT id FROM mentions WHERE native_id = 'p-3'").pluck().get() as number;
    core.imports.undo(second.batchId, ANN);
    assert.deepEqual(mentionsOf(core, incident).map((m) => m.nativeId), ['p-1', 'p-2']);
    assert.equal(core.mentions.search({ incidentId: incident, query: 'brand new complaint' }, { sort: 'time', direction: 'desc', offset: 0, limit: 10 }).total, 0, 'full-text entries go too');
    assert.equal(core.imports.batches(incident).find((x) => x.id === second.batchId)!.status, 'undone');
    await assert.rejects(async () => core.imports.undo(second.batchId, ANN), /Only a completed import can be undone/);
    // A laptop still showing an undone mention is told it is gone, in words the UI can say in its language.
    for (const id of [undoneId, 999_999]) {
      assert.throws(() => core.triage.setState([id], 'escalated', ANN), (e: FirebreakError) =>
        e.code === 'NOT_FOUND' && e.message === `No mention with id ${id} here: it may have been removed on another laptop, or what you were looking at is out of date.`
        && isDeepStrictEqual(e.details, { say: { key: 'missing', params: { thing: 'mention', id: String(id) } } }));
    }
  });

  it('a cancelled import leaves the mentions as they were', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('pulsar.csv'));
    const rows = Array.from({ length: 60_000 }, (_, i) => `2026-11-21 10:${String(i % 60).padStart(2, '0')},user${i},"Mention number ${i}, with a comma",https://x.com/u/status/${i}`);
    const big = csvFile(tempDir(), 'big.csv', ['date,author,text,url', ...rows]);
    const progress: FirebreakEvent[] = [];
    const stop = core.events.subscribe((e) => {
      if (e.type === 'import.progress') {
        progress.push(e);
        core.imports.cancel(e.job.jobId);
      }
    });
    const started = await core.imports.start({ file: big, incidentId: incident, actor: ANN, options: { timezone: 'UTC' } });
    const summary = await started.done;
    stop();
    assert.equal(summary.status, 'cancelled');
    assert.ok(progress.length >= 1, 'progress was reported');
    assert.equal(mentionsOf(core, incident).length, 2);
    assert.equal(countRows(core, 'mentions_fts'), 2);
    assertFtsIntact(core);
    assert.equal(core.imports.batches(incident).find((b) => b.id === started.batchId)!.status, 'cancelled');
  });

  it('an import that fails half-way is removed whole and says why', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const summary = await importFile(core, incident, runawayCsv(tempDir(), 5000, 'y'));
    assert.equal(summary.status, 'failed');
    assert.match(summary.error ?? '', /runaway\.csv: row 5,002: a quoted field runs on/);
    // Also as a code with its figures, which the UI words in its language.
    assert.deepEqual(summary.problem, { code: 'runaway_field', params: { row: 5002, millions: 64 } });
    assert.equal(countRows(core, 'mentions'), 0);
    // The import list keeps both, so it too can say why in the reader's language.
    const batch = core.imports.batches(incident).find((b) => b.id === summary.batchId)!;
    assert.deepEqual([batch.status, batch.error, batch.problem], ['failed', summary.error, summary.problem]);
  });

  it('an import interrupted by a crash is rolled back at the next start', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    const incident = newIncident(core);
    const s = await importFile(core, incident, fixture('pulsar.csv'));
    core.db.prepare("UPDATE import_batches SET status = 'running' WHERE id = ?").run(s.batchId); // as if cut off
    core.close();
    const again = createCore({ dataDir: dir });
    try {
      assert.equal(countRows(again, 'mentions'), 0);
      const batch = again.imports.batches(incident)[0];
      assert.equal(batch.status, 'failed');
      assert.match(batch.error ?? '', /interrupted/);
      assert.deepEqual(batch.problem, { code: 'interrupted', params: {} });
    } finally {
      again.close();
    }
  });
});

describe('import: the full-text index', () => {
  const draft = (i: number, words: string) => finaliseDraft({ nativeId: `n${i}`, platform: 'x', text: `${words} ${i}`, date: '2026-11-21T10:00:00Z' }, { order: 'day-first', timezone: 'UTC' });
  const search = (core: Core, incidentId: string, query: string) => core.mentions.search({ incidentId, query }, { sort: 'time', direction: 'desc', offset: 0, limit: 10 }).total;

  it('is filled every so many rows and at completion; rows an interrupted import had not indexed yet are removed without harming it', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir });
    const incident = newIncident(core);
    await importFile(core, incident, fixture('pulsar.csv'));
    new BatchRepo(core.db).insert({
      id: 'cut-off', incidentId: incident, fileName: 'cut.csv', fileSize: 1, sha256: '', format: 'csv', preset: null, encoding: 'utf-8',
      delimiter: ',', columns: null, mapping: {}, options: { dateOrder: 'day-first', timezone: 'UTC' }, createdBy: ANN.name, startedAt: Date.now(),
    });
    const writer = new MentionWriter(core.db, incident, 'cut-off', 5);
    const block = (from: number, words: string) => core.db.transaction(() => writer.write([from, from + 1, from + 2].map((i) => draft(i, words)), ['{}', '{}', '{}']))();
    block(1, 'alpha');
    assert.equal(search(core, incident, 'alpha'), 0, 'three rows, below the threshold of five: not indexed yet');
    block(4, 'bravo');
    assert.deepEqual([search(core, incident, 'alpha'), search(core, incident, 'bravo')], [3, 3], 'six rows: both blocks indexed at once');
    block(7, 'charlie');
    assert.equal(search(core, incident, 'charlie'), 0);
    core.close(); // cut off here, as by a crash

    const again = createCore({ dataDir: dir });
    try {
      assert.equal(again.imports.batches(incident).find((b) => b.id === 'cut-off')!.status, 'failed');
      assert.equal(countRows(again, 'mentions'), 2, 'only the completed import is left');
      assertFtsIntact(again);
      assert.equal(search(again, incident, 'alpha'), 0);
      assert.ok(search(again, incident, 'Northwind') > 0, 'the completed import is still found');
    } finally {
      again.close();
    }
  });

  it('a batch completed below the threshold is indexed whole when it completes', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const summary = await importFile(core, incident, fixture('pulsar.csv'));
    assert.equal(search(core, incident, 'Northwind'), summary.imported);
    core.imports.undo(summary.batchId, ANN);
    assertFtsIntact(core);
  });
});

describe('mention explorer', () => {
  it('searches full text case-insensitively in Cyrillic, Greek and Persian, and filters', async () => {
    const core = testCore();
    const incident = newIncident(core);
    for (const f of ['generic-cp1251.csv', 'meltwater.tsv', 'generic-cp1256.csv', 'brandwatch.csv']) await importFile(core, incident, fixture(f));
    const find = (filter: object, sort: 'time' | 'reach' = 'time') => core.mentions.search({ incidentId: incident, ...filter }, { sort, direction: 'desc', offset: 0, limit: 50 });
    assert.deepEqual(find({ query: 'СОК' }).rows.map((m) => m.text).sort(), ['Отличный сок, всё в порядке', 'Сок Northwind — ужасный сервис, больше не куплю']);
    assert.equal(find({ query: 'ΑΠΑΡΆΔΕΚΤΟ' }).total, 1);
    assert.equal(find({ query: 'خراب' }).total, 1);
    assert.equal(find({ query: 'north' }).total >= 4, true, 'prefix match');
    assert.equal(find({ query: '"poisoned batch"' }).total, 1);
    assert.equal(find({ query: 'AND OR "' }).total >= 0, true, 'stray operators are not a syntax error');
    assert.equal(find({ platforms: ['x'], sentiment: ['negative'] }).total, 3);
    assert.equal(find({ langs: ['el'] }).total, 2);
    assert.equal(find({ hasUrl: false }).total, 0);
    assert.equal(find({ author: 'annak' }).total, 1);
    assert.equal(find({ from: Date.UTC(2026, 10, 21), to: Date.UTC(2026, 10, 21, 12) }).total, 2);
    assert.equal(find({}, 'reach').rows[0].reach, 120000);
    const facets = core.mentions.facets(incident);
    assert.equal(facets.total, 10);
    assert.ok(facets.platforms.some((p) => p.value === 'vk' && p.count === 2));
    const detail = core.mentions.get(find({ author: 'annak' }).rows[0].id);
    assert.equal(detail.batch.fileName, 'brandwatch.csv');
    const cell = (name: string) => (detail.raw.values as string[])[detail.raw.columns!.indexOf(name)];
    assert.equal(cell('Query Name'), 'Northwind');
    // Cells the mention holds verbatim are stored once and put back for the detail pane.
    assert.equal(cell('Full Text'), 'Found something IN my Northwind juice bottle 🤢, never again. #northwind');
    assert.equal(cell('Url'), 'https://x.com/annak/status/1859000000000000001');
    assert.equal(cell('Author'), 'annak');
    assert.equal(cell('Likes'), '1,204', 'counts stay as exported in the raw row');
    const stored = core.db.prepare('SELECT raw FROM mentions WHERE id = ?').pluck().get(detail.id) as string;
    assert.doesNotMatch(stored, /Found something IN my/);
  });

  it('finds the newest matches of a common word the same way whichever plan answers', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const start = Date.UTC(2026, 10, 1);
    const lines = Array.from({ length: 3000 }, (_, i) => `${new Date(start + ((i * 7919) % 3000) * 60_000).toISOString()},u${i},Northwind common word ${i}${i % 1000 === 0 ? ' rare' : ''}`);
    await importFile(core, incident, csvFile(tempDir(), 'many.csv', ['date,author,text', ...lines]));
    const page = (query: string) => core.mentions.search({ incidentId: incident, query }, { sort: 'time', direction: 'desc', offset: 0, limit: 5 });
    const common = page('common'); // > 2,000 matches: walks the time index
    assert.equal(common.total, 3000);
    assert.deepEqual(common.rows.map((m) => m.publishedAt), [2999, 2998, 2997, 2996, 2995].map((k) => start + k * 60_000));
    const rare = page('rare'); // few matches: sorts them
    assert.equal(rare.total, 3);
    assert.ok(rare.rows[0].publishedAt >= rare.rows[1].publishedAt && rare.rows[1].publishedAt >= rare.rows[2].publishedAt);
  });

  it('sorts by reach and engagement exactly, from the narrow facts or (author, link, batch) from the mention rows', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const start = Date.UTC(2026, 10, 1);
    const langs = ['en', 'ru', 'uk'];
    const lines = Array.from({ length: 3000 }, (_, i) => {
      const lang = i % 1000 === 7 ? 'el' : langs[i % 3];
      const reach = i % 10 === 0 ? '' : String((i * 7919) % 500); // many ties, some without a reach
      const engagement = i % 4 === 0 ? '' : String((i * 104729) % 50);
      const sentiment = ['negative', 'neutral', 'positive'][(i * 31) % 3];
      return `${i},${new Date(start + i * 60_000).toISOString()},${i % 2 ? 'x' : 'telegram'},${lang},${sentiment},u${i % 50},${reach},${engagement},${i % 5 ? `https://x.com/u/status/${i}` : ''},Northwind word ${i}${i % 1000 === 0 ? ' rare' : ''}`;
    });
    await importFile(core, incident, csvFile(tempDir(), 'sorted.csv', ['id,date,platform,lang,sentiment,author,reach,engagement,url,text', ...lines]));
    type Row = { id: number; reach: number | null; engagement: number | null };
    const all = core.db.prepare('SELECT id, reach, engagement FROM mentions WHERE incident_id = ?').all(incident) as Row[];
    assert.equal(all.length, 3000);
    const expected = (f: Omit<MentionFilter, 'incidentId'>, sort: 'reach' | 'engagement', direction: 'asc' | 'desc', offset: number) => {
      const ids = new Set(core.db.prepare(`SELECT m.id FROM ${filterSql({ incidentId: incident, ...f }).from} WHERE ${filterSql({ incidentId: incident, ...f }).sql}`).pluck().all(filterSql({ incidentId: incident, ...f }).params) as number[]);
      const value = (r: Row) => r[sort] ?? -Infinity; // no value sorts lowest
      const sign = direction === 'asc' ? 1 : -1;
      return all.filter((r) => ids.has(r.id)).sort((a, b) => sign * (value(a) === value(b) ? a.id - b.id : value(a) < value(b) ? -1 : 1)).slice(offset, offset + 25).map((r) => r.id);
    };
    const filters: Omit<MentionFilter, 'incidentId'>[] = [
      {},
      { platforms: ['x'] },
      { langs: ['ru'], sentiment: ['negative', 'unrated'] },
      { from: start + 100 * 60_000, to: start + 400 * 60_000 },
      { hasUrl: false },
      { author: 'u7' },
      { langs: ['el'], sentiment: ['positive'] },
      { query: 'word' },
      { query: 'rare' },
      { query: 'word', platforms: ['telegram'] },
    ];
    for (const f of filters) {
      for (const sort of ['reach', 'engagement'] as const) {
        for (const [direction, offset] of [['desc', 0], ['asc', 0], ['desc', 900]] as const) {
          const got = core.mentions.search({ incidentId: incident, ...f }, { sort, direction, offset, limit: 25 }).rows.map((m) => m.id);
          assert.deepEqual(got, expected(f, sort, direction, offset), `${JSON.stringify(f)} by ${sort} ${direction} from ${offset}`);
        }
      }
    }
  });

  it('previews a file: format, encoding, delimiter, tool, mapping, skipped metadata lines and sample rows', async () => {
    const core = testCore();
    const p = await core.imports.preview(fixture('brandwatch.csv'), { timezone: 'UTC' });
    assert.deepEqual([p.format, p.encoding, p.delimiter, p.preset, p.skippedLines, p.dateOrder], ['csv', 'utf-8', ',', 'brandwatch', 3, 'day-first']);
    assert.equal(p.mapping.text, 'Full Text');
    assert.equal(p.sample.length, 4);
    assert.equal(p.sample[0].mention?.author, 'Anna K');
  });

  it('a saved mapping becomes a named preset for the next export', async () => {
    const core = testCore();
    const incident = newIncident(core);
    core.imports.savePreset({ name: 'Forum export', basePreset: 'generic', options: { mapping: { text: 'message', date: 'created_at', author: 'user.name' }, timezone: 'UTC' } }, ANN);
    const s = await importFile(core, incident, fixture('generic.jsonl'), { preset: 'Forum export' });
    assert.equal(s.imported, 2);
    assert.equal(mentionsOf(core, incident)[1].author, 'Ines');
  });
});
