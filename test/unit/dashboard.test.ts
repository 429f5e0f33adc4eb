import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { splitRange } from '../../electron/core/analytics/range-counts';
import { createDispatcher } from '../../electron/transport/dispatch';
import { ANN, tempDir, testCore } from './helpers';
import { importFile, newIncident } from './import-helpers';
import { assertRollupMatches } from './rollup-helpers';

const T0 = Date.UTC(2026, 10, 1, 8, 0);
const MIN = 60_000;

/** 12 mentions over three hours with known counts per hour, platform, language and sentiment. */
async function seeded() {
  const core = testCore();
  const id = newIncident(core, 'Charts');
  const rows = [
    // minute, platform, lang, sentiment, author, followers, reach, text
    [0, 'twitter', 'en', 'negative', 'ann', 10, 100, 'Northwind bottle dirty'],
    [10, 'twitter', 'en', 'negative', 'ann', 10, 200, 'Northwind dirty again'],
    [20, 'twitter', 'en', 'negative', 'ann', 10, 300, 'Northwind never again'],
    [30, 'facebook', 'ru', 'neutral', 'bob', 5000, 50, 'Northwind вопрос'],
    [70, 'twitter', 'en', 'positive', 'cat', 20, 10, 'Southgate is nice'],
    [80, 'twitter', 'en', 'negative', 'big', 900000, 5000, 'Northwind dirty bottle #recall'],
    [90, 'facebook', 'ru', 'negative', 'dan', 30, 40, 'Northwind ужас #recall'],
    [100, 'twitter', 'en', 'neutral', 'eve', 1, 1, 'Southgate and Northwind'],
    [130, 'twitter', 'en', 'negative', 'fox', 2, 2, 'dirty dirty #recall'],
    [140, 'twitter', 'en', 'negative', 'fox', 2, 2, 'still dirty #recall'],
    [150, 'facebook', 'ru', 'positive', 'gus', 3, 3, 'Northwind молодцы'],
    [170, 'twitter', 'en', 'neutral', 'hal', 4, 4, 'waiting'],
  ] as const;
  const lines = ['id,date,platform,lang,sentiment,author,followers,reach,text'];
  rows.forEach(([minute, platform, lang, s, author, followers, reach, text], i) => {
    lines.push(`${i + 1},${new Date(T0 + minute * MIN).toISOString()},${platform},${lang},${s},${author},${followers},${reach},"${text}"`);
  });
  const file = path.join(tempDir(), 'charts.csv');
  fs.writeFileSync(file, lines.join('\n'));
  await importFile(core, id, file);
  return { core, id };
}

