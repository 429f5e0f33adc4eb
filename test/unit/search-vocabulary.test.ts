import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Core } from '../../electron/core/app-core';
import { vocabularyReady } from '../../electron/core/mentions/fts-vocabulary';
import { withSearch, type MentionFilter } from '../../electron/core/mentions/mention-query';
import { ANN, tempDir, testCore } from './helpers';
import { csvFile, fixture, importFile, newIncident } from './import-helpers';

const MANY = Array.from({ length: 40 }, (_, i) => `zeta${i}`).join(' ');
const LINES = [
  'date,author,text',
  '2026-11-21 10:00,ann,Northwind REFUND please',
  '2026-11-21 10:05,bob,Two refunds and a Refunded order from Northwind',
  '2026-11-21 10:10,cy,Возврат денег: Northwind',
  '2026-11-21 10:15,dee,возврата не было',
  '2026-11-21 10:20,eli,Επιστροφή χρημάτων από Northwind',
  '2026-11-21 10:25,fay,επιστροφες και ΕΠΙΣΤΡΟΦΉ',
  '2026-11-21 10:30,gus,بازپرداخت پول Northwind',
  '2026-11-21 10:35,hal,covid-19 café Café',
  `2026-11-21 10:40,ivy,${MANY}`,
];
const QUERIES = ['refund', 'Refund northwind', 'REFUNDS', 'возврат', 'Возвр', 'επιστροφη', 'ΕΠΙΣΤΡΟΦ', 'بازپرداخت', 'covid-19', 'café', 'cafe', 'zeta', 'zeta1', 'nomatchword', '"refunds and"', 'north', 'n'];

const ftsOf = (core: Core, incidentId: string, query: string) => withSearch<MentionFilter>(core.db, { incidentId, query }).fts;

function found(core: Core, incidentId: string, query: string) {
  const page = core.mentions.search({ incidentId, query }, { sort: 'time', direction: 'desc', offset: 0, limit: 100 });
  return { total: page.total, ids: page.rows.map((m) => m.id) };
}

describe('search: typed prefixes named from the index vocabulary', () => {
  it('finds exactly what the prefix query finds, in every script, and names the words where it can', async () => {
    const core = testCore();
    const incident = newIncident(core);
    await importFile(core, incident, csvFile(tempDir(), 'words.csv', LINES));
    await importFile(core, incident, fixture('pulsar.csv'));
    const byPrefix = QUERIES.map((q) => found(core, incident, q)); // the vocabulary is not read yet
    assert.equal(ftsOf(core, incident, 'refund'), '"refund"*');
    await vocabularyReady(core.db);
    assert.deepEqual(QUERIES.map((q) => found(core, incident, q)), byPrefix);
    assert.ok(byPrefix[0].total === 2 && byPrefix[3].total === 2 && byPrefix[6].total === 2 && byPrefix[10].total === 1, 'case and Latin accents fold as in the index');
    assert.equal(byPrefix[5].total, 2, 'Greek without its tonos finds both (search-fold.ts)');
    const fts = (query: string) => ftsOf(core, incident, query);
    assert.equal(fts('Refund northwind'), '("refund" OR "refunded" OR "refunds") AND ("northwind")');
    assert.equal(fts('Возвр'), '("возврат" OR "возврата")');
    assert.equal(fts('covid-19'), '"covid-19"*', 'two tokens: searched as typed');
    assert.equal(fts('zeta'), '"zeta"*', 'begins too many words: searched as a prefix');
    assert.equal(fts('nomatchword'), '"nomatchword"*');
    core.close();
  });

  it('is not used once the index changes (import, undo) until it is read again', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const dir = tempDir();
    await importFile(core, incident, csvFile(dir, 'a.csv', LINES));
    await vocabularyReady(core.db);
    assert.equal(found(core, incident, 'refund').total, 2);

    const more = await importFile(core, incident, csvFile(dir, 'b.csv', ['date,author,text', '2026-11-21 11:00,jo,Is Northwind refundable?']));
    assert.equal(ftsOf(core, incident, 'refund'), '"refund"*', 'the index changed: prefix query');
    assert.equal(found(core, incident, 'refund').total, 3, 'the new word is found at once');
    await vocabularyReady(core.db);
    assert.match(ftsOf(core, incident, 'refund') ?? '', /"refundable"/);
    assert.equal(found(core, incident, 'refund').total, 3);

    core.imports.undo(more.batchId, ANN);
    assert.equal(found(core, incident, 'refund').total, 2);
    await vocabularyReady(core.db);
    assert.doesNotMatch(ftsOf(core, incident, 'refund') ?? '', /refundable/);
    assert.equal(found(core, incident, 'refund').total, 2);
    core.close();
  });

  it('is read again in the background after each import when the room runs its background work', async () => {
    const core = testCore();
    core.startBackground();
    const incident = newIncident(core);
    await importFile(core, incident, csvFile(tempDir(), 'a.csv', LINES));
    await new Promise((r) => setTimeout(r, 300)); // no search in between: only the background work reads it
    assert.equal(ftsOf(core, incident, 'refund'), '("refund" OR "refunded" OR "refunds")', 'read without a search asking');
    core.close();
    await new Promise((r) => setTimeout(r, 300)); // closed while scoring starts: nothing may fail after (it did)
  });
});
