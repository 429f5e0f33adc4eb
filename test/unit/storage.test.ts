import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../../electron/core/app-core';
import { DB_FILE_NAME } from '../../electron/core/db/open-database';
import { openFailureText } from '../../electron/core/db/open-failure';
import { createDispatcher } from '../../electron/transport/dispatch';
import { FirebreakError, type ApiError, type Said } from '../../shared/errors';
import { uiLanguageOf } from '../../shared/locales';
import { en } from '../../shared/locales/en';
import { fa } from '../../shared/locales/fa';
import { ru } from '../../shared/locales/ru';
import type { FirebreakEvent } from '../../shared/events';
import { fixture, importFile, mentionsOf, newIncident } from './import-helpers';
import { ANN, countRows, tempDir, testCore } from './helpers';

const BIN = path.resolve(__dirname, '..', '..', 'electron', 'cli', 'firebreak.cjs');
const quiet = { error: () => {} };

function openError(dataDir: string): FirebreakError {
  try {
    createCore({ dataDir }).close();
  } catch (err) {
    assert.ok(err instanceof FirebreakError, String(err));
    return err;
  }
  assert.fail('the database opened');
}

function said(error: ApiError | undefined): Said['params'] & { key: string } {
  const say = (error?.details as { say?: Said } | undefined)?.say;
  assert.ok(say, JSON.stringify(error));
  return { key: say.key, ...say.params };
}

