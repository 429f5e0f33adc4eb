import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/analytics';
import { negativeShareSpikes, volumeSpikes, type Window } from '../../electron/core/alerts/spike-detector';
import { ANN, countRows, tempDir, testCore } from './helpers';
import { importFile, newIncident } from './import-helpers';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 9, 1); // quiet days start here

/**
 * A constructed stream: three quiet days of 4-6 mentions an hour (20% negative), then at hour 80 a spike of
 * 60 mentions, 75% negative, carrying a hashtag never seen before (the rest of their words were already in the
 * quiet days' complaints), one of them by a big account.
 */
function streamCsv(): string {
  const lines = ['id,date,text,sentiment,author,followers'];
  let id = 0;
  for (let h = 0; h < 84; h++) {
    const spike = h >= 80;
    const n = spike ? 60 : 4 + (h % 3);
    for (let k = 0; k < n; k++) {
      const negative = spike ? k % 4 !== 0 : k % 5 === 0;
      const text = negative ? (spike ? `the bottle was dirty #glassgate ${k}` : `dirty bottle again ${k}`) : `ordered juice today ${k}`;
      const big = spike && k === 7;
      const at = new Date(T0 + h * HOUR + Math.floor((k * HOUR) / n)).toISOString();
      lines.push(`${++id},${at},"${text}",${negative ? 'negative' : 'neutral'},${big ? 'BigNews' : `user${k}`},${big ? 2_000_000 : 100}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('early warning', () => {
  it('fires at the spike and not on the quiet days before it, once per alert', async () => {
    const core = testCore();
    const id = newIncident(core, 'Stream');
    const file = path.join(tempDir(), 'stream.csv');
    fs.writeFileSync(file, streamCsv());
    await importFile(core, id, file);
    const raised = core.alerts.evaluate(id);
    const spikeStart = T0 + 80 * HOUR;
    const byKind = Object.fromEntries(raised.map((a) => [a.kind, a]));
    assert.deepEqual(Object.keys(byKind).sort(), ['influencer', 'negative_share', 'new_term', 'volume']);
    assert.equal(byKind.volume.windowStart, spikeStart);
    assert.equal(byKind.volume.observed, 60);
    assert.equal(byKind.negative_share.windowStart, spikeStart);
    assert.equal(byKind.new_term.detail.term, 'glassgate');
    assert.equal(byKind.influencer.detail.author, 'BigNews');
    assert.ok(raised.every((a) => a.windowStart >= spikeStart), 'nothing on the quiet days');
    assert.deepEqual(byKind.volume.filter, { from: spikeStart, to: spikeStart + HOUR });

    assert.deepEqual(core.alerts.evaluate(id), [], 'evaluating again raises nothing new');
    assert.equal(countRows(core, 'alerts'), 4);
    const timeline = core.timeline.list(id);
    assert.equal(timeline.filter((e) => e.kind === 'alert.raised').length, 4);
    assert.equal(timeline.filter((e) => e.kind === 'import.finished').length, 1);

    const acked = core.alerts.acknowledge(byKind.volume.id, ANN);
    assert.deepEqual([acked.acknowledgedBy, acked.acknowledgedAt], ['Ann Lee', core.clock.now]);
    assert.equal(core.timeline.list(id)[0].kind, 'alert.acknowledged');
    assert.throws(() => core.db.prepare('DELETE FROM timeline_entries').run(), /never deleted/);
  });

  it('thresholds are per incident: a minimum count above the spike silences it', async () => {
    const core = testCore();
    const id = newIncident(core, 'Quiet');
    const file = path.join(tempDir(), 'stream.csv');
    fs.writeFileSync(file, streamCsv());
    await importFile(core, id, file);
    core.alerts.saveSettings(id, { ...DEFAULT_ALERT_SETTINGS, minCount: 100, followerThreshold: 5_000_000, newTerms: false }, ANN);
    assert.deepEqual(core.alerts.evaluate(id), []);
    assert.equal(core.alerts.settings(id).minCount, 100);
  });

  it('sensitivity moves the threshold; a steady negative stream does not alarm', () => {
    const windows = (counts: number[], negShare = 0.2): Window[] =>
      counts.map((total, i) => ({ start: i * HOUR, total, negative: Math.round(total * negShare), rated: total }));
    const quiet = Array.from({ length: 24 }, (_v, i) => 4 + (i % 3));
    const moderate = [...quiet, 13]; // z ≈ 3.6 against a mean of 5
    const settings = { ...DEFAULT_ALERT_SETTINGS, minCount: 5 };
    assert.equal(volumeSpikes(windows(moderate), { ...settings, sensitivity: 'low' }).length, 0);
    assert.equal(volumeSpikes(windows(moderate), { ...settings, sensitivity: 'high' }).length, 1);
    assert.equal(volumeSpikes(windows(moderate), { ...settings, minCount: 20, sensitivity: 'high' }).length, 0, 'tiny numbers never alarm');
    assert.equal(negativeShareSpikes(windows(quiet, 0.9), DEFAULT_ALERT_SETTINGS).length, 0);
    // One episode, one alert: three alarming windows in a row raise it once.
    assert.equal(volumeSpikes(windows([...quiet, 200, 210, 220]), settings).length, 1);
  });
});
