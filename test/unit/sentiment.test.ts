import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { SentimentEngine } from '../../electron/core/sentiment/engine';
import type { FirebreakError } from '../../shared/errors';
import type { FileProblem } from '../../shared/mentions';
import { trainLanguage } from '../../electron/core/sentiment/trainer';
import { ANN, BOB, countRows, tempDir, testCore } from './helpers';
import { csvFile, importFile, newIncident } from './import-helpers';
import { assertRollupMatches } from './rollup-helpers';

/** Words no lexicon rates: only labels can teach them (a product defect vs a refund vs opening hours). */
function domainLabels(n: number, offset = 0) {
  const out: { text: string; label: 'negative' | 'neutral' | 'positive' }[] = [];
  for (let i = offset; i < offset + n; i++) {
    out.push({ text: `glass shard inside bottle batch ${i}`, label: 'negative' });
    out.push({ text: `refund arrived within hours order ${i}`, label: 'positive' });
    out.push({ text: `store opens at ${i % 24} tomorrow`, label: 'neutral' });
  }
  return out;
}

describe('language detection', () => {
  let engine: SentimentEngine;
  before(async () => {
    engine = await SentimentEngine.load();
  });

  it('decides by script first, then by letters only Russian or Ukrainian has, then by eld between the two', () => {
    const d = (s: string) => engine.detector.detect(s);
    assert.equal(d('The juice was fine until the video came out'), 'en');
    assert.equal(d('Это просто ужас, больше не куплю'), 'ru'); // ы/э/ъ/ё not needed: eld decides
    assert.equal(d('Объявите уже результаты'), 'ru'); // ъ
    assert.equal(d('Чому вони досі мовчать?'), 'uk'); // і
    assert.equal(d('Компанія знову підвела клієнтів'), 'uk');
    assert.equal(d('Απαράδεκτο, βρήκα ξένο σώμα'), 'el');
    assert.equal(d('پشتیبانی سریع پاسخ داد'), 'fa');
    assert.equal(d('🔥🔥🔥 123'), null);
  });

  it('scores with the lexicon of the language: negation flips, Russian matches by stem', () => {
    assert.equal(engine.classify('This is terrible, the worst service', 'en').label, 'negative');
    assert.equal(engine.classify('Great, thank you so much', 'en').label, 'positive');
    assert.equal(engine.classify('not good, not good at all', 'en').label, 'negative');
    assert.equal(engine.classify('Отвратительное обслуживание, ужасно', 'ru').label, 'negative');
    const c = engine.classify('Store opens at nine');
    assert.deepEqual([c.label, c.lang], ['neutral', 'en']);
    assert.ok(c.score >= -1 && c.score <= 1);
  });

  it('a model trained on labels is used only when it beats the lexicon, by cross-validation', async () => {
    assert.equal(await trainLanguage(engine, 'en', domainLabels(5)), null, 'fewer than 30 labels: nothing to learn');
    const result = await trainLanguage(engine, 'en', domainLabels(40));
    assert.ok(result && result.better && result.trained);
    assert.ok(result.model.macroF1 > 0.9, `model F1 ${result.model.macroF1}`);
    assert.ok(result.lexicon.macroF1 < 0.5, `lexicon F1 ${result.lexicon.macroF1}`);
  });
});

