/**
 * npm run bench:import — imports a generated 1,000,000-row multilingual CSV into a fresh incident and compares
 * the row rate with the sqlite3 shell's `.import` of the same file into a bare table; then times the explorer's
 * queries at that size. Prints figures; asserts nothing. ROWS=200000 for a quicker run; ORDER=time for a file in time
 * order (newest first, as monitoring tools export) instead of shuffled times.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { vocabularyReady } from '../../electron/core/mentions/fts-vocabulary';
import { openParsedSource } from '../../electron/core/import/parsed-source';
import { MentionCounts } from '../../electron/core/mentions/mention-counts';
import { newIncidentSchema } from '../../shared/api/incidents';
import { peakRssMb, timeQuery } from './bench-utils';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const ORDER = process.env.ORDER === 'time' ? 'time' : 'shuffled';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
const csv = path.join(dir, 'mentions.csv');
const actor = { name: 'Bench', role: '' };

function sqliteImportSeconds(): number | null {
  try {
    execFileSync('sqlite3', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const db = path.join(dir, 'reference.sqlite');
  const t = process.hrtime.bigint();
  execFileSync('sqlite3', [db, '.mode csv', `.import ${csv} mentions`], { stdio: 'inherit' });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * The same shell, in C, adding an FTS5 index (our tokenizer and segment size) of the reference table's text and
 * author: what one thread pays for full-text indexing alone, beside which the ratio target is to be read.
 */
