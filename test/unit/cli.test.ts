import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createCore } from '../../electron/core/app-core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { startRoomServer } from '../room-server';
import Papa from 'papaparse';
import { tempDir } from './helpers';
import { csvFile } from './import-helpers';

// Runs the real `firebreak` command (compiled by `npm run build`, which `npm test` runs first).
const BIN = path.resolve(__dirname, '..', '..', 'electron', 'cli', 'firebreak.cjs');
const firebreak = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('firebreak CLI', () => {
  it('demo --json prints the demo incident with its id, the same one each time', () => {
    const dir = tempDir();
    const first = firebreak('demo', '--json', '--data-dir', dir);
    assert.equal(first.status, 0, first.stderr);
    const demo = JSON.parse(first.stdout) as { id: string; isDemo: boolean };
    assert.ok(demo.id && demo.isDemo);
    const second = JSON.parse(firebreak('demo', '--json', '--data-dir', dir).stdout) as { id: string };
    assert.equal(second.id, demo.id);
  });

  it('says it is updating an earlier version\'s database before it does, once', () => {
    const dir = tempDir();
    openDatabase(dir, { migrateUpTo: MIGRATIONS.at(-2)!.id }).close();
    const first = firebreak('incident', 'list', '--data-dir', dir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /Updating Firebreak's database for this version/);
    const again = firebreak('incident', 'list', '--data-dir', dir);
    assert.doesNotMatch(again.stderr, /Updating/);
  });

  it('creates and lists incidents', () => {
    const dir = tempDir();
    const created = firebreak('incident', 'create', '--title', 'Утечка данных', '--level', '4', '--json', '--data-dir', dir, '--as', 'Ann');
    assert.equal(created.status, 0, created.stderr);
    const incident = JSON.parse(created.stdout) as { id: string; level: number; createdBy: string };
    assert.deepEqual([incident.level, incident.createdBy], [4, 'Ann']);
    const list = JSON.parse(firebreak('incident', 'list', '--json', '--data-dir', dir).stdout) as { id: string }[];
    assert.deepEqual(list.map((i) => i.id), [incident.id]);
    assert.match(firebreak('incident', 'list', '--data-dir', dir).stdout, /Утечка данных/);
  });

  it('mentions prints an incident\'s mentions that match, as CSV or JSON Lines, or writes them to a file; quarantine what its imports could not read', () => {
    const dir = tempDir();
    const incident = JSON.parse(firebreak('incident', 'create', '--title', 'Juice', '--json', '--data-dir', dir).stdout) as { id: string };
    const file = csvFile(dir, 'posts.csv', [
      'id,date,platform,author,text,reach,sentiment',
      'a1,2026-11-21T10:00:00Z,web,Olena,"Refund, please",50,negative',
      'a2,2026-11-21T11:00:00Z,telegram,Ivan,Сік зіпсований — refund,900,negative',
      'a3,2026-11-21T12:00:00Z,web,Maria,Thanks for the quick answer,10,positive',
    ]);
    assert.equal(firebreak('import', file, '--incident', incident.id, '--data-dir', dir).status, 0);
    const mentions = (...args: string[]) => firebreak('mentions', incident.id, '--data-dir', dir, ...args);

    const csv = mentions('--search', 'refund', '--sort', 'reach', '--timezone', 'Asia/Tehran');
    assert.equal(csv.status, 0, csv.stderr);
    const records = Papa.parse<Record<string, string>>(csv.stdout.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(records.map((r) => [r.id, r['local_time (Asia/Tehran)'], r.text]), [
      ['a2', '2026-11-21 14:30:00', 'Сік зіпсований — refund'],
      ['a1', '2026-11-21 13:30:00', 'Refund, please'],
    ]);
    const jsonl = mentions('--format', 'jsonl', '--oldest-first', '--platform', 'web', '--sentiment', 'negative', '--sentiment', 'positive');
    assert.deepEqual(jsonl.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['a1', 'a3']);
    const since = mentions('--format', 'jsonl', '--from', '2026-11-21T10:30:00Z', '--author', 'iv');
    assert.deepEqual(since.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { author: string }).author), ['Ivan']);

    const out = path.join(dir, 'all.csv');
    const written = mentions('--out', out, '--json');
    assert.equal(written.status, 0, written.stderr);
    assert.deepEqual(JSON.parse(written.stdout), { file: out, rows: 3 });
    assert.match(fs.readFileSync(out, 'utf8'), /^\ufeffid,date,local_time \(/);

    // What the import could not read, for a script that imports many files.
    const broken = csvFile(dir, 'broken.csv', ['id,date,platform,author,text', 'b1,someday,web,Olena,"=cmd|calc"', 'b2,2026-11-21T13:00:00Z,web,Ivan,fine']);
    assert.equal(firebreak('import', broken, '--incident', incident.id, '--data-dir', dir).status, 0);
    const quarantined = firebreak('quarantine', incident.id, '--data-dir', dir);
    assert.equal(quarantined.status, 0, quarantined.stderr);
    const bad = Papa.parse<Record<string, string>>(quarantined.stdout.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(bad.map((r) => [r.file, r.row, r.status, r.id, r.text]), [['broken.csv', '2', 'open', 'b1', "'=cmd|calc"]]);
    assert.match(bad[0].reason, /someday/);

    assert.equal(mentions('--format', 'xlsx').status, 2, 'a workbook needs --out');
    const book = path.join(dir, 'all.xlsx');
    assert.deepEqual(JSON.parse(mentions('--format', 'xlsx', '--out', book, '--json').stdout), { file: book, rows: 4 }, 'with the row imported from broken.csv');
    assert.equal(fs.readFileSync(book).subarray(0, 2).toString(), 'PK', 'a workbook (a zip)');
    // The copies of one post, for the platform's abuse report.
    const claim = 'Northwind poisoned the whole batch, share before they delete it';
    const campaign = csvFile(dir, 'campaign.csv', ['id,date,platform,author,text', `c1,2026-11-21T14:00:00Z,x,bot1,"${claim} https://t.co/1"`, `c2,2026-11-21T14:01:00Z,x,bot2,"RT @bot1: ${claim}"`, 'c3,2026-11-21T14:02:00Z,x,bot3,Northwind poisoned the whole batch again']);
    assert.equal(firebreak('import', campaign, '--incident', incident.id, '--data-dir', dir).status, 0);
    const first = (JSON.parse(mentions('--format', 'jsonl', '--author', 'bot1').stdout) as { firebreak_id: number }).firebreak_id;
    const copies = mentions('--format', 'jsonl', '--oldest-first', '--copies-of', String(first));
    assert.deepEqual(copies.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['c1', 'c2']);
    assert.equal(mentions('--copies-of', 'first').status, 2, 'a mention id is a number');
    const badSentiment = mentions('--sentiment', 'angry');
    assert.equal(badSentiment.status, 2);
    assert.match(badSentiment.stderr, /sentiment/);
    assert.equal(mentions('--from', 'yesterday').status, 2);
    const unknown = firebreak('mentions', 'no-such-incident', '--data-dir', dir);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no-such-incident/);
  });

  it('explains usage mistakes with exit code 2 and bad values with exit code 1', () => {
    const dir = tempDir();
    const noTitle = firebreak('incident', 'create', '--data-dir', dir);
    assert.equal(noTitle.status, 2);
    assert.match(noTitle.stderr, /needs --title/);
    const unknownFlag = firebreak('incident', 'list', '--colour', '--data-dir', dir);
    assert.equal(unknownFlag.status, 2);
    assert.equal(firebreak('explode').status, 2);
    const badLevel = firebreak('incident', 'create', '--title', 'x', '--level', '9', '--data-dir', dir);
    assert.equal(badLevel.status, 1);
    assert.match(badLevel.stderr, /level/);
    const badBeat = firebreak('serve', '--heartbeat', '0', '--data-dir', dir);
    assert.equal(badBeat.status, 2);
    assert.match(badBeat.stderr, /--heartbeat must be between 1 and 600 seconds/);
  });

  it('backup makes a backup now; restore-backup lists a backup\'s incidents and restores one on another laptop', async () => {
    const host = tempDir();
    const demo = JSON.parse(firebreak('demo', '--json', '--data-dir', host).stdout) as { id: string; title: string };
    const made = firebreak('backup', '--json', '--data-dir', host);
    assert.equal(made.status, 0, made.stderr);
    const { file } = JSON.parse(made.stdout) as { file: string };
    assert.equal(path.dirname(file), path.join(host, 'backups'));

    const spare = tempDir();
    const listed = firebreak('restore-backup', file, '--data-dir', spare);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^${demo.id}  active .* mentions  ${demo.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    const restored = firebreak('restore-backup', file, '--incident', demo.id, '--json', '--data-dir', spare);
    assert.equal(restored.status, 0, restored.stderr);
    assert.equal((JSON.parse(restored.stdout) as { id: string }).id, demo.id);
    const again = firebreak('restore-backup', file, '--incident', demo.id, '--data-dir', spare);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already on this laptop.*Run again with --replace or --keep-both\./);
    // The whole backup as a spare laptop's database, in a folder that has none.
    const takeover = path.join(tempDir(), 'takeover');
    const whole = firebreak('restore-backup', file, '--into', takeover);
    assert.equal(whole.status, 0, whole.stderr);
    assert.match(whole.stdout, /Start Firebreak on it: npx firebreak serve --data-dir/);
    const there = JSON.parse(firebreak('incident', 'list', '--json', '--data-dir', takeover).stdout) as { id: string }[];
    assert.ok(there.some((i) => i.id === demo.id));
    const twice = firebreak('restore-backup', file, '--into', takeover);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already holds a Firebreak database/);
    // Encrypted: the passphrase comes from the environment, never from the command line.
    const settings = createCore({ dataDir: host });
    await settings.backups.configure({ enabled: true, folder: null, everyMinutes: 10, keep: 6, encrypted: true, passphrase: 'orange juice at dawn' });
    settings.close();
    const sealed = JSON.parse(firebreak('backup', '--json', '--data-dir', host).stdout) as { file: string };
    assert.match(sealed.file, /\.sqlite\.enc$/);
    const locked = firebreak('restore-backup', sealed.file, '--data-dir', spare);
    assert.equal(locked.status, 1);
    assert.match(locked.stderr, /is encrypted: type the passphrase it was made with/);
    const opened = spawnSync(process.execPath, [BIN, 'restore-backup', sealed.file, '--data-dir', spare], {
      encoding: 'utf8', env: { ...process.env, FIREBREAK_BACKUP_PASSPHRASE: 'orange juice at dawn' },
    });
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(opened.stdout, new RegExp(`^${demo.id}  active`, 'm'));
    const notOne = firebreak('restore-backup', BIN, '--data-dir', spare);
    assert.equal(notOne.status, 1);
    assert.match(notOne.stderr, /firebreak\.cjs is not a Firebreak backup, or it is damaged\./);
  });

  it('serve prints the URL and answers the API', async () => {
    const dir = tempDir();
    const { child, url } = await startRoomServer(dir);
    try {
      const res = await fetch(`${url}api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const body = (await res.json()) as { ok: boolean; value: { mode: string; dataDir: string } };
      assert.deepEqual([body.ok, body.value.mode, body.value.dataDir], [true, 'room', dir]);
      // Closed with work not yet backed up: it is backed up on the way out.
      const actor = encodeURIComponent(JSON.stringify({ name: 'Ann', role: '' }));
      await fetch(`${url}api/incidents.create`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Firebreak-Actor': actor }, body: '{"title":"Closing time"}' });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
    const [backup] = fs.readdirSync(path.join(dir, 'backups'));
    assert.match(backup, /^firebreak-backup-\d{8}-\d{6}Z\.sqlite$/);
  });

  it('serve opened to the other laptops prints the room code and join links, and keeps the code for the next start', async () => {
    const dir = tempDir();
    const printed = async (...extra: string[]) => {
      const child = spawn(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', dir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        return await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            if (out.includes('type the code.')) resolve(out);
          });
          child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
        });
      } finally {
        child.kill('SIGTERM');
      }
    };
    const first = await printed();
    const code = (JSON.parse(fs.readFileSync(path.join(dir, 'room-key.json'), 'utf8')) as { code: string }).code;
    assert.ok(first.includes(`room code ${code.slice(0, 4)}-${code.slice(4)}`), first);
    const online = Object.values(os.networkInterfaces()).flat().some((i) => i?.family === 'IPv4' && !i.internal);
    assert.match(first, online ? new RegExp(`http://[\\d.]+:\\d+/#join=${code}`) : /no network address yet/);
    assert.ok((await printed()).includes(`room code ${code.slice(0, 4)}`));
    assert.ok(!(await printed('--new-room-code')).includes(`room code ${code.slice(0, 4)}-${code.slice(4)}`));
  });
});
