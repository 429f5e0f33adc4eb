import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { needsUpdate } from '../../electron/core/db/needs-update';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/db/open-database';
import { updatingNoticeHtml } from '../../electron/main/updating-notice-html';
import { FirebreakError } from '../../shared/errors';
import { tempDir } from './helpers';

/** Incident 'i' with a completed import 'b', written as an older schema would hold them. */
function oldImport(db: BetterSqlite3.Database): void {
  db.prepare(`INSERT INTO incidents (id, title, status, phase, created_at, created_by, updated_at) VALUES ('i', 'Old', 'active', 'during', 1, 'Ann', 1)`).run();
  db.prepare(`INSERT INTO import_batches (id, incident_id, file_name, file_size, format, mapping, options, status, created_by, started_at)
    VALUES ('b', 'i', 'f.csv', 1, 'csv', '{}', '{}', 'complete', 'Ann', 1)`).run();
}

describe('migrations', () => {
  it('an earlier version\'s database is known to need updating before it is opened (the app says so meanwhile)', () => {
    const dir = tempDir();
    assert.equal(needsUpdate(dir), false, 'no database yet: nothing to update');
    openDatabase(dir, { migrateUpTo: MIGRATIONS.at(-2)!.id }).close();
    assert.equal(needsUpdate(dir), true);
    openDatabase(dir).close();
    assert.equal(needsUpdate(dir), false, 'up to date');
    const junk = tempDir();
    fs.writeFileSync(path.join(junk, DB_FILE_NAME), 'not a database');
    assert.equal(needsUpdate(junk), false, 'unreadable: opening it says what is wrong');

    assert.match(updatingNoticeHtml('en'), /<html lang="en" dir="ltr">[\s\S]*Updating Firebreak&#39;s database for this version/);
    assert.match(updatingNoticeHtml('fa'), /<html lang="fa" dir="rtl">[\s\S]*پایگاه داده/);
    assert.match(updatingNoticeHtml('ru'), /default-src 'none'/);
  });

  it('brings a new database to the latest version and records each step once', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    assert.equal(schemaVersion(db), MIGRATIONS.length);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    db.close();
    const again = openDatabase(dir);
    const rows = again.prepare('SELECT id, name FROM schema_migrations').all();
    assert.deepEqual(rows, MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    again.close();
  });

  it('refuses a database written by a newer or foreign version, and leaves it untouched', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const raw = new BetterSqlite3(path.join(dir, DB_FILE_NAME));
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from-the-future', 0)").run();
    raw.close();
    assert.throws(
      () => openDatabase(dir),
      (err: unknown) => err instanceof FirebreakError && err.code === 'CONFLICT' && /999 "from-the-future"/.test(err.message),
    );
    const check = new BetterSqlite3(path.join(dir, DB_FILE_NAME));
    assert.equal((check.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n, MIGRATIONS.length + 1);
    check.close();
  });

  it('migrates N-1 -> N keeping existing rows, and a failing step leaves nothing half-applied', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm.sqlite'));
    const next = MIGRATIONS.length + 1;
    const withNext = [...MIGRATIONS, { id: next, name: 'add-note', sql: "ALTER TABLE incidents ADD COLUMN note TEXT NOT NULL DEFAULT 'n/a'" }];
    migrate(db, withNext, MIGRATIONS.length);
    db.prepare(`INSERT INTO incidents (id, title, status, phase, created_at, created_by, updated_at)
      VALUES ('a', 'Kept', 'active', 'during', 1, 'Ann', 1)`).run();
    migrate(db, withNext);
    assert.deepEqual(db.prepare('SELECT title, note FROM incidents').get(), { title: 'Kept', note: 'n/a' });

    const broken = [...withNext, { id: next + 1, name: 'broken', sql: 'CREATE TABLE t1 (x); THIS IS NOT SQL' }];
    assert.throws(() => migrate(db, broken));
    assert.equal(schemaVersion(db), next);
    assert.equal(db.prepare("SELECT name FROM sqlite_master WHERE name = 't1'").get(), undefined);
    db.close();
  });

  it('0012 copies existing mentions\' reach and engagement into the narrow facts, and keeps them in step', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm12.sqlite'));
    migrate(db, MIGRATIONS, 11);
    oldImport(db);
    const insert = db.prepare(`INSERT INTO mentions (incident_id, batch_id, dedup_key, platform, text, lang, published_at, hour, reach, engagement)
      VALUES ('i', 'b', ?, 'x', 't', 'en', 600000, 0, ?, ?)`);
    insert.run('k1', 500, 7);
    insert.run('k2', null, null);
    db.exec('INSERT INTO mention_facts SELECT id, incident_id, published_at, platform, lang, sentiment FROM mentions'); // as the v11 writer did
    migrate(db, MIGRATIONS);
    assert.deepEqual(db.prepare('SELECT reach, engagement FROM mention_facts ORDER BY id').all(), [{ reach: 500, engagement: 7 }, { reach: null, engagement: null }]);
    db.prepare("UPDATE mentions SET reach = 900 WHERE dedup_key = 'k2'").run();
    assert.deepEqual(db.prepare('SELECT reach FROM mention_facts ORDER BY id').pluck().all(), [500, 900]);
    db.close();
  });

  it('0016 gives quarantined rows the code of a reason that quotes nothing; the others keep their English reason', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm16.sqlite'));
    migrate(db, MIGRATIONS, 15);
    oldImport(db);
    const insert = db.prepare(`INSERT INTO import_quarantine (batch_id, incident_id, file_name, row_number, reason, raw, created_at) VALUES ('b', 'i', 'f.csv', ?, ?, '{}', 1)`);
    const reasons = ['no date', "contains bytes that are not valid UTF-8 (is the file's encoding right?)", 'has 2 fields where the header has 3'];
    reasons.forEach((reason, i) => insert.run(i + 2, reason));
    migrate(db, MIGRATIONS);
    assert.deepEqual(db.prepare('SELECT reason, reason_code, reason_params FROM import_quarantine ORDER BY row_number').all(), [
      { reason: reasons[0], reason_code: 'no_date', reason_params: '{}' },
      { reason: reasons[1], reason_code: 'invalid_bytes', reason_params: '{}' },
      { reason: reasons[2], reason_code: null, reason_params: null },
    ]);
    db.close();
  });

  it('0017 gives a batch a crash cut off the code of its reason; other failures keep their English', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm17.sqlite'));
    migrate(db, MIGRATIONS, 16);
    oldImport(db);
    const insert = db.prepare(`INSERT INTO import_batches (id, incident_id, file_name, file_size, format, mapping, options, status, error, created_by, started_at)
      VALUES (?, 'i', 'f.csv', 1, 'csv', '{}', '{}', 'failed', ?, 'Ann', 2)`);
    insert.run('b1', 'interrupted: Firebreak closed during the import');
    insert.run('b2', 'f.csv: row 5: a quoted field runs on for more than 64 million characters: a quote that is never closed?');
    migrate(db, MIGRATIONS);
    assert.deepEqual(db.prepare("SELECT id, error_code, error_params FROM import_batches WHERE status = 'failed' ORDER BY id").all(), [
      { id: 'b1', error_code: 'interrupted', error_params: '{}' },
      { id: 'b2', error_code: null, error_params: null },
    ]);
    db.close();
  });

  it('0003 gives existing mentions their shown sentiment and builds the chart rollup from them', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm3.sqlite'));
    migrate(db, MIGRATIONS, 2);
    oldImport(db);
    const insert = db.prepare(`INSERT INTO mentions (incident_id, batch_id, dedup_key, platform, text, lang, published_at, hour, source_sentiment)
      VALUES ('i', 'b', ?, 'x', 't', 'en', ?, 0, ?)`);
    insert.run('k1', 600_000, -0.8);
    insert.run('k2', 610_000, 0.5);
    insert.run('k3', 620_000, null);
    migrate(db, MIGRATIONS);
    assert.deepEqual(db.prepare('SELECT sentiment FROM mentions ORDER BY id').pluck().all(), [-1, 1, null]);
    assert.deepEqual(db.prepare('SELECT size, bucket, sentiment, n FROM rollup_time ORDER BY size, sentiment').all(), [
      { size: 300_000, bucket: 2, sentiment: -1, n: 1 },
      { size: 300_000, bucket: 2, sentiment: 1, n: 1 },
      { size: 300_000, bucket: 2, sentiment: 2, n: 1 },
      { size: 3_600_000, bucket: 0, sentiment: -1, n: 1 },
      { size: 3_600_000, bucket: 0, sentiment: 1, n: 1 },
      { size: 3_600_000, bucket: 0, sentiment: 2, n: 1 },
      { size: 86_400_000, bucket: 0, sentiment: -1, n: 1 },
      { size: 86_400_000, bucket: 0, sentiment: 1, n: 1 },
      { size: 86_400_000, bucket: 0, sentiment: 2, n: 1 },
    ]);
    assert.equal(db.prepare('SELECT SUM(n) FROM rollup_day').pluck().get(), 3);
    assert.equal(db.prepare('SELECT COUNT(*) FROM mentions INDEXED BY mentions_unscored WHERE engine_sentiment IS NULL').pluck().get(), 3, 'all wait for the engine');
    db.close();
  });
});