/** Lets the database grow by at most `pages` more pages: SQLite then fails a write as a full disk would. */
function fillDisk(db: BetterSqlite3.Database, pages = 0): void {
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + pages}`);
}

function csvOf(rows: number): string {
  const file = path.join(tempDir(), 'mentions.csv');
  const lines = Array.from({ length: rows }, (_, i) => `2026-11-21 10:${String(i % 60).padStart(2, '0')},user${i},${'refund bottle recall '.repeat(20)}${i}`);
  fs.writeFileSync(file, ['date,author,text', ...lines].join('\n'));
  return file;
}

describe('storage problems', () => {
  it('a damaged database file is refused at start-up, naming it and what to do, and is left as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]);
    fs.writeFileSync(file, bytes);
    const err = openError(dir);
    assert.equal(err.code, 'STORAGE');
    assert.equal(err.message, `Firebreak cannot open its database ${file}. ${en.errors.storage.damaged}`);
    // The desktop app says it in the laptop's language, before any page is up.
    const inPersian = openFailureText(err, 'fa');
    assert.equal(inPersian.title, fa.errors.cannotStart);
    assert.ok(inPersian.body.includes(file) && inPersian.body.endsWith(fa.errors.storage.damaged), inPersian.body);
    assert.deepEqual(fs.readFileSync(file), bytes);
    assert.deepEqual(fs.readdirSync(dir), [DB_FILE_NAME]);
  });

  it("a newer Firebreak's database is refused in the laptop's language too", () => {
    const dir = tempDir();
    createCore({ dataDir: dir }).close();
    const raw = new BetterSqlite3(path.join(dir, DB_FILE_NAME));
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from-the-future', 0)").run();
    raw.close();
    const err = openError(dir);
    assert.equal(err.code, 'CONFLICT');
    assert.match(err.message, /^Firebreak cannot open its database .*firebreak\.sqlite\. It was written by a newer .*999 "from-the-future"/);
    const inRussian = openFailureText(err, 'ru').body;
    assert.ok(inRussian.startsWith('Firebreak не может открыть свою базу данных') && inRussian.includes('999 «from-the-future»'), inRussian);
    assert.equal(openFailureText(err, 'ru').title, ru.errors.cannotStart);
  });

  it('the command line says which file is damaged and exits non-zero', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), Buffer.alloc(4096, 0x07));
    const run = spawnSync(process.execPath, [BIN, 'incident', 'list', '--data-dir', dir], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`cannot open its database ${path.join(dir, DB_FILE_NAME)}. ${en.errors.storage.damaged}`), run.stderr);
  });

  it('a write the full disk refuses is said as such, changes nothing, and works once there is space', async () => {
    const core = testCore();
    const dispatch = createDispatcher(core, 'desktop', quiet);
    const before = countRows(core, 'incidents');
    fillDisk(core.db);
    const refused = await dispatch('incidents.create', { title: 'Leak', description: 'x'.repeat(9_000) }, ANN);
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'STORAGE');
    assert.deepEqual(said(refused.error), { key: 'storage', storage: 'diskFull' });
    assert.equal(refused.error.message, `${en.errors.storage.diskFull} If you were changing something, it was not saved.`);
    assert.equal(countRows(core, 'incidents'), before);
    fillDisk(core.db, 10_000);
    assert.ok((await dispatch('incidents.create', { title: 'Leak', description: 'x'.repeat(9_000) }, ANN)).ok);
  });

  it('a read-only database and a lock held by another program are said, not "internal error"', async () => {
    const core = testCore();
    const dispatch = createDispatcher(core, 'desktop', quiet);
    core.db.pragma('query_only = 1'); // writes now fail as on a read-only disk (SQLITE_READONLY)
    const readOnly = await dispatch('incidents.create', { title: 'Leak' }, ANN);
    assert.deepEqual(said(readOnly.ok ? undefined : readOnly.error), { key: 'storage', storage: 'readOnly' });
    core.db.pragma('query_only = 0');

    const other = new BetterSqlite3(path.join(core.dataDir, DB_FILE_NAME));
    other.exec('BEGIN IMMEDIATE'); // another process writing, past this connection's busy timeout
    try {
      const busy = await dispatch('incidents.create', { title: 'Leak' }, ANN);
      assert.deepEqual(said(busy.ok ? undefined : busy.error), { key: 'storage', storage: 'busy' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.ok((await dispatch('incidents.create', { title: 'Leak' }, ANN)).ok);
  });

  it('an import the full disk stops fails whole, says why for the batch, and imports in full once there is space', async () => {
    const core = testCore();
    const incidentId = newIncident(core);
    const file = csvOf(3000);
    fillDisk(core.db, 60);
    const failed = await importFile(core, incidentId, file);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.problem, { code: 'storage', params: { storage: 'diskFull' } });
    assert.equal(failed.error, `mentions.csv: nothing of it was stored. ${en.errors.storage.diskFull}`);
    assert.equal(countRows(core, 'mentions'), 0);
    const batch = core.imports.batches(incidentId)[0];
    assert.deepEqual([batch.status, batch.problem], ['failed', failed.problem]);

    fillDisk(core.db, 100_000);
    const done = await importFile(core, incidentId, file);
    assert.deepEqual([done.status, done.imported], ['complete', 3000]);
    assert.equal(mentionsOf(core, incidentId).length, 500); // a page of them
  });

  it('an import still finishes for the windows and the room when its timeline line cannot be written', async () => {
    const core = testCore();
    const incidentId = newIncident(core);
    const heard: FirebreakEvent['type'][] = [];
    core.events.subscribe((e) => heard.push(e.type)); // as the windows' and the room's streams subscribe, after the core
    // The core's own listener writes the import's timeline line; the database refuses it (as a full disk would).
    core.db.exec("CREATE TEMP TRIGGER refuse_line BEFORE INSERT ON timeline_entries BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const summary = await importFile(core, incidentId, fixture('brandwatch.csv'));
    assert.deepEqual([summary.status, summary.imported], ['complete', 4]);
    assert.ok(heard.includes('import.finished') && heard.includes('mentions.changed'), heard.join());
  });

  it("picks the laptop's first preferred language that Firebreak speaks", () => {
    assert.equal(uiLanguageOf(['de-DE', 'fa-IR', 'en-US']), 'fa');
    assert.equal(uiLanguageOf(['uk_UA']), 'uk');
    assert.equal(uiLanguageOf(['EL']), 'el');
    assert.equal(uiLanguageOf(['zh-CN', 'de']), 'en');
    assert.equal(uiLanguageOf([]), 'en');
  });
});

describe('an import cut off by a crash, when the database is held at the next start', () => {
  it('does not stop Firebreak from starting: the batch is taken out at a later start', () => {
    const dir = tempDir();
    const first = createCore({ dataDir: dir });
    const incidentId = newIncident(first);
    // What a crash mid-import leaves: a batch still "running".
    first.db.prepare(`INSERT INTO import_batches (id, incident_id, file_name, file_size, format, mapping, options, status, created_by, started_at)
      VALUES ('cut-off', ?, 'export.csv', 10, 'csv', '{}', '{}', 'running', 'Ann', 1)`).run(incidentId);
    first.close();

    const other = new BetterSqlite3(path.join(dir, DB_FILE_NAME));
    other.exec('BEGIN IMMEDIATE'); // another program writing while Firebreak starts, past its 5-second wait
    let started;
    try {
      started = createCore({ dataDir: dir });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    assert.equal(started.imports.batches(incidentId)[0].status, 'running');
    started.close();
    const later = createCore({ dataDir: dir });
    assert.deepEqual(later.imports.batches(incidentId).map((b) => [b.status, b.problem?.code]), [['failed', 'interrupted']]);
    later.close();
  });
});
