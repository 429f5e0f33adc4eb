/**
 * npm run bench:dashboard — imports a generated 1,000,000-mention export, lets the engine score it, then times
 * every dashboard query (median of 7 warm runs) with no filter, common filters, and a text search (answered in SQL
 * first, then again once the in-memory facts are read); the triage queue; claims; own channels and fake accounts; the alert evaluation; and exporting mentions as CSV. Prints figures; asserts nothing. ROWS=200000 for a quicker run; BENCH_DIR=DIR keeps the imported data
 * there and reuses it on the next run (for tuning the queries).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/app-core';
import { claimSpread } from '../../electron/core/claims/claim-spread';
import { vocabularyReady } from '../../electron/core/mentions/fts-vocabulary';
import type { MentionFilter } from '../../electron/core/mentions/mention-query';
import { newIncidentSchema } from '../../shared/api/incidents';
import { longestPause, peakRssMb, timeQuery } from './bench-utils';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const DAY = 86_400_000;
const actor = { name: 'Bench', role: '' };

async function importAndScore(core: Core, dir: string): Promise<string> {
  const csv = path.join(dir, 'mentions.csv');
  console.log(`generating ${ROWS.toLocaleString('en')} mentions...`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate-mentions.ts'), csv, String(ROWS)], { stdio: 'inherit' });
  const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Dashboard bench' }), actor).id;
  let t = performance.now();
  const started = await core.imports.start({ file: csv, incidentId, actor, options: { timezone: 'UTC' } });
  const summary = await started.done;
  console.log(`import: ${summary.imported.toLocaleString('en')} mentions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  fs.rmSync(csv);
  t = performance.now();
  await core.sentiment.scoreAll();
  const seconds = (performance.now() - t) / 1000;
  console.log(`background scoring (engine + rollup updates): ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} mentions/s`);
  t = performance.now();
  core.topics.save(incidentId, undefined, { name: 'Northwind', kind: 'brand', terms: ['northwind'] }, actor.name);
  core.topics.save(incidentId, undefined, { name: 'Recall', kind: 'topic', terms: ['recall', 'отзыв', 'ανάκληση'] }, actor.name);
  core.topics.save(incidentId, undefined, { name: 'Southgate', kind: 'competitor', terms: ['southgate'] }, actor.name);
  console.log(`three share-of-voice topics counted: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return incidentId;
}

/** The explorer's Export: how long, how big, and the longest the room's other requests waited meanwhile. */
async function timeExport(core: Core, f: MentionFilter, label: string, format: 'csv' | 'xlsx' = 'csv'): Promise<void> {
  const file = path.join(os.tmpdir(), `firebreak-export-${process.pid}.${format}`);
  const t = performance.now();
  const write = () => core.mentions.export(f, { sort: 'time', direction: 'desc', format, timeZone: 'Europe/Kyiv' }).writeTo(fs.createWriteStream(file));
  const { value: { rows }, pauseMs } = await longestPause(write);
  const seconds = (performance.now() - t) / 1000;
  const mb = fs.statSync(file).size / 1e6;
  fs.rmSync(file);
  console.log(`export as ${format === 'csv' ? 'CSV' : 'an Excel workbook'}, ${label}: ${rows.toLocaleString('en')} mentions in ${seconds.toFixed(1)} s (${mb.toFixed(0)} MB), longest wait for other requests ${pauseMs.toFixed(0)} ms`);
}