function sqliteFtsSeconds(): number {
  const db = path.join(dir, 'reference.sqlite');
  const t = process.hrtime.bigint();
  execFileSync('sqlite3', [db, `CREATE VIRTUAL TABLE f USING fts5 (text, author, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO f (f, rank) VALUES ('hashsize', 33554432);
    INSERT INTO f (rowid, text, author) SELECT rowid, text, author FROM mentions;`], { stdio: 'inherit' });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * The same shell, in C, making the importer's row writes without any of its parsing: the reference table's rows
 * inserted into a copy of our mentions table (`schema`: its CREATE statements, the two indexes included) with the
 * raw row as JSON, in transactions of `rowsPerCommit` like the importer's blocks. Beside the .import reference this
 * is the best ratio any importer writing this table this way can reach, before full-text indexing. `after`: indexes
 * created once the rows are in, instead of kept up to date.
 */
function sqliteSameWritesSeconds(schema: string[], rowsPerCommit: number, after: string[] = []): number {
  const db = path.join(dir, `same-writes-${rowsPerCommit}.sqlite`);
  const chunks: string[] = [];
  for (let lo = 0; lo < ROWS; lo += rowsPerCommit) {
    chunks.push(`BEGIN; INSERT OR IGNORE INTO mentions (incident_id, batch_id, dedup_key, platform, native_id, url, author, text, lang,
      published_at, published_raw, hour, source_sentiment_raw, reach, likes, shares, country, raw, sentiment)
      SELECT 'bench-incident-0000-0000-000000000000', 'bench-batch-0000-0000-000000000000', platform || ':' || id, platform, id, url,
        author, text, lang, unixepoch(date) * 1000, date, unixepoch(date) / 3600, sentiment, reach, likes, shares, country,
        json_array(NULL, date, NULL, NULL, NULL, platform, lang, sentiment, reach, likes, shares, country), 0
      FROM ref.mentions WHERE rowid > ${lo} AND rowid <= ${lo + rowsPerCommit}; COMMIT;`);
  }
  const script = [
    // As openDatabase sets them.
    'PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = NORMAL;', 'PRAGMA cache_size = -16384;', 'PRAGMA wal_autocheckpoint = 10000;',
    ...schema.map((sql) => `${sql};`),
    `ATTACH '${path.join(dir, 'reference.sqlite')}' AS ref;`,
    ...chunks,
    ...after.map((sql) => `${sql};`),
  ].join('\n');
  const t = process.hrtime.bigint();
  execFileSync('sqlite3', [db], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  fs.rmSync(db, { force: true });
  return seconds;
}

async function main() {
  console.log(`generating ${ROWS.toLocaleString('en')} mentions (${ORDER === 'time' ? 'in time order, newest first' : 'shuffled times'})...`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate-mentions.ts'), csv, String(ROWS), ORDER], { stdio: 'inherit' });
  const sizeMb = fs.statSync(csv).size / 1e6;
  console.log(`file: ${sizeMb.toFixed(0)} MB`);
  const rssBefore = peakRssMb();

  const core = createCore({ dataDir: path.join(dir, 'data') });
  const incident = core.incidents.create(newIncidentSchema.parse({ title: 'Bench' }), actor);
  let rssPeak = 0;
  const heapPeak = { heapTotal: 0, external: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss / 1e6);
    heapPeak.heapTotal = Math.max(heapPeak.heapTotal, m.heapTotal / 1e6);
    heapPeak.external = Math.max(heapPeak.external, m.external / 1e6);
  }, 100);
  const t0 = process.hrtime.bigint();
  // How much of the import is counting the completed batch into the chart rollups (timed from outside the importer).
  let countingMs = 0;
  const countBatch = MentionCounts.prototype.countBatch;
  MentionCounts.prototype.countBatch = function (this: MentionCounts, ...args: Parameters<MentionCounts['countBatch']>) {
    const t = performance.now();
    countBatch.apply(this, args);
    countingMs += performance.now() - t;
  };
  const summary = await (await core.imports.start({ file: csv, incidentId: incident.id, actor, options: { timezone: 'UTC' } })).done;
  const oursSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  if (summary.status !== 'complete' || summary.imported !== ROWS) throw new Error(`import did not complete: ${JSON.stringify(summary)}`);

  const refSeconds = sqliteImportSeconds();
  const oursRate = ROWS / oursSeconds;
  console.log(`\nimport (parse, map, dedup keys, FTS, indexes): ${oursSeconds.toFixed(2)} s, ${Math.round(oursRate).toLocaleString('en')} rows/s`);
  console.log(`  of which counting the completed import into the chart rollups: ${(countingMs / 1000).toFixed(2)} s`);
  console.log(`peak memory (RSS) of the importing process: ${Math.round(Math.max(rssPeak, peakRssMb()))} MB (${Math.round(rssBefore)} MB before the import; main-thread JS heap peak ${Math.round(heapPeak.heapTotal)} MB, external ${Math.round(heapPeak.external)} MB)`);

  const filter = { incidentId: incident.id };
  const page = { sort: 'time' as const, direction: 'desc' as const, offset: 0, limit: 100 };
  // Deep pages sorted by time, and pages sorted by reach, come from the incident's facts in memory once they are
  // read (in the background); right after the import SQL answers them.
  const deepPages: [string, () => unknown][] = [
    ['deep page: offset at 90% of the list (scrolled far down)', () => core.mentions.search(filter, { ...page, offset: Math.floor(ROWS * 0.9) })],
    ['deep page of a search "возврат" (offset 5,000)', () => core.mentions.search({ ...filter, query: 'возврат' }, { ...page, offset: 5_000 })],
    ['deep page x + negative (offset 50,000)', () => core.mentions.search({ ...filter, platforms: ['x'], sentiment: ['negative'] }, { ...page, offset: 50_000 })],
    ['sorted by reach, no filter', () => core.mentions.search(filter, { ...page, sort: 'reach' })],
    ['sorted by reach, offset at 90% of the list', () => core.mentions.search(filter, { ...page, sort: 'reach', offset: Math.floor(ROWS * 0.9) })],
  ];
  console.log('\nright after the import (SQL; the search vocabulary and the facts in memory are not read yet):');
  console.log(`  full-text search "Northwind refund" with prefix queries: ${timeQuery(() => core.mentions.search({ ...filter, query: 'Northwind refund' }, page)).toFixed(1)} ms`);
  for (const [name, fn] of deepPages) console.log(`  ${name}: ${timeQuery(fn).toFixed(1)} ms`);
  const tv = performance.now();
  await vocabularyReady(core.db);
  console.log(`reading the search vocabulary (background, in steps): ${(performance.now() - tv).toFixed(0)} ms`);
  const tc = performance.now();
  await core.dashboard.columns.ready(incident.id);
  console.log(`reading the facts into memory (background, in steps; overlaps the vocabulary): ${(performance.now() - tc).toFixed(0)} ms`);
  const tf = performance.now();
  deepPages[0][1]();
  console.log(`first deep page from memory (sorts the incident by time once): ${(performance.now() - tf).toFixed(0)} ms`);
  const tr = performance.now();
  deepPages[3][1]();
  console.log(`first page sorted by reach from memory (sorts the incident by reach once): ${(performance.now() - tr).toFixed(0)} ms`);
  const queries: [string, () => unknown][] = [
    ['newest page (100)', () => core.mentions.search(filter, page)],
    ...deepPages,
    ['full-text search "возврат" + count, first page', () => core.mentions.search({ ...filter, query: 'возврат' }, page)],
    ['full-text search "Northwind refund"', () => core.mentions.search({ ...filter, query: 'Northwind refund' }, page)],
    ['filtered page: x + negative + 7 days', () => core.mentions.search({ ...filter, platforms: ['x'], sentiment: ['negative'], from: Date.UTC(2026, 8, 1), to: Date.UTC(2026, 8, 8) }, page)],
    ['filtered page: lang=fa, sorted by reach', () => core.mentions.search({ ...filter, langs: ['fa'] }, { ...page, sort: 'reach' })],
    ['sorted by reach: x + negative', () => core.mentions.search({ ...filter, platforms: ['x'], sentiment: ['negative'] }, { ...page, sort: 'reach' })],
    ['full-text search "возврат" sorted by reach', () => core.mentions.search({ ...filter, query: 'возврат' }, { ...page, sort: 'reach' })],
    ['facets (platforms, languages, span)', () => core.mentions.facets(incident.id)],
  ];
  console.log(`\nexplorer at ${ROWS.toLocaleString('en')} mentions (median of 7, warm; vocabulary and facts read):`);
  for (const [name, fn] of queries) console.log(`  ${name}: ${timeQuery(fn).toFixed(1)} ms`);

  // The folded search text (text-fold.ts, migration 0014): its share of an import, and what opening an older data
  // directory costs (the migration rebuilds the full-text index through the folding view).
  const seconds = (fn: () => unknown) => {
    const t = performance.now();
    fn();
    return (performance.now() - t) / 1000;
  };
  const plain = seconds(() => core.db.prepare('SELECT count(length(text)) + count(length(title)) + count(length(author)) FROM mentions').get());
  const folded = seconds(() => core.db.prepare('SELECT count(fts_fold(text)) + count(fts_fold(title)) + count(fts_fold(author)) FROM mentions').get());
  console.log(`\nfolding title, text and author for search (fts_fold over every mention, beyond reading them): ${(folded - plain).toFixed(2)} s`);
  console.log(`rebuilding the full-text index through the folding view (migration 0014's work): ${seconds(() => core.db.exec("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')")).toFixed(1)} s`);
  const mentionsSchema = core.db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'mentions' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC")
    .pluck()
    .all() as string[];
  core.close();
  // What the reading thread does, without any database: decode, parse, map, dedup keys, raw rows. Last, so neither
  // the import's memory nor the explorer's timings include it (this reads in the main thread, with no writer).
  const readStart = performance.now();
  const source = await openParsedSource(csv, { timezone: 'UTC' });
  let readRows = 0;
  for await (const block of source.blocks()) readRows += block.rows;
  source.close();
  console.log(`reading, parsing and mapping alone (no database, one thread): ${((performance.now() - readStart) / 1000).toFixed(2)} s for ${readRows.toLocaleString('en')} rows`);

  if (refSeconds === null) {
    console.log('\nsqlite3 shell not found (apt-get install sqlite3): no reference rate');
  } else {
    const refRate = ROWS / refSeconds;
    console.log(`\nsqlite3 .import reference: ${refSeconds.toFixed(2)} s, ${Math.round(refRate).toLocaleString('en')} rows/s`);
    const ftsSeconds = sqliteFtsSeconds();
    console.log(`sqlite3 shell adding an FTS5 index of the same text and author, in C: ${ftsSeconds.toFixed(2)} s`);
    console.log(`  .import plus that index, in the shell alone: ratio ${(refSeconds / (refSeconds + ftsSeconds)).toFixed(3)} (no mapping, dedup, time index, facts, rollups or folding)`);
    for (const rowsPerCommit of [10_000, 100_000]) {
      const writes = sqliteSameWritesSeconds(mentionsSchema, rowsPerCommit);
      console.log(`sqlite3 shell making our row writes from its table (mentions + its 2 indexes, ${rowsPerCommit.toLocaleString('en')}-row transactions), no FTS: ${writes.toFixed(2)} s, ratio ${(refSeconds / writes).toFixed(3)}`);
    }
    // Which of the writes cost what (10,000-row transactions): the rows alone, each index alone, the indexes made after.
    const [table, ...indexes] = mentionsSchema;
    const only = (name: string) => indexes.filter((sql) => sql.includes(name));
    const parts: [string, number][] = [
      ['the rows alone, no index', sqliteSameWritesSeconds([table], 10_000)],
      ['the rows and the dedup index', sqliteSameWritesSeconds([table, ...only('mentions_dedup')], 10_000)],
      ['the rows and the time index', sqliteSameWritesSeconds([table, ...only('mentions_by_time')], 10_000)],
      ['the rows, then all the indexes created after them', sqliteSameWritesSeconds([table], 10_000, indexes)],
    ];
    for (const [what, secs] of parts) console.log(`  of those writes, ${what}: ${secs.toFixed(2)} s`);
    console.log(`import_rate_ratio=${(oursRate / refRate).toFixed(3)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
