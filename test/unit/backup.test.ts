import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { backupProblemOf } from '../../electron/core/backup/backup-folder';
import { restoreWholeBackup } from '../../electron/core/backup/backup-restore';
import { openDatabase } from '../../electron/core/db/open-database';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { BackupContents, BackupStatus } from '../../shared/api/backup';
import type { FirebreakError, Said } from '../../shared/errors';
import { ANN, countRows, tempDir, testCore } from './helpers';
import { at, constructedCrisis } from './review-fixture';

type TestCore = ReturnType<typeof testCore>;

const said = (key: Said['key'], params?: Record<string, string | number>) => (e: FirebreakError) => {
  const say = (e.details as { say?: Said } | undefined)?.say;
  assert.equal(say?.key, key, e.message);
  if (params) assert.deepEqual(say?.params, params);
  return true;
};

/** What the incident's people see of it, compared between the live database and a restored copy. */
function picture(core: TestCore, id: string) {
  return {
    incident: (({ title, status, level, openedAt }) => ({ title, status, level, openedAt }))(core.incidents.get(id)),
    timeline: core.timeline.list(id).map((e) => [e.kind, e.occurredAt, e.text]),
    statements: core.statements.list(id).map((s) => [s.title, s.state, s.version]),
    mentions: core.mentions.search({ incidentId: id }, { sort: 'time', direction: 'asc', offset: 0, limit: 500 }).rows.map((m) => [m.text, m.publishedAt]),
    search: core.mentions.search({ incidentId: id, query: 'Southfield' }, { sort: 'time', direction: 'asc', offset: 0, limit: 500 }).total,
    audit: core.audit.verify(id).ok,
  };
}

const newIncident = (core: TestCore, title: string) => core.incidents.create(newIncidentSchema.parse({ title, status: 'active' }), ANN).id;