async function main() {
  const keep = process.env.BENCH_DIR;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const reuse = keep !== undefined && fs.existsSync(path.join(dir, 'data'));
  const core = createCore({ dataDir: path.join(dir, 'data') });
  const incidentId = reuse ? core.incidents.list({ archived: false, limit: 1 })[0].id : await importAndScore(core, dir);

  const first = Date.UTC(2026, 7, 1);
  const filters: [string, MentionFilter][] = [
    ['no filter (90 days)', { incidentId }],
    ['platform + language', { incidentId, platforms: ['x', 'telegram'], langs: ['ru', 'uk'] }],
    ['last 7 days, negative', { incidentId, from: first + 83 * DAY, to: first + 90 * DAY, sentiment: ['negative'] }],
    ['text search "refund" (needs the rows)', { incidentId, query: 'refund' }],
  ];
  const tz = 120;
  console.log(`\ndashboard at ${ROWS.toLocaleString('en')} mentions, ms (median of 7, warm):`);
  console.log('filter | volume + platforms + languages | share of voice (3 topics) | top authors | top terms');
  const row = (label: string, f: MentionFilter) => {
    const cells = [
      timeQuery(() => core.dashboard.dashboard(f, tz)),
      timeQuery(() => core.dashboard.shareOfVoice(f)),
      timeQuery(() => core.dashboard.topAuthors(f)),
      timeQuery(() => core.dashboard.topTerms(f)),
    ].map((ms) => ms.toFixed(1));
    console.log(`${label} | ${cells.join(' | ')}`);
  };
  for (const [label, f] of filters.slice(0, 3)) row(label, f);
  const [searchLabel, search] = filters[3];
  // Right after a change the search is answered in SQL while the in-memory columns are read in the background.
  row(`${searchLabel}, SQL (before the in-memory facts are read)`, search);
  const t = performance.now();
  const columns = await core.dashboard.columns.ready(incidentId);
  console.log(`reading the in-memory facts (background, in steps): ${(performance.now() - t).toFixed(0)} ms${columns ? '' : ' — not held'}`);
  const tv = performance.now();
  await vocabularyReady(core.db);
  console.log(`reading the search vocabulary (background, in steps): ${(performance.now() - tv).toFixed(0)} ms`);
  row(searchLabel, search);
  row('text search "refund" + last 7 days, negative', { ...filters[2][1], query: 'refund' });
  // Author filters are answered from the index's author column (name and handle): a clicked account, a typed name.
  const account: MentionFilter = { incidentId, author: 'user_1234' };
  row('one author (a click on a top author)', account);
  row('author typed "user_12" (over 10,000 mentions)', { incidentId, authorSearch: 'user_12' });
  const firstPage = (f: MentionFilter) => timeQuery(() => core.mentions.search(f, { sort: 'time', direction: 'desc', offset: 0, limit: 100 })).toFixed(1);
  console.log(`explorer, first page with an author filter: ${firstPage(account)} ms one account, ${firstPage({ incidentId, authorSearch: 'user_12' })} ms typed "user_12", ${firstPage({ incidentId, authorSearch: 'user' })} ms typed "user" (every mention)`);
  console.log(`triage queue, top 200 by priority: ${timeQuery(() => core.triage.queue({ incidentId }, { limit: 200 }), 3).toFixed(0)} ms unfiltered, ${timeQuery(() => core.triage.queue(filters[1][1], { limit: 200 }), 3).toFixed(0)} ms platform + language, ${timeQuery(() => core.triage.queue(filters[2][1], { limit: 200 }), 3).toFixed(0)} ms last 7 days negative; header counts ${timeQuery(() => core.triage.counts(incidentId, 3)).toFixed(1)} ms`);
  // Same words, many accounts: the dashboard's card, and a mention's copies as its detail pane counts and lists them.
  const some = core.db.prepare('SELECT id FROM mentions WHERE incident_id = ? ORDER BY random() LIMIT 7').pluck().all(incidentId) as number[];
  const perMention = (run: (id: number) => unknown) => {
    const times = some.map((id) => timeQuery(() => run(id), 1)).sort((a, b) => a - b);
    return `${times[3].toFixed(0)} (max ${times[6].toFixed(0)})`;
  };
  console.log(`copies card: ${timeQuery(() => core.dashboard.copies({ incidentId })).toFixed(0)} ms unfiltered, ${timeQuery(() => core.dashboard.copies(search)).toFixed(0)} ms "refund"; a mention's copies counted (its detail pane): ${perMention((id) => core.mentions.copies(id))} ms, its copies listed: ${perMention((id) => core.mentions.search({ incidentId, copyOf: id }, { sort: 'time', direction: 'desc', offset: 0, limit: 100 }))} ms (median and longest of 7 mentions)`);
  // Claims: a common one (the words of the recall topic) and a rare one; the list and the header counts read every claim's spread.
  const recall = core.claims.add(incidentId, { claim: 'A recall is coming', terms: ['recall', 'отзыв', 'ανάκληση'], verdict: 'unverified', facts: '', source: '', ownerPersonId: null }, actor);
  core.claims.add(incidentId, { claim: 'Southgate staged it', terms: ['southgate staged', 'staged*'], verdict: 'false', facts: '', source: '', ownerPersonId: null }, actor);
  // Counted once (the add above), then kept until the incident's mentions change: a new import counts them again.
  const counted = timeQuery(() => claimSpread(core.db, incidentId, recall.terms, null), 3);
  console.log(`claims (${recall.spread.total.toLocaleString('en')} and ${core.claims.list(incidentId)[1].spread.total.toLocaleString('en')} mentions carry them): counting the common one's spread ${counted.toFixed(0)} ms; once counted, the list ${timeQuery(() => core.claims.list(incidentId), 3).toFixed(0)} ms and the header counts ${timeQuery(() => core.claims.counts(incidentId), 3).toFixed(0)} ms; the claims a mention carries ${perMention((id) => core.claims.forMention(id))} ms; "Show mentions" first page ${timeQuery(() => core.mentions.search({ incidentId, anyOf: recall.terms }, { sort: 'time', direction: 'desc', offset: 0, limit: 100 })).toFixed(0)} ms`);
  // Own channels and fake accounts: the tab reads both on every change in the room; a fake account's posts are counted by its handle.
  for (const platform of ['x', 'instagram', 'telegram', 'vk', 'tiktok', 'website'] as const) core.channels.add(incidentId, { platform, name: `@brand_${platform}`, url: '', keeperPersonId: null, note: '', posting: 'paused' }, actor);
  for (const handle of ['@user_1234', '@user_77', '@brand_refunds']) core.impostors.add(incidentId, { platform: 'x', handle, url: '', reportRef: '', note: '' }, actor);
  console.log(`own channels (6) listed with what was published on each: ${timeQuery(() => core.channels.list(incidentId), 3).toFixed(1)} ms; header counts ${timeQuery(() => core.channels.counts(incidentId), 3).toFixed(1)} ms; fake accounts (3) listed with their posts counted: ${timeQuery(() => core.impostors.list(incidentId), 3).toFixed(1)} ms`);
  console.log(`alert evaluation (all detectors over the whole stream): ${timeQuery(() => core.alerts.evaluate(incidentId), 3).toFixed(0)} ms`);
  await timeExport(core, { incidentId }, 'every mention');
  await timeExport(core, search, 'text search "refund"');
  await timeExport(core, search, 'text search "refund"', 'xlsx');
  console.log(`peak memory: ${Math.round(peakRssMb())} MB`);
  core.close();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

void main();
