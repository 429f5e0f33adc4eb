import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCore, type Core } from '../../electron/core/app-core';
import { openDatabase } from '../../electron/core/db/open-database';
import { COPY_TO_FACTS } from '../../electron/core/mentions/mention-writer';
import { ANN, tempDir, testCore } from './helpers';
import { csvFile, importFile, newIncident } from './import-helpers';

const LINES = [
  'date,author,text',
  '2026-11-21 10:00,ann,Επιστροφή χρημάτων τώρα',
  '2026-11-21 10:05,bob,ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΕΣ ΑΜΕΣΑ',
  '2026-11-21 10:10,cy,Ἐπιστροφὴ in polytonic',
  '2026-11-21 10:15,dee,کیک خراب بود',
  '2026-11-21 10:20,eli,كيك خراب بود',
  '2026-11-21 10:25,fay,مُحَمَّد گفت',
  '2026-11-21 10:30,gus,plain english refund',
  '2026-11-21 10:35,hal,Где ещё мой сок? Ελλάδα',
  '2026-11-21 10:40,ivy,دیگر نمی\u200cخرم',
  '2026-11-21 10:45,jo,بطری سری ۲۲۱۱ را نخرید',
  '2026-11-21 10:50,kim,Batch L-2211 recalled? ٢٢١١',
];

const total = (core: Core, incidentId: string, query: string) =>
  core.mentions.search({ incidentId, query }, { sort: 'time', direction: 'desc', offset: 0, limit: 10 }).total;

function assertFtsIntact(core: Core) {
  assert.doesNotThrow(() => core.db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run());
}

describe('search: letters people type interchangeably', () => {
  it('finds Greek with or without tonos, in capitals, with a final sigma, and Persian with Arabic yeh and kaf', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const summary = await importFile(core, incident, csvFile(tempDir(), 'folds.csv', LINES));
    assert.equal(total(core, incident, 'επιστροφη'), 2, 'no tonos typed: the accented and the polytonic one');
    assert.equal(total(core, incident, 'Επιστροφή'), 2);
    assert.equal(total(core, incident, 'ΕΠΙΣΤΡΟΦ'), 3, 'and the capitals');
    assert.equal(total(core, incident, 'επιστροφές'), 1, 'capitals lowercase to a medial sigma; the final one folds to it');
    assert.equal(total(core, incident, '"επιστροφες αμεσα"'), 1, 'phrases fold too');
    assert.equal(total(core, incident, 'کیک'), 2, 'Persian yeh and kaf find the Arabic ones');
    assert.equal(total(core, incident, 'كيك'), 2, 'and the other way round');
    assert.equal(total(core, incident, 'محمد'), 1, 'short-vowel marks are ignored');
    assert.equal(total(core, incident, 'refund'), 1);
    assert.equal(total(core, incident, 'еще'), 1, 'ё is read as е');
    assert.equal(total(core, incident, 'мой'), 1, 'a Cyrillic й beside Greek stays й');
    assert.equal(total(core, incident, 'мои'), 0);
    assert.equal(total(core, incident, 'نمیخرم'), 1, 'the zero-width non-joiner is ignored');
    assert.equal(total(core, incident, '۲۲۱۱'), 2, 'Persian digits, as a Persian keyboard types them, find Latin and Arabic-Indic ones');
    assert.equal(total(core, incident, '2211'), 2, 'and the other way round');
    assert.equal(core.mentions.get(core.mentions.search({ incidentId: incident, query: 'ζηταμε' }, { sort: 'time', direction: 'desc', offset: 0, limit: 1 }).rows[0].id).text, 'ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΕΣ ΑΜΕΣΑ', 'the text itself is kept as exported');

    core.topics.save(incident, undefined, { name: 'Refunds', kind: 'topic', terms: ['επιστροφή', 'كيك'] }, ANN.name);
    assert.equal(core.dashboard.shareOfVoice({ incidentId: incident }).topics[0].total, 4, 'a topic counts what the search finds');
    assertFtsIntact(core);
    core.imports.undo(summary.batchId, ANN);
    assertFtsIntact(core);
    assert.equal(total(core, incident, 'επιστροφη'), 0);
    core.close();
  });

  // Each migration that changed what is indexed: mentions indexed as the version before it did (raw text; nothing
  // else to fold in these) are found by the folded words (or the handles) after it, and the topic is recounted.
  const REINDEXES = [
    { migration: 14, lang: 'el', texts: ['Επιστροφή χρημάτων', 'ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΗ'], term: 'επιστροφή', query: 'επιστροφή', before: 'missed the capitals' },
    { migration: 21, lang: 'fa', texts: ['سری ۲۲۱۱ را نخرید', 'Batch L-2211'], term: '2211', query: '۲۲۱۱', before: 'kept Persian digits apart' },
    { migration: 22, lang: 'en', texts: ['Olena says refund', 'Refund now'], handles: [null, '@olena_k'], term: 'olena', query: 'olena', before: 'left handles out' },
  ];
  for (const r of REINDEXES) {
    it(`migration ${String(r.migration).padStart(4, '0')} re-indexes existing mentions folded and recounts the share-of-voice topics at the next start`, () => {
      const dir = tempDir();
      const db = openDatabase(dir, { migrateUpTo: r.migration - 1 });
      db.prepare(`INSERT INTO incidents (id, title, status, phase, created_at, created_by, updated_at) VALUES ('i', 'Old', 'active', 'during', 1, 'Ann', 1)`).run();
      db.prepare(`INSERT INTO import_batches (id, incident_id, file_name, file_size, format, mapping, options, status, created_by, started_at)
        VALUES ('b', 'i', 'f.csv', 1, 'csv', '{}', '{}', 'complete', 'Ann', 1)`).run();
      const insert = db.prepare(`INSERT INTO mentions (incident_id, batch_id, dedup_key, platform, text, lang, author_handle, published_at, hour) VALUES ('i', 'b', ?, 'x', ?, ?, ?, 600000, 0)`);
      r.texts.forEach((text, i) => insert.run(`k${i}`, text, r.lang, r.handles?.[i] ?? null));
      db.exec(`INSERT INTO mentions_fts (rowid, title, text, author) SELECT id, title, text, author FROM mentions; ${COPY_TO_FACTS}`);
      db.prepare(`INSERT INTO incident_topics (incident_id, name, kind, terms, created_by, created_at) VALUES ('i', 'Topic', 'topic', ?, 'Ann', 1)`).run(JSON.stringify([r.term]));
      const before = db.prepare(`SELECT COUNT(*) FROM mentions_fts WHERE mentions_fts MATCH ?`).pluck().get(`"${r.term}"`);
      db.close();
      assert.equal(before, 1, `version ${r.migration - 1} ${r.before}`);

      const core = createCore({ dataDir: dir });
      try {
        assert.equal(total(core, 'i', r.query), 2);
        assert.equal(core.db.prepare('SELECT COUNT(*) FROM pending_topic_recounts').pluck().get(), 0);
        assert.equal(core.dashboard.shareOfVoice({ incidentId: 'i' }).topics[0].total, 2, 'the topic was recounted');
        assertFtsIntact(core);
      } finally {
        core.close();
      }
    });
  }
});
