import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TimelineEntry } from '../../shared/analytics';
import { createDispatcher } from '../../electron/transport/dispatch';
import { updateTimer } from '../../shared/update-timer';
import { ANN, BOB, testCore } from './helpers';
import { newIncident } from './import-helpers';

const MIN = 60_000;

async function setup() {
  const core = testCore();
  const id = newIncident(core, 'Timeline');
  const dispatch = createDispatcher(core, 'cli');
  const add = async (arg: Record<string, unknown>, actor = ANN) => {
    const r = await dispatch('timeline.add', { incidentId: id, ...arg }, actor);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as TimelineEntry;
  };
  return { core, id, dispatch, add };
}

describe('timeline', () => {
  it('keeps people\'s entries in event order, with author, role, tags and key events; never deleted', async () => {
    const { core, id, add } = await setup();
    const now = core.clock.now;
    await add({ kind: 'observation', text: 'First post found', occurredAt: now - 30 * MIN, tags: ['monitoring'], keyEvent: true });
    await add({ kind: 'decision', text: 'Convene the war room' }, BOB);
    await add({ kind: 'public_update', text: 'Holding statement posted', occurredAt: now - 10 * MIN, tags: ['statement'] });
    const list = core.timeline.list(id);
    assert.deepEqual(list.map((e) => e.kind), ['decision', 'public_update', 'observation']);
    assert.deepEqual([list[0].author, list[0].role, list[0].occurredAt], ['Bob Stone', 'Incident lead', now]);
    assert.deepEqual(list[2].tags, ['monitoring']);
    assert.equal(list[2].keyEvent, true);
    assert.throws(() => core.db.prepare('DELETE FROM timeline_entries WHERE id = ?').run(list[0].id), /never deleted/);
  });

  it('filters by kind, author, tag, words (any script, any case) and key events', async () => {
    const { core, id, add } = await setup();
    await add({ kind: 'observation', text: 'Видео набирает ПРОСМОТРЫ', tags: ['video'] });
    await add({ kind: 'decision', text: 'Reply to journalists by noon', keyEvent: true }, BOB);
    await add({ kind: 'note', text: 'QA called back', tags: ['qa', 'video'] });
    const kinds = (f: Record<string, unknown>) => core.timeline.list({ incidentId: id, ...f }).map((e) => e.kind);
    assert.deepEqual(kinds({ kinds: ['decision', 'note'] }), ['note', 'decision']);
    assert.deepEqual(kinds({ author: 'Bob Stone' }), ['decision']);
    assert.deepEqual(kinds({ tag: 'video' }), ['note', 'observation']);
    assert.deepEqual(kinds({ query: 'просмотры' }), ['observation']);
    assert.deepEqual(kinds({ keyOnly: true }), ['decision']);
    assert.deepEqual(core.timeline.facets(id), { authors: ['Ann Lee', 'Bob Stone'], tags: ['qa', 'video'] });
  });

  it('back-dating keeps the first time on the entry and every change in its record', async () => {
    const { core, dispatch, add } = await setup();
    const entry = await add({ kind: 'action', text: 'Called the retailer' });
    const first = entry.occurredAt;
    core.clock.now += 5 * MIN;
    await dispatch('timeline.update', { id: entry.id, occurredAt: first - 60 * MIN, reason: 'Written down late' }, ANN);
    const r = await dispatch('timeline.update', { id: entry.id, occurredAt: first - 90 * MIN, keyEvent: true }, BOB);
    assert.ok(r.ok);
    const updated = r.value as TimelineEntry;
    assert.deepEqual([updated.occurredAt, updated.originalOccurredAt, updated.keyEvent], [first - 90 * MIN, first, true]);
    const edits = core.timeline.edits(entry.id);
    assert.deepEqual(edits.map((e) => [e.field, e.editedBy, e.reason]), [['occurredAt', 'Ann Lee', 'Written down late'], ['occurredAt', 'Bob Stone', null], ['keyEvent', 'Bob Stone', null]]);
    assert.throws(() => core.db.prepare('UPDATE timeline_edits SET reason = NULL').run(), /never changed/);
  });

  it('refuses entries of unknown kinds and from nobody', async () => {
    const { id, dispatch } = await setup();
    const bad = await dispatch('timeline.add', { incidentId: id, kind: 'alert.raised', text: 'forged' }, ANN);
    assert.equal(bad.ok ? null : bad.error.code, 'BAD_REQUEST');
    const anonymous = await dispatch('timeline.add', { incidentId: id, kind: 'note', text: 'who?' }, undefined);
    assert.equal(anonymous.ok ? null : anonymous.error.code, 'UNAUTHENTICATED');
    const empty = await dispatch('timeline.add', { incidentId: id, kind: 'note', text: '   ' }, ANN);
    assert.equal(empty.ok ? null : empty.error.code, 'BAD_REQUEST');
  });

  it('status, level and crisis type changes land on the timeline by themselves', async () => {
    const { core, id } = await setup();
    core.incidents.setStatus(id, 'contained', BOB, 'Spread stopped');
    core.incidents.update(id, { level: 2, crisisType: 'negative_reviews' }, BOB);
    const system = core.timeline.list(id).filter((e) => e.kind.startsWith('incident.'));
    assert.deepEqual(system.map((e) => [e.kind, e.ref?.from, e.ref?.to]).sort(), [
      ['incident.crisisType', null, 'negative_reviews'],
      ['incident.level', null, '2'],
      ['incident.status', 'active', 'contained'],
    ]);
    assert.match(system.find((e) => e.kind === 'incident.status')!.text, /Spread stopped/);
  });

  it('the next public update is due by the level\'s cadence after the last one, and only while the crisis is live', async () => {
    const { core, id, add } = await setup();
    const opened = core.incidents.get(id).openedAt!;
    const timer = () => updateTimer(core.incidents.get(id), core.timeline.lastPublicUpdate(id));
    assert.deepEqual(timer(), { cadenceMinutes: 240, lastUpdateAt: null, dueAt: opened + 240 * MIN }, 'unclassified: every 4 hours from opening');
    core.incidents.update(id, { level: 4 }, ANN);
    assert.equal(timer()!.dueAt, opened + 60 * MIN, 'level 4: every hour');
    await add({ kind: 'public_update', text: 'Holding statement', occurredAt: opened + 20 * MIN });
    await add({ kind: 'note', text: 'not an update', occurredAt: opened + 50 * MIN });
    assert.deepEqual([timer()!.lastUpdateAt, timer()!.dueAt], [opened + 20 * MIN, opened + 80 * MIN]);
    core.incidents.setStatus(id, 'resolved', ANN);
    assert.equal(timer(), null);
  });
});