describe('dashboard aggregates', () => {
  it('volume by sentiment in adaptive buckets; the rollup and the mentions give the same answer', async () => {
    const { core, id } = await seeded();
    const d = core.dashboard.dashboard({ incidentId: id }, 0);
    assert.equal(d.source, 'rollup');
    assert.equal(d.bucket, '5m', 'under 12 hours of data: 5-minute buckets');
    assert.equal(d.total, 12);
    const hourly = core.dashboard.dashboard({ incidentId: id, from: T0, to: T0 + 24 * 60 * MIN }, 0);
    assert.equal(hourly.bucket, '1h');
    assert.deepEqual(hourly.volume.map((p) => [p.t, p.negative, p.neutral, p.positive]), [
      [T0, 3, 1, 0],
      [T0 + 60 * MIN, 2, 1, 1],
      [T0 + 120 * MIN, 2, 1, 1],
    ]);
    // An author filter cannot use the rollup: the same figures come from the mentions themselves.
    const viaRows = core.dashboard.dashboard({ incidentId: id, from: T0, to: T0 + 24 * 60 * MIN, author: 'fox' }, 0);
    assert.equal(viaRows.source, 'mentions');
    assert.deepEqual(viaRows.volume.map((p) => p.negative), [2]);
    assert.deepEqual(d.platforms.map((p) => [p.value, p.negative, p.neutral, p.positive]), [['x', 6, 2, 1], ['facebook', 1, 1, 1]]);
    assert.deepEqual(d.langs.map((p) => p.value), ['en', 'ru']);
    const filtered = core.dashboard.dashboard({ incidentId: id, platforms: ['facebook'], sentiment: ['negative'] }, 0);
    assert.equal(filtered.total, 1);
  });

  it('any time range is counted exactly: whole days and hours from the rollups, the uneven ends from the mentions', async () => {
    const H = 60 * MIN;
    assert.deepEqual(splitRange(10 * MIN, 2 * 24 * H + 70 * MIN, [24 * H, H]).map((p) => [p.unit, p.from / MIN, p.to / MIN]), [
      [0, 10, 60], [H, 60, 1440], [24 * H, 1440, 2880], [H, 2880, 2940], [0, 2940, 2950],
    ]);
    const { core, id } = await seeded();
    for (const [a, b] of [[T0 + 7 * MIN, T0 + 133 * MIN], [T0 - 3 * 24 * H + 5 * MIN, T0 + 95 * MIN], [T0 + 61 * MIN, T0 + 62 * MIN]]) {
      const d = core.dashboard.dashboard({ incidentId: id, from: a, to: b }, 0);
      const expected = core.db
        .prepare('SELECT platform AS value, SUM(sentiment = -1) AS negative, COUNT(*) AS n FROM mentions WHERE published_at >= ? AND published_at < ? GROUP BY 1 ORDER BY n DESC')
        .all(a, b) as { value: string; negative: number; n: number }[];
      assert.deepEqual(d.platforms.map((p) => ({ value: p.value, negative: p.negative, n: p.negative + p.neutral + p.positive + p.unrated })), expected);
      assert.equal(d.total, expected.reduce((n, r) => n + r.n, 0));
    }
  });

  it('day buckets start at the viewer\'s midnight', async () => {
    const { core, id } = await seeded();
    const span = { incidentId: id, from: T0 - 20 * 86_400_000, to: T0 + 86_400_000 };
    const utc = core.dashboard.dashboard(span, 0);
    const tehran = core.dashboard.dashboard(span, 210); // UTC+3:30
    assert.equal(utc.bucket, '1d');
    assert.equal(utc.volume.at(-1)!.t, Date.UTC(2026, 10, 1));
    assert.equal(tehran.volume.at(-1)!.t, Date.UTC(2026, 10, 1) - 210 * MIN);
  });

  it('share of voice per topic with tone, top negative authors, and new words against the baseline', async () => {
    const { core, id } = await seeded();
    core.topics.save(id, undefined, { name: 'Northwind', kind: 'brand', terms: ['northwind'] }, ANN.name);
    core.topics.save(id, undefined, { name: 'Southgate', kind: 'competitor', terms: ['#southgate', 'southgate'] }, ANN.name);
    const sov = core.dashboard.shareOfVoice({ incidentId: id });
    assert.deepEqual(sov.topics.map((t) => [t.name, t.total, t.negative, t.positive]), [['Northwind', 8, 5, 1], ['Southgate', 2, 0, 1]]);
    // A correction moves the topic's counts too; a range with uneven ends gives the same as the mentions.
    const southgatePositive = core.db.prepare("SELECT id FROM mentions WHERE text = 'Southgate is nice'").pluck().get() as number;
    core.sentiment.correct([southgatePositive], 'negative', ANN);
    assertRollupMatches(core);
    const later = core.dashboard.shareOfVoice({ incidentId: id, from: T0 + 65 * MIN, to: T0 + 175 * MIN });
    assert.deepEqual(later.topics.map((t) => [t.name, t.total, t.negative]), [['Northwind', 4, 2], ['Southgate', 2, 1]]);
    const searched = core.dashboard.shareOfVoice({ incidentId: id, query: 'dirty' });
    assert.deepEqual(searched.topics.map((t) => t.total), [3, 0]);

    const authors = core.dashboard.topAuthors({ incidentId: id });
    assert.equal(authors.negatives, 8, "seven from the export, one from the correction above");
    assert.deepEqual(authors.byReach.slice(0, 2).map((a) => [a.author, a.reach, a.influencer]), [['big', 5000, true], ['ann', 600, false]]);
    assert.equal(authors.byReach.find((a) => a.author === 'ann')?.repeat, true);

    const terms = core.dashboard.topTerms({ incidentId: id, from: T0 + 60 * MIN, to: T0 + 180 * MIN });
    assert.equal(terms.baseline.kind, 'rest', 'the hour before holds too few mentions for a baseline');
    assert.equal(terms.terms[0].term, 'recall');
    assert.equal(terms.terms[0].hashtag, true);
  });

  it('a text search is counted from the narrow facts table: the same figures as grouping the matching mentions, this incident only', async () => {
    const { core, id } = await seeded();
    // Another incident with the same words must not leak into this one's figures.
    const other = newIncident(core, 'Other');
    const file = path.join(tempDir(), 'other.csv');
    fs.writeFileSync(file, ['id,date,platform,lang,sentiment,text', `1,${new Date(T0).toISOString()},twitter,en,negative,"dirty dirty"`].join('\n'));
    await importFile(core, other, file);
    const expected = () =>
      core.db
        .prepare(`SELECT m.published_at / 3600000 * 3600000 AS t, m.platform, COALESCE(m.sentiment, 2) AS s, COUNT(*) AS n FROM mentions_fts f JOIN mentions m ON m.id = f.rowid
          WHERE mentions_fts MATCH '"dirty"*' AND m.incident_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
        .all(id) as { t: number; platform: string; s: number; n: number }[];
    const asRows = (d: ReturnType<typeof core.dashboard.dashboard>) =>
      d.volume.flatMap((p) => (['negative', 'neutral', 'positive', 'unrated'] as const).filter((k) => p[k] > 0).map((k) => ({ t: p.t, k, n: p[k] })));
    const filter = { incidentId: id, query: 'dirty', from: T0, to: T0 + 24 * 60 * MIN };
    const d = core.dashboard.dashboard(filter, 0);
    assert.equal(d.source, 'mentions');
    assert.equal(d.total, 5);
    const rows = expected();
    assert.deepEqual(asRows(d), rows.map((r) => ({ t: r.t, k: r.s === -1 ? 'negative' : r.s === 0 ? 'neutral' : r.s === 1 ? 'positive' : 'unrated', n: r.n })));
    assert.deepEqual(d.platforms.map((p) => [p.value, p.negative]), [['x', 5]]);
    // A value missing from the filter-menu counts (which number platforms and languages) falls back to GROUP BY.
    core.db.prepare("DELETE FROM mention_facets WHERE incident_id = ? AND facet = 'platform' AND value = 'x'").run(id);
    assert.deepEqual(asRows(core.dashboard.dashboard(filter, 0)), asRows(d));
    core.db.prepare("DELETE FROM mention_facets WHERE incident_id = ? AND facet = 'platform'").run(id);
    assert.deepEqual(asRows(core.dashboard.dashboard(filter, 0)), asRows(d));
    // Corrections reach the facts table (a trigger), so the searched figures move with them.
    const fox = core.db.prepare("SELECT id FROM mentions WHERE text = 'still dirty #recall'").pluck().get() as number;
    core.sentiment.correct([fox], 'positive', ANN);
    assert.equal(core.dashboard.dashboard(filter, 0).platforms[0].positive, 1);
    assert.equal(core.mentions.search({ incidentId: id, query: 'dirty' }, { sort: 'time', direction: 'desc', offset: 0, limit: 10 }).total, 5);
    assert.deepEqual(core.dashboard.topAuthors({ incidentId: id, query: 'dirty' }).byReach.map((a) => a.author), ['big', 'ann', 'fox']);
    assert.equal(core.dashboard.topTerms({ incidentId: id, query: 'dirty' }).negatives, 4);
  });

  it('a search answered from the in-memory facts gives the SQL figures, and any change of a fact or topic retires them', async () => {
    const { core, id } = await seeded();
    const other = newIncident(core, 'Other');
    const csv = (name: string, lines: string[]) => {
      const file = path.join(tempDir(), name);
      fs.writeFileSync(file, ['id,date,platform,lang,sentiment,author,text', ...lines].join('\n'));
      return file;
    };
    await importFile(core, other, csv('other.csv', [`1,${new Date(T0).toISOString()},twitter,en,negative,zed,"Northwind dirty"`]));
    core.topics.save(id, undefined, { name: 'Northwind', kind: 'brand', terms: ['northwind'] }, ANN.name);
    core.topics.save(id, undefined, { name: 'Recall', kind: 'topic', terms: ['#recall'] }, ANN.name);
    core.topics.save(id, undefined, { name: 'Empty', kind: 'topic', terms: [] }, ANN.name);
    const filters = [
      { incidentId: id, query: 'dirty' },
      { incidentId: id, query: 'northwind', platforms: ['x'], sentiment: ['negative' as const, 'unrated' as const] },
      { incidentId: id, query: 'northwind', langs: ['ru'], from: T0 + 60 * MIN, to: T0 + 160 * MIN },
      { incidentId: id, query: 'nobody' },
      { incidentId: id, query: '" "', sentiment: ['negative' as const] }, // typed, but no words to search: the other conditions alone
    ];
    const answers = () =>
      filters.map((f) => {
        const authors = core.dashboard.topAuthors(f);
        const terms = core.dashboard.topTerms(f);
        return { d: core.dashboard.dashboard(f, 120), sov: core.dashboard.shareOfVoice(f).topics, authors: [authors.byReach, authors.negatives], terms: [terms.terms, terms.negatives] };
      });
    const strip = (a: ReturnType<typeof answers>) => a.map(({ d, ...rest }) => ({ d: { ...d, source: null }, ...rest }));
    const columns = core.dashboard.columns;

    const bySql = answers();
    assert.ok(bySql.every((a) => a.d.source === 'mentions'), 'before the facts are read, SQL answers');
    assert.ok(await columns.ready(id));
    const inMemory = answers();
    assert.ok(inMemory.every((a) => a.d.source === 'memory'));
    assert.deepEqual(strip(inMemory), strip(bySql));
    assert.deepEqual(inMemory[0].sov.map((t) => [t.name, t.total]), [['Northwind', 3], ['Recall', 3], ['Empty', 0]]);

    // Every kind of change moves the incident's epoch: the copy is not used until read again, and then agrees again.
    const agreesAfter = async (change: () => unknown) => {
      await change();
      const sql = answers();
      assert.ok(sql.every((a) => a.d.source === 'mentions'), 'a change retires the copy');
      assert.ok(await columns.ready(id));
      assert.deepEqual(strip(answers()), strip(sql));
      return sql;
    };
    const fox = core.db.prepare("SELECT id FROM mentions WHERE text = 'still dirty #recall'").pluck().get() as number;
    const corrected = await agreesAfter(() => core.sentiment.correct([fox], 'positive', ANN));
    assert.equal(corrected[0].d.platforms[0].positive, 1);
    // Mentions added after the other incident's: its ids now sit inside this incident's id range, never counted here.
    const more = await agreesAfter(() => importFile(core, id, csv('more.csv', [`20,${new Date(T0 + 5 * MIN).toISOString()},telegram,uk,negative,ivy,"dirty Northwind"`])));
    assert.equal(more[0].d.total, 6);
    const batch = core.db.prepare("SELECT batch_id FROM mentions WHERE text = 'dirty Northwind'").pluck().get() as string;
    assert.equal((await agreesAfter(() => core.imports.undo(batch, ANN)))[0].d.total, 5);
    const recall = core.topics.list(id).find((t) => t.name === 'Recall')!;
    const saved = await agreesAfter(() => core.topics.save(id, recall.id, { name: 'Recall', kind: 'topic', terms: ['never'] }, ANN.name));
    assert.deepEqual(saved[1].sov.map((t) => t.total), [4, 1, 0]);
    await agreesAfter(() => core.topics.remove(recall.id));
    // A platform or language missing from the filter-menu counts (which number them in SQL) is read as text instead.
    await agreesAfter(() => {
      core.db.prepare("DELETE FROM mention_facets WHERE incident_id = ? AND value IN ('x', 'ru')").run(id);
      core.sentiment.correct([fox], 'neutral', ANN);
    });
    // Another incident's changes leave this one's copy in use.
    core.sentiment.correct([core.db.prepare('SELECT id FROM mentions WHERE incident_id = ?').pluck().get(other) as number], 'neutral', ANN);
    assert.equal(core.dashboard.dashboard(filters[0], 0).source, 'memory');
  });

  it('keeps the in-memory facts of the two incidents last used', async () => {
    const { core, id } = await seeded();
    const others = [newIncident(core, 'Second'), newIncident(core, 'Third')];
    for (const [i, other] of others.entries()) {
      const file = path.join(tempDir(), `o${i}.csv`);
      fs.writeFileSync(file, ['id,date,platform,lang,sentiment,text', `${i},${new Date(T0).toISOString()},twitter,en,negative,"dirty"`].join('\n'));
      await importFile(core, other, file);
    }
    const { columns } = core.dashboard;
    assert.ok(await columns.ready(id));
    assert.ok(await columns.ready(others[0]));
    assert.ok(columns.current(id), 'used again: now the most recent');
    assert.ok(await columns.ready(others[1]));
    assert.equal(columns.current(others[0]), null, 'the least recently used one is let go');
    assert.ok(columns.current(id));
    assert.ok(columns.current(others[1]));
  });

  it('over the contract: a chart query validates its filter, and the room server refuses label files by path', async () => {
    const { core, id } = await seeded();
    const room = createDispatcher(core, 'room');
    const bad = await room('analytics.dashboard', { filter: { incidentId: id, sentiment: ['angry'] } }, ANN);
    assert.equal(bad.ok, false);
    const byPath = await room('sentiment.importLabels', { source: { path: '/etc/passwd' } }, ANN);
    assert.deepEqual(byPath.ok ? null : byPath.error.code, 'FORBIDDEN');
    const ok = await room('analytics.topTerms', { filter: { incidentId: id } }, ANN);
    assert.equal(ok.ok, true);
  });
});