describe('sentiment in the app', () => {
  it('scores imported mentions in the background, fills missing languages and keeps the three values apart', async () => {
    const core = testCore();
    const id = newIncident(core);
    const dir = tempDir();
    const file = csvFile(dir, 'posts.csv', [
      'id,date,text,sentiment,lang',
      '1,2026-11-01 10:00,"Terrible, the worst juice ever",positive,en', // the tool says positive: the tool wins over the engine
      '2,2026-11-01 10:05,"Это просто ужас, отвратительно",,',
      '3,2026-11-01 10:10,"Дякую, все чудово",,',
      '4,2026-11-01 10:15,"Store opens at nine",,en',
    ]);
    const summary = await importFile(core, id, file);
    assert.equal(summary.imported, 4);
    assert.equal(core.sentiment.status().unscored, 4);
    await core.sentiment.scoreAll();
    const rows = core.db.prepare('SELECT text, lang, lang_detected, source_sentiment, engine_sentiment, sentiment FROM mentions ORDER BY id').all() as {
      text: string; lang: string; lang_detected: number; source_sentiment: number | null; engine_sentiment: number; sentiment: number;
    }[];
    assert.deepEqual(rows.map((r) => [r.lang, r.lang_detected]), [['en', 0], ['ru', 1], ['uk', 1], ['en', 0]]);
    assert.deepEqual(rows.map((r) => r.engine_sentiment), [-1, -1, 1, 0]);
    assert.deepEqual(rows.map((r) => r.sentiment), [1, -1, 1, 0], 'tool value shown where there is one, else the engine');
    assert.equal(core.sentiment.status().unscored, 0);
    assertRollupMatches(core);
    assert.deepEqual(core.mentions.facets(id).langs.map((l) => l.value).sort(), ['en', 'ru', 'uk'], 'facets follow detected languages');
  });

  it("an analyst's correction wins, is kept with who and when, and becomes a training label", async () => {
    const core = testCore();
    const id = newIncident(core);
    const file = csvFile(tempDir(), 'p.csv', ['id,date,text,sentiment', '1,2026-11-01 10:00,Bottle arrived,positive', '2,2026-11-01 11:00,Another bottle,neutral']);
    await importFile(core, id, file);
    await core.sentiment.scoreAll();
    const [a, b] = core.db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[];
    core.sentiment.correct([a], 'negative', ANN);
    core.clock.now += 60_000;
    core.sentiment.correct([a, b], 'neutral', BOB);
    const m = core.mentions.get(a);
    assert.deepEqual([m.sentiment, m.analystSentiment, m.analystBy, m.sourceSentiment], [0, 0, 'Bob Stone', 1]);
    assert.equal(countRows(core, 'sentiment_labels'), 3, 'every correction is kept');
    const stored = core.db.prepare('SELECT label, created_by FROM sentiment_labels WHERE mention_id = ? ORDER BY id').all(a);
    assert.deepEqual(stored, [{ label: -1, created_by: 'Ann Lee' }, { label: 0, created_by: 'Bob Stone' }]);
    assert.equal(core.sentiment.status().langs.find((l) => l.lang === 'en')?.analystLabels, 3, 'labels go to the detected language');
    assertRollupMatches(core);
    const neutral = core.mentions.search({ incidentId: id, sentiment: ['neutral'] }, { sort: 'time', direction: 'asc', offset: 0, limit: 10 });
    assert.equal(neutral.total, 2);
  });

  it('learns from a labelled file, uses the model once it beats the lexicon, and re-scores mentions', async () => {
    const core = testCore();
    const id = newIncident(core);
    const posts = csvFile(tempDir(), 'p.csv', ['id,date,text,lang', '1,2026-11-01 10:00,glass shard inside bottle batch 999,en', '2,2026-11-01 10:05,refund arrived within hours order 999,en']);
    await importFile(core, id, posts);
    await core.sentiment.scoreAll();
    const before = core.db.prepare('SELECT engine_sentiment FROM mentions ORDER BY id').pluck().all();
    assert.deepEqual(before, [0, 0], 'the lexicon does not know these words');

    const labels = csvFile(tempDir(), 'labels.csv', ['text,label', ...domainLabels(40).map((l) => `"${l.text}",${l.label}`)]);
    const result = await core.sentiment.importLabels(labels, undefined, undefined, ANN);
    assert.equal(result.rows, 120);
    assert.deepEqual(result.langs, [{ lang: 'en', rows: 120 }]);
    assert.equal(result.trained[0].model?.active, true);
    await core.sentiment.idle(); // the re-scoring job
    assert.deepEqual(core.db.prepare('SELECT engine_sentiment FROM mentions ORDER BY id').pluck().all(), [-1, 1]);
    assertRollupMatches(core);

    // The CLI, in another process, uses the model learned in this data directory.
    core.close();
    const cli = spawnSync(process.execPath, [path.resolve(__dirname, '../../electron/cli/firebreak.cjs'), 'sentiment', '--data-dir', core.dataDir, '--json'], {
      input: '{"text":"glass shard inside bottle batch 5000"}\n{"text":"Это ужасно"}\nnot json\n',
      encoding: 'utf8',
    });
    const lines = cli.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines[0], { label: 'negative', score: lines[0].score, lang: 'en' });
    assert.equal(lines[1].lang, 'ru');
    assert.match(String(lines[2].error), /line 3/);
    assert.equal(cli.status, 1, 'an unreadable line makes the exit code non-zero');
  });

  it('refuses a labelled file with a bad row, naming file and row, and stores nothing from it', async () => {
    const core = testCore();
    const file = csvFile(tempDir(), 'bad.csv', ['text,label', 'fine,positive', 'hmm,maybe']);
    await assert.rejects(core.sentiment.importLabels(file, undefined, undefined, ANN), /bad\.csv: row 3: "maybe" is not a label/);
    // A row that cannot be split into fields says why as a row problem too, for the UI to word in its language.
    const torn = csvFile(tempDir(), 'torn.csv', ['text,label', 'fine,positive', 'hmm,maybe,not']);
    await assert.rejects(core.sentiment.importLabels(torn, undefined, undefined, ANN), (err: FirebreakError) => {
      assert.equal(err.message, 'torn.csv: row 3: has 3 fields where the header has 2');
      assert.deepEqual((err.details as { problem: FileProblem }).problem, {
        code: 'labels_bad_row',
        params: { row: 3, reason: 'has 3 fields where the header has 2' },
        row: { code: 'field_count', params: { fields: 3, columns: 2 } },
      });
      return true;
    });
    const noColumns = csvFile(tempDir(), 'cols.csv', ['body,mood', 'x,y']);
    await assert.rejects(core.sentiment.importLabels(noColumns, undefined, undefined, ANN), /cols\.csv: needs a "text" and a "label" column/);
    assert.equal(countRows(core, 'sentiment_labels'), 0);
  });

  it('two imports running at once into one incident are each counted once', async () => {
    const core = testCore();
    const id = newIncident(core);
    const dir = tempDir();
    const rows = (prefix: string, n: number) => ['id,date,text,sentiment', ...Array.from({ length: n }, (_v, i) => `${prefix}${i},2026-11-01 ${String(10 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${prefix} text ${i},${i % 3 ? 'negative' : 'positive'}`)];
    const a = csvFile(dir, 'a.csv', rows('a', 30_000));
    const b = csvFile(dir, 'b.csv', rows('b', 25_000));
    const [sa, sb] = await Promise.all([core.imports.start({ file: a, incidentId: id, actor: ANN, options: { timezone: 'UTC' } }), core.imports.start({ file: b, incidentId: id, actor: ANN, options: { timezone: 'UTC' } })]);
    const [ra, rb] = await Promise.all([sa.done, sb.done]);
    assert.deepEqual([ra.imported, rb.imported], [30_000, 25_000]);
    assertRollupMatches(core);
  });

  it('undoing an import takes its mentions off the chart counts', async () => {
    const core = testCore();
    const id = newIncident(core);
    const file = csvFile(tempDir(), 'p.csv', ['id,date,text,sentiment', '1,2026-11-01 10:00,a,negative', '2,2026-11-01 10:07,b,positive']);
    const summary = await importFile(core, id, file);
    assert.equal(countRows(core, 'rollup_hour'), 2);
    assertRollupMatches(core);
    core.imports.undo(summary.batchId, ANN);
    assert.equal(countRows(core, 'rollup_hour') + countRows(core, 'rollup_day') + countRows(core, 'rollup_time'), 0);
  });
});
