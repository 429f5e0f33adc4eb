import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { testCore } from './helpers';

describe('demo crisis', () => {
  it('creates a populated, active, classified incident with a back-dated detection in its history', () => {
    const core = testCore();
    const demo = loadDemoCrisis(core.incidents, core.clock.now);
    assert.equal(demo.isDemo, true);
    assert.equal(demo.status, 'active');
    assert.equal(demo.level, 3);
    assert.equal(demo.crisisType, 'viral_activity');
    const fields = core.incidents.history(demo.id).map((c) => c.field);
    for (const f of ['created', 'detectedAt', 'status', 'level']) assert.ok(fields.includes(f), f);
  });

  it('is idempotent', () => {
    const core = testCore();
    const first = loadDemoCrisis(core.incidents);
    const second = loadDemoCrisis(core.incidents);
    assert.equal(second.id, first.id);
    assert.equal(core.incidents.list({ archived: false, limit: 10 }).length, 1);
  });
});
