import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { testCore } from './helpers';

describe('demo crisis', () => {
  it('creates a populated, active, classified incident with a back-dated detection in its history', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    assert.equal(demo.isDemo, true);
    assert.equal(demo.status, 'active');
    assert.equal(demo.level, 3);
    assert.equal(demo.crisisType, 'viral_activity');
    const fields = core.incidents.history(demo.id).map((c) => c.field);
    for (const f of ['created', 'detectedAt', 'status', 'level']) assert.ok(fields.includes(f), f);
  });

  it('is idempotent', async () => {
    const core = testCore();
    const first = await loadDemoCrisis(core);
    const second = await loadDemoCrisis(core);
    assert.equal(second.id, first.id);
    assert.equal(core.incidents.list({ archived: false, limit: 10 }).length, 1);
    assert.equal(core.imports.batches(first.id).length, 1);
  });

  it('comes with imported mentions that spike after detection, in five languages, and two quarantined rows', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const [batch] = core.imports.batches(demo.id);
    assert.deepEqual([batch.fileName, batch.preset, batch.status, batch.rejected], ['northwind-brandwatch-export.csv', 'brandwatch', 'complete', 2]);
    const facets = core.mentions.facets(demo.id);
    assert.equal(facets.total, batch.imported);
    assert.deepEqual(facets.langs.map((l) => l.value).sort(), ['el', 'en', 'fa', 'ru', 'uk']);
    const count = (from: number, to: number) => core.mentions.search({ incidentId: demo.id, from, to }, { sort: 'time', direction: 'desc', offset: 0, limit: 1 }).total;
    const hour = 3_600_000;
    const quietHour = count(core.clock.now - 30 * hour, core.clock.now - 29 * hour);
    const spikeHour = count(core.clock.now - 20 * hour, core.clock.now - 19 * hour);
    assert.ok(spikeHour > 10 * quietHour, `spike ${spikeHour} vs quiet ${quietHour}`);
  });
});
