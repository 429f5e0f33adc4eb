import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Core } from '../../electron/core/app-core';
import { openParsedSourceInWorker } from '../../electron/core/import/parse-worker-client';
import { FirebreakError } from '../../shared/errors';
import type { ImportOptions } from '../../shared/mentions';
import { ANN, countRows, tempDir, testCore } from './helpers';
import { fixture, importFile, newIncident, runawayCsv } from './import-helpers';

/** Every file goes through the worker thread (the real threshold is 4 MB). */
const inWorker = () => testCore({ importWorkerFromBytes: 0 });
const inThread = () => testCore({ importWorkerFromBytes: Number.POSITIVE_INFINITY });

/** What an import stored, without the ids that differ between two databases. */
function stored(core: Core, incidentId: string) {
  const mentions = core.db
    .prepare('SELECT * FROM mentions WHERE incident_id = ? ORDER BY id')
    .all(incidentId)
    .map((m) => ({ ...(m as Record<string, unknown>), id: undefined, incident_id: undefined, batch_id: undefined }));
  const quarantine = core.db.prepare('SELECT row_number, reason, raw FROM import_quarantine WHERE incident_id = ? ORDER BY id').all(incidentId);
  const batches = core.imports.batches(incidentId).map(({ fileName, fileSize, sha256, format, preset, encoding, delimiter, status, rows, imported, duplicates, rejected, error }) => ({
    fileName, fileSize, sha256, format, preset, encoding, delimiter, status, rows, imported, duplicates, rejected, error,
  }));
  return { mentions, quarantine, batches };
}

/** 25,000 rows in several languages: more than two blocks of 10,000 and many parts of 1,000, with bad rows among them. */
function bigCsv(dir: string): string {
  const words = ['Northwind', 'возврат', 'επιστροφή', 'بازگشت', 'recall, "juice"', 'line\nbreak'];
  const rows = Array.from({ length: 25_000 }, (_, i) => {
    if (i % 5000 === 4999) return `${i},not a date,u${i},"text ${i}",https://x.com/u/status/${i}`; // quarantined
    const text = `${words[i % words.length]} ${i}`.replaceAll('"', '""');
    return `${i},2026-11-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')},user ${i % 700},"${text}",https://x.com/u/status/${i % 24_000}`;
  });
  const file = path.join(dir, 'big.csv');
  fs.writeFileSync(file, ['id,date,author,text,url', ...rows].join('\r\n'));
  return file;
}

/** `promise`, or a failure naming `what` if it has not settled within ten seconds (rather than a test left waiting). */
function settles<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} never settled`)), 10_000)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function importBoth(file: string, options: ImportOptions = {}) {
  const results = [];
  for (const core of [inThread(), inWorker()]) {
    const incident = newIncident(core);
    const summary = await importFile(core, incident, file, options);
    results.push({ summary: { ...summary, batchId: undefined, ms: undefined }, ...stored(core, incident) });
  }
  return results;
}

describe('import: reading in a worker thread', () => {
  it('stores exactly what reading in this thread stores, across blocks, parts, quarantined rows and duplicates', async () => {
    const [here, there] = await importBoth(bigCsv(tempDir()));
    assert.equal(here.summary.rows, 25_000);
    assert.ok(here.summary.rejected === 5 && here.summary.duplicates > 0, 'the file has bad rows and duplicates');
    assert.deepEqual(there, here);
  });

  for (const [name, options] of [
    ['talkwalker.csv', { timezone: 'Europe/Moscow' }],
    ['meltwater.tsv', {}],
    ['generic-cp1251.csv', {}],
    ['generic-utf16be.csv', {}],
    ['invalid-utf8.csv', {}],
    ['inconsistent-columns.csv', {}],
    ['unclosed-quote.csv', {}],
    ['reddit.jsonl', {}],
    ['generic.jsonl', { mapping: { text: 'message', date: 'created_at', author: 'user.name', nativeId: 'id', platform: 'source' } }],
  ] as [string, ImportOptions][]) {
    it(`${name}: the same mentions, quarantine and batch`, async () => {
      const [here, there] = await importBoth(fixture(name), options);
      assert.ok(here.mentions.length + here.quarantine.length > 0);
      assert.deepEqual(there, here);
    });
  }

  for (const [name, message] of [
    ['empty.csv', /empty\.csv: .*empty/i],
    ['binary.csv', /binary\.csv: looks like a binary file/],
    ['header-only.csv', /header-only\.csv: has a header but no rows/],
  ] as [string, RegExp][]) {
    it(`${name} is refused with the same message and nothing is written`, async () => {
      const core = inWorker();
      const incident = newIncident(core);
      const outcome = await importFile(core, incident, fixture(name)).then(
        (s) => s.error ?? '',
        (err: unknown) => (err instanceof FirebreakError ? err.message : String(err)),
      );
      assert.match(outcome, message);
      assert.equal(countRows(core, 'mentions'), 0);
    });
  }

  it('a field that runs on fails the import with the row, and the database is as before', async () => {
    const core = inWorker();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('pulsar.csv'));
    const summary = await importFile(core, incident, runawayCsv(tempDir(), 3000, 'ж'));
    assert.equal(summary.status, 'failed');
    assert.match(summary.error ?? '', /runaway\.csv: row 3,002: a quoted field runs on/);
    assert.deepEqual(summary.problem, { code: 'runaway_field', params: { row: 3002, millions: 64 } });
    assert.equal(countRows(core, 'mentions'), 2);
  });

  it("the file's hash is known by the time its last block is handed out", async () => {
    const file = bigCsv(tempDir());
    const source = await openParsedSourceInWorker(file, { timezone: 'UTC' });
    let rows = 0;
    for await (const block of source.blocks()) rows += block.rows; // ends by closing the worker
    assert.equal(rows, 25_000);
    // Sent apart from the end, the hash could still be on its way when the end closed the worker, and the import
    // awaiting it then waited for ever (seen on CI: the test process ran out of work mid-import).
    const known = await Promise.race([source.sha256, Promise.resolve('not yet')]);
    assert.equal(known, createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });

  it('a reader closed before its end fails what is still awaited from it instead of leaving it waiting', async () => {
    const source = await openParsedSourceInWorker(bigCsv(tempDir()), { timezone: 'UTC' });
    source.close();
    await assert.rejects(settles(source.sha256, 'the hash'), /the import's file reader was closed/);
    await assert.rejects(settles(source.blocks().next(), 'the next block'), /the import's file reader was closed/);
  });

  it('cancelling stops the worker and leaves the mentions as they were', async () => {
    const core = inWorker();
    const incident = newIncident(core);
    await importFile(core, incident, fixture('pulsar.csv'));
    const started = await core.imports.start({ file: bigCsv(tempDir()), incidentId: incident, actor: ANN, options: { timezone: 'UTC' } });
    const stop = core.events.subscribe((e) => {
      if (e.type === 'import.progress') core.imports.cancel(e.job.jobId);
    });
    const summary = await started.done;
    stop();
    assert.equal(summary.status, 'cancelled');
    assert.equal(countRows(core, 'mentions'), 2);
    assert.equal(countRows(core, 'mentions_fts_docsize'), 2);
    // A worker left running would keep this test file's process alive past its end (node:test then reports it).
  });
});