/** Reads a backup file as any SQLite tool would, without Firebreak. */
function inBackup<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('backups of the database', () => {
  it('a backup now is a whole, plain SQLite file in the data folder\'s backups folder, and nothing half-written is left', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const status = await core.backups.backUpNow();
    assert.equal(status.files.length, 1);
    assert.equal(status.folder, path.join(core.dataDir, 'backups'));
    assert.equal(status.lastAt, status.files[0].at);
    assert.equal(status.failure, null);
    assert.equal(status.changed, false);
    const file = path.join(status.folder, status.files[0].name);
    assert.match(status.files[0].name, /^firebreak-backup-\d{8}-\d{6}Z\.sqlite$/);
    assert.deepEqual(fs.readdirSync(status.folder), [status.files[0].name]);
    // Not in WAL mode: it opens read-only from anywhere (a write-protected USB drive), with no -wal beside it.
    assert.deepEqual([...fs.readFileSync(file).subarray(18, 20)], [1, 1]);
    inBackup(file, (db) => {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM mentions WHERE incident_id = ?').get(id) as { n: number }).n, countRows(core, 'mentions'));
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM timeline_entries').get() as { n: number }).n, countRows(core, 'timeline_entries'));
    });
  });

  it('a folder on another disk gets a copy of the snapshot taken on this one; nothing is left behind on either', async (t) => {
    const core = testCore();
    const other = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/firebreak-usb-') : null;
    if (!other || fs.statSync(other).dev === fs.statSync(core.dataDir).dev) return t.skip('no second file system here');
    t.after(() => fs.rmSync(other, { recursive: true, force: true }));
    const id = newIncident(core, 'Two disks');
    await core.backups.configure({ enabled: true, folder: other, everyMinutes: 10, keep: 3 });
    const [made] = (await core.backups.backUpNow()).files;
    assert.deepEqual(fs.readdirSync(other), [made.name]);
    assert.deepEqual(fs.readdirSync(path.join(core.dataDir, 'tmp')), []);
    inBackup(path.join(other, made.name), (db) => assert.equal(db.prepare('SELECT title FROM incidents WHERE id = ?').pluck().get(id), 'Two disks'));
  });

  it('the schedule: due every N minutes when something changed, never while an import is being written, off when switched off', async () => {
    const core = testCore();
    const id = newIncident(core, 'Schedule');
    await core.backups.configure({ enabled: true, folder: null, everyMinutes: 10, keep: 10 });
    // Never backed up: due at once.
    assert.equal(core.backups.status().nextAt, core.clock.now);
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 1);
    const first = core.backups.status().files[0].at;
    // Then every ten minutes after the last one, when something changed.
    core.timeline.add({ incidentId: id, kind: 'note', occurredAt: core.clock.now, author: ANN.name, text: 'Statement drafted' });
    assert.equal(core.backups.status().nextAt, first + 10 * 60_000);
    core.clock.now = first + 10 * 60_000 - 1000;
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 1, 'not due yet');
    core.clock.now = first + 10 * 60_000;
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 2, 'due, and something changed');

    core.clock.now += 20 * 60_000;
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 2, 'nothing changed since');
    assert.equal(core.backups.status().changed, false);

    core.timeline.add({ incidentId: id, kind: 'note', occurredAt: core.clock.now, author: ANN.name, text: 'Legal on the line' });
    assert.equal(core.backups.status().changed, true);
    // An import being written: a copy now would hold half of it.
    const file = path.join(tempDir(), 'many.csv');
    fs.writeFileSync(file, `id,date,text,author\n${Array.from({ length: 3000 }, (_, i) => `${i},2026-11-01T08:00:00Z,Northwind juice ${i},user${i}`).join('\n')}\n`);
    const importing = await core.imports.start({ file, incidentId: id, options: { timezone: 'UTC' }, actor: ANN });
    assert.equal(core.imports.activeJobs().length, 1);
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 2, 'waits for the import');
    await importing.done;
    core.clock.now += 1000;
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 3, 'made once the import is complete');

    // Closing: what changed since the last backup is backed up, due or not; nothing when nothing changed.
    core.timeline.add({ incidentId: id, kind: 'note', occurredAt: core.clock.now, author: ANN.name, text: 'Handover to the night shift' });
    core.clock.now += 60_000;
    assert.match((await core.backups.backUpBeforeClosing())!, /firebreak-backup-.*\.sqlite$/);
    assert.equal(core.backups.status().files.length, 4);
    assert.equal(await core.backups.backUpBeforeClosing(), null);
    assert.equal(core.backups.status().files.length, 4);

    await core.backups.configure({ enabled: false, folder: null, everyMinutes: 10, keep: 10 });
    core.timeline.add({ incidentId: id, kind: 'note', occurredAt: core.clock.now, author: ANN.name, text: 'Later' });
    core.clock.now += 60 * 60_000;
    await core.backups.runDue();
    assert.equal(core.backups.status().files.length, 4, 'off');
    assert.equal(await core.backups.backUpBeforeClosing(), null, 'off');
    assert.equal(core.backups.status().nextAt, null);
  });

  it('keeps the newest N and leaves other files in the folder alone; settings survive a restart and a damaged settings file', async () => {
    const dataDir = tempDir();
    const folder = tempDir('firebreak-usb-');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not ours');
    const core = testCore({ dataDir });
    await core.backups.configure({ enabled: true, folder, everyMinutes: 5, keep: 2 });
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      core.clock.now += 60_000;
      newIncident(core, `Crisis ${i}`);
      names.push((await core.backups.backUpNow()).files[0].name);
    }
    assert.deepEqual(fs.readdirSync(folder).sort(), [...names.slice(2), 'notes.txt'].sort());
    core.close();

    const again = testCore({ dataDir });
    assert.deepEqual(again.backups.status().settings, { enabled: true, folder, everyMinutes: 5, keep: 2, encrypted: false });
    assert.equal(again.backups.status().files[0].name, names[3]);
    again.close();
    fs.writeFileSync(path.join(dataDir, 'backup-settings.json'), '{"enabled": tr');
    const third = testCore({ dataDir });
    assert.deepEqual(third.backups.status().settings, { enabled: true, folder: null, everyMinutes: 10, keep: 6, encrypted: false });
  });

  it('a folder that is not there is said, never created (an unplugged USB drive must not become a folder on this disk)', async () => {
    const core = testCore();
    const usb = path.join(tempDir('firebreak-media-'), 'USB-STICK');
    await assert.rejects(core.backups.configure({ enabled: true, folder: usb, everyMinutes: 10, keep: 3 }), said('backupFolder', { folder: usb, backupWhy: 'folderMissing' }));
    assert.equal(core.backups.status().settings.folder, null, 'nothing saved');

    fs.mkdirSync(usb);
    await core.backups.configure({ enabled: true, folder: usb, everyMinutes: 10, keep: 3 });
    await core.backups.backUpNow();
    fs.rmSync(usb, { recursive: true });
    await assert.rejects(core.backups.backUpNow(), said('backupFolder', { folder: usb, backupWhy: 'folderMissing' }));
    assert.equal(fs.existsSync(usb), false);
    assert.equal(core.backups.status().failure?.problem, 'folderMissing');
    const notAFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notAFolder, '');
    await assert.rejects(core.backups.configure({ enabled: true, folder: notAFolder, everyMinutes: 10, keep: 3 }), said('backupFolder', { folder: notAFolder, backupWhy: 'folderMissing' }));

    fs.mkdirSync(usb);
    const back = await core.backups.backUpNow();
    assert.equal(back.failure, null, 'the next backup made clears the failure');
    assert.equal(back.files.length, 1);
  });

  it('tells what a person can do from the system\'s error codes', () => {
    assert.deepEqual(['ENOENT', 'EACCES', 'EROFS', 'ENOSPC', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'EIO', 'SQLITE_IOERR_WRITE', 'EWHATEVER'].map((code) => backupProblemOf({ code })),
      ['folderMissing', 'notWritable', 'notWritable', 'diskFull', 'diskFull', 'notWritable', 'ioError', 'ioError', 'other']);
  });

  it('restores an incident from a backup on another laptop as it was, and on this one by replacing it or keeping both', async () => {
    const a = testCore();
    const id = await constructedCrisis(a);
    const status = await a.backups.backUpNow();
    const file = path.join(status.folder, status.files[0].name);
    const before = picture(a, id);

    const b = testCore();
    const contents = await b.backups.contents(file, status.files[0].name);
    assert.equal(contents.madeAt, status.files[0].at);
    assert.deepEqual(contents.incidents.map((i) => [i.id, i.title, i.status, i.mentions, i.here]), [[id, 'Constructed juice crisis', before.incident.status, before.mentions.length, false]]);
    const restored = await b.backups.restore(file, status.files[0].name, id);
    assert.equal(restored.id, id);
    assert.deepEqual(picture(b, id), before);
    assert.deepEqual(fs.readdirSync(path.join(b.dataDir, 'tmp')), [], 'the working copy is removed');

    // After the backup, work went on here; the backup brings back the incident as it was then.
    a.timeline.add({ incidentId: id, kind: 'note', occurredAt: at(10), author: ANN.name, text: 'Written after the backup' });
    assert.equal((await a.backups.contents(file, 'x')).incidents[0].here, true);
    await assert.rejects(a.backups.restore(file, 'x', id), (e: FirebreakError & { details?: { title?: string } }) => e.code === 'CONFLICT' && e.details?.title === 'Constructed juice crisis');
    const copy = await a.backups.restore(file, 'x', id, 'keep-both');
    assert.notEqual(copy.id, id);
    assert.equal(countRows(a, 'incidents'), 2);
    await a.backups.restore(file, 'x', id, 'replace');
    assert.deepEqual(picture(a, id), before, 'the note written after the backup is gone with the replaced copy');
  });

  it('restores from a dead laptop\'s own firebreak.sqlite, its last minutes of work (still in the write-ahead log beside it) included', async () => {
    const dead = testCore();
    const id = await constructedCrisis(dead);
    dead.timeline.add({ incidentId: id, kind: 'decision', occurredAt: at(10), author: ANN.name, text: 'Recall batch L-2207' });
    // The laptop dies: its disk holds the database file and its WAL as they were, the last changes only in the WAL.
    const disk = tempDir('firebreak-dead-disk-');
    for (const name of ['firebreak.sqlite', 'firebreak.sqlite-wal']) fs.copyFileSync(path.join(dead.dataDir, name), path.join(disk, name));
    assert.ok(fs.statSync(path.join(disk, 'firebreak.sqlite-wal')).size > 0);
    const before = picture(dead, id);

    const spare = testCore();
    const lastWritten = fs.statSync(path.join(disk, 'firebreak.sqlite-wal')).mtimeMs;
    assert.equal((await spare.backups.contents(path.join(disk, 'firebreak.sqlite'), 'firebreak.sqlite')).madeAt, Math.round(lastWritten), 'as of its last write');
    await spare.backups.restore(path.join(disk, 'firebreak.sqlite'), 'firebreak.sqlite', id);
    assert.deepEqual(picture(spare, id), before);
    assert.ok(spare.timeline.list(id).some((e) => e.text === 'Recall batch L-2207'));
  });

  it('the whole backup as the database of a spare laptop\'s empty data folder; never over a database already there', async () => {
    const host = testCore();
    const id = await constructedCrisis(host);
    const status = await host.backups.backUpNow();
    const file = path.join(status.folder, status.files[0].name);
    const before = picture(host, id);

    const spareDir = path.join(tempDir(), 'spare');
    await restoreWholeBackup(file, status.files[0].name, spareDir);
    assert.deepEqual(fs.readdirSync(spareDir), ['firebreak.sqlite'], 'no staging copy left');
    const spare = testCore({ dataDir: spareDir });
    assert.deepEqual(picture(spare, id), before);
    assert.equal(countRows(spare, 'incidents'), countRows(host, 'incidents'));
    spare.close();

    const bytes = fs.readFileSync(path.join(spareDir, 'firebreak.sqlite'));
    await assert.rejects(restoreWholeBackup(file, 'b.sqlite', spareDir), said('dataFolderInUse', { folder: spareDir }));
    assert.ok(fs.readFileSync(path.join(spareDir, 'firebreak.sqlite')).equals(bytes), 'the database there is left as it was');
    const other = path.join(tempDir(), 'other');
    await assert.rejects(restoreWholeBackup(path.resolve(__filename), 'backup.test.ts', other), said('notABackup', { file: 'backup.test.ts' }));
    assert.equal(fs.existsSync(path.join(other, 'firebreak.sqlite')), false);
  });

  it('encrypted backups: nothing readable on the USB drive; this laptop opens its own, another needs the passphrase; a wrong one or an altered file is refused', async () => {
    const host = testCore();
    const id = await constructedCrisis(host);
    const usb = tempDir('firebreak-usb-');
    const settings = { enabled: true, folder: usb, everyMinutes: 10, keep: 5, encrypted: true };
    await assert.rejects(host.backups.configure(settings), said('passphraseNeeded'));
    await assert.rejects(host.backups.configure({ ...settings, passphrase: 'short' }), said('passphraseShort', { min: 8 }));
    const phrase = 'orange juice at dawn';
    assert.equal((await host.backups.configure({ ...settings, passphrase: phrase })).passphraseSet, true);
    assert.equal(fs.statSync(path.join(host.dataDir, 'backup-key.json')).mode & 0o777, 0o600);

    const status = await host.backups.backUpNow();
    const [made] = status.files;
    assert.equal(made.encrypted, true);
    assert.match(made.name, /^firebreak-backup-\d{8}-\d{6}Z\.sqlite\.enc$/);
    assert.deepEqual(fs.readdirSync(usb), [made.name], 'only the encrypted file reaches the drive');
    assert.deepEqual(fs.readdirSync(path.join(host.dataDir, 'tmp')), [], 'the copy in the clear is removed');
    const file = path.join(usb, made.name);
    const bytes = fs.readFileSync(file);
    for (const clear of ['SQLite format 3', 'Constructed juice crisis', 'Northwind']) assert.equal(bytes.includes(Buffer.from(clear)), false, clear);
    assert.deepEqual((await host.backups.contents(file, made.name)).incidents.map((i) => i.id), [id], 'this laptop has the key');

    const spare = testCore();
    await assert.rejects(spare.backups.contents(file, made.name), said('backupLocked', { file: made.name }));
    await assert.rejects(spare.backups.contents(file, made.name, 'orange juice at dusk'), said('backupPassphrase', { file: made.name }));
    assert.deepEqual((await spare.backups.contents(file, made.name, phrase)).incidents.map((i) => i.id), [id]);
    await assert.rejects(spare.backups.restore(file, made.name, id, undefined, 'wrong passphrase'), said('backupPassphrase'));
    assert.equal(countRows(spare, 'incidents'), 0);
    await spare.backups.restore(file, made.name, id, undefined, phrase);
    assert.deepEqual(picture(spare, id), picture(host, id));

    const altered = path.join(tempDir(), made.name);
    bytes[Math.floor(bytes.length / 2)] ^= 1;
    fs.writeFileSync(altered, bytes);
    await assert.rejects(spare.backups.contents(altered, made.name, phrase), said('backupPassphrase'));
    assert.deepEqual(fs.readdirSync(path.join(spare.dataDir, 'tmp')), [], 'nothing decrypted is left behind');

    const takeover = path.join(tempDir(), 'takeover');
    await assert.rejects(restoreWholeBackup(file, made.name, takeover), said('backupLocked'));
    await restoreWholeBackup(file, made.name, takeover, {}, phrase);
    assert.deepEqual(fs.readdirSync(takeover), ['firebreak.sqlite']);

    // A new passphrase: the next backups use it; the older ones still need the old one, even here.
    await host.backups.configure({ ...settings, passphrase: 'a new phrase for the team' });
    await assert.rejects(host.backups.contents(file, made.name), said('backupLocked'));
    assert.equal((await host.backups.contents(file, made.name, phrase)).incidents.length, 1);
  });

  it('refuses a file that is not a Firebreak backup, or one a newer Firebreak made, naming it, and writes nothing', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const dir = tempDir();
    const noise = path.join(dir, 'holiday.jpg');
    fs.writeFileSync(noise, Buffer.alloc(8192, 7));
    const foreign = path.join(dir, 'other-app.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (\'hi\')');
    other.close();
    for (const file of [noise, foreign]) {
      await assert.rejects(core.backups.contents(file, path.basename(file)), said('notABackup', { file: path.basename(file) }));
      await assert.rejects(core.backups.restore(file, path.basename(file), id), said('notABackup', { file: path.basename(file) }));
    }
    const status = await core.backups.backUpNow();
    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(path.join(status.folder, status.files[0].name), newer);
    const db = new BetterSqlite3(newer);
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, ?, 0)').run('from-the-future');
    db.close();
    await assert.rejects(core.backups.contents(newer, 'newer.sqlite'), said('backupNewer', { file: 'newer.sqlite' }));
    await assert.rejects(core.backups.restore(newer, 'newer.sqlite', id), said('backupNewer', { file: 'newer.sqlite' }));
    assert.equal(countRows(core, 'incidents'), 1);
  });

  it('restores from an older Firebreak\'s database (brought up to date on a copy; the file itself is not changed)', async () => {
    const oldDir = tempDir();
    const old = openDatabase(oldDir, { migrateUpTo: 9 });
    old.prepare(`INSERT INTO incidents (id, title, status, phase, created_at, created_by, updated_at, opened_at)
      VALUES ('00000000-0000-4000-8000-000000000001', 'An old crisis', 'closed', 'after', 1, 'Ann', 1, 1)`).run();
    old.close();
    const file = path.join(oldDir, 'firebreak.sqlite');
    const bytes = fs.readFileSync(file);
    const core = testCore();
    assert.deepEqual((await core.backups.contents(file, 'firebreak.sqlite')).incidents.map((i) => i.title), ['An old crisis']);
    const restored = await core.backups.restore(file, 'firebreak.sqlite', '00000000-0000-4000-8000-000000000001');
    assert.equal(restored.title, 'An old crisis');
    assert.ok(fs.readFileSync(file).equals(bytes));
  });

  it('only this laptop\'s own callers see, make or restore backups', async () => {
    const core = testCore();
    newIncident(core, 'Host only');
    const guest = createDispatcher(core, 'room');
    const host = createDispatcher(core, 'room', console, {});
    const asGuest = await guest('backup.status', {}, ANN);
    const guestSees = asGuest.ok && (asGuest.value as BackupStatus);
    assert.deepEqual(guestSees && [guestSees.canBackUp, guestSees.folder, guestSees.files], [false, '', []]);
    for (const [method, arg] of [['backup.now', {}], ['backup.configure', { enabled: false, folder: null, everyMinutes: 5, keep: 1 }], ['backup.contents', { source: { backup: 'firebreak-backup-20261101-090000Z.sqlite' } }]] as const) {
      const r = await guest(method, arg, ANN);
      assert.deepEqual(!r.ok && [r.error.code, (r.error.details as { say: Said }).say.key], ['FORBIDDEN', 'backupHostOnly'], method);
    }
    const made = await host('backup.now', {}, ANN);
    const files = made.ok ? (made.value as BackupStatus).files : [];
    assert.equal(files.length, 1);
    // A backup is named, never a path: a name cannot lead out of the folder.
    const sneaky = await host('backup.contents', { source: { backup: '../firebreak.sqlite' } }, ANN);
    assert.equal(!sneaky.ok && sneaky.error.code, 'BAD_REQUEST');
    const byName = await host('backup.contents', { source: { backup: files[0].name } }, ANN);
    assert.deepEqual(byName.ok && (byName.value as BackupContents).incidents.map((i) => [i.title, i.here]), [['Host only', true]]);
  });
});
