import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { FirebreakError } from '../../shared/errors';
import { ANN, BOB, tempDir, testCore } from './helpers';
import { importFile, newIncident } from './import-helpers';
import { assertRollupMatches } from './rollup-helpers';
import type { MentionFilter } from '../../electron/core/mentions/mention-query';

const HOUR = 3_600_000;

/** Four mentions whose order by priority is known: negativity, reach/followers, recency, influencer. */
async function seeded() {
  const core = testCore();
  const id = newIncident(core, 'Triage');
  const at = (hoursAgo: number) => new Date(core.clock.now - hoursAgo * HOUR).toISOString();
  const file = path.join(tempDir(), 't.csv');
  fs.writeFileSync(file, [
    'id,date,text,sentiment,author,followers,reach',
    `1,${at(1)},neutral small,neutral,a,10,10`,
    `2,${at(1)},negative big,negative,b,1000000,5000000`,
    `3,${at(30)},negative old small,negative,c,10,10`,
    `4,${at(0.5)},positive fresh,positive,d,10,10`,
  ].join('\n'));
  await importFile(core, id, file);
  const idOf = (text: string) => core.db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(text) as number;
  return { core, id, idOf };
}

describe('mention triage', () => {
  it('orders the queue by an explainable priority', async () => {
    const { core, id } = await seeded();
    const queue = core.triage.queue({ incidentId: id }, { limit: 10 });
    assert.deepEqual(queue.map((m) => m.text), ['negative big', 'negative old small', 'neutral small', 'positive fresh']);
    const top = queue[0];
    assert.deepEqual([top.parts.negativity, top.parts.influencer], [40, 10]);
    assert.ok(top.parts.reach > 30 - 0.1 && top.parts.recency > 16);
    assert.equal(top.priority, Math.round((top.parts.negativity + top.parts.reach + top.parts.recency + top.parts.influencer) * 10) / 10);
  });

  it('ranks alike from the narrow facts or the mention rows; a triage move is not a chart fact', async () => {
    const { core, id, idOf } = await seeded();
    assert.ok(await core.dashboard.columns.ready(id));
    core.triage.setState([idOf('neutral small')], 'needs_response', ANN, { assignee: 'Olena' });
    assertRollupMatches(core); // the facts copy follows the triage state
    assert.equal(core.dashboard.dashboard({ incidentId: id, query: 'small' }, 0).source, 'memory', 'the in-memory chart facts stay in use');
    const texts = (f: Omit<MentionFilter, 'incidentId'>, assignee?: string) => core.triage.queue({ incidentId: id, ...f }, { limit: 10, assignee }).map((m) => m.text);
    const all = ['negative big', 'negative old small', 'neutral small', 'positive fresh'];
    assert.deepEqual(texts({}), all, 'the whole incident: ranked in the narrow copy');
    assert.deepEqual(texts({ from: core.clock.now - 2 * HOUR, to: core.clock.now }), ['negative big', 'neutral small', 'positive fresh'], 'a short range: the time index and the rows');
    assert.deepEqual(texts({ sentiment: ['negative'] }), ['negative big', 'negative old small']);
    assert.deepEqual(texts({ author: 'c' }), ['negative old small'], 'an author: the rows');
    assert.deepEqual(texts({}, 'Olena'), ['neutral small'], 'an assignee: the rows');
  });

  it('moves through its states, refuses a move it cannot make (all or none), and keeps every step', async () => {
    const { core, id, idOf } = await seeded();
    const big = idOf('negative big');
    const small = idOf('neutral small');
    core.triage.markRead(big, ANN);
    core.triage.setState([big], 'needs_response', ANN, { assignee: 'Olena' });
    const text = core.db.prepare('SELECT text FROM mentions WHERE id = ?').pluck().get(big) as string;
    const quote = text.length > 60 ? `${text.slice(0, 59)}…` : text;
    // Worded as the screens name the states, the mention quoted (it may be one of a selection); the states and the
    // quote as figures for the reader's language.
    assert.throws(() => core.triage.setState([small, big], 'read', BOB), (err: FirebreakError) =>
      /^The mention “.{1,60}” is now "Needs response" and cannot become "Read"\.$/.test(err.message) &&
      isDeepStrictEqual((err.details as { say: unknown }).say, { key: 'triageState', params: { quote, triageFrom: 'needs_response', triageTo: 'read' } }) &&
      (err.details as { mentionId: number }).mentionId === big);
    assert.equal(core.db.prepare('SELECT triage_state FROM mentions WHERE id = ?').pluck().get(small), 'new', 'nothing moved');
    core.clock.now += 10 * 60_000;
    const reply = core.triage.respond(big, 'We are checking batch L-2211 and will update you within the hour.', undefined, BOB);
    assert.equal(reply.by, 'Bob Stone');
    const history = core.triage.history(big);
    assert.deepEqual(history.events.map((e) => [e.fromState, e.toState, e.assignee, e.by]), [
      ['new', 'read', null, 'Ann Lee'],
      ['read', 'needs_response', 'Olena', 'Ann Lee'],
      ['needs_response', 'responded', 'Olena', 'Bob Stone'],
    ]);
    assert.equal(history.responses[0].text, 'We are checking batch L-2211 and will update you within the hour.');
    assert.throws(() => core.db.prepare('DELETE FROM triage_events').run(), /never deleted/);
    assert.deepEqual(core.triage.queue({ incidentId: id }, { limit: 10 }).map((m) => m.text).includes('negative big'), false, 'answered: out of the queue');
    assert.equal(core.triage.queue({ incidentId: id }, { states: ['responded'], limit: 10 })[0].triageAssignee, 'Olena');
  });

  it('escalation goes on the timeline, linked to the mentions; counts and overdue for the header', async () => {
    const { core, id, idOf } = await seeded();
    const dispatch = createDispatcher(core, 'cli');
    const r = await dispatch('triage.setState', { mentionIds: [idOf('negative old small'), idOf('negative big')], state: 'escalated', note: 'Legal must see this' }, ANN);
    assert.ok(r.ok);
    const entry = core.timeline.list(id).find((e) => e.tags.includes('escalated'))!;
    assert.match(entry.text, /^Escalated 2 mentions — ".+" — Legal must see this$/);
    // The line's key and what it quotes travel with the entry, so the UI words it in the reader's language.
    assert.equal(entry.ref?.line?.key, 'escalated');
    assert.deepEqual([entry.ref?.line?.params.count, entry.ref?.line?.params.detail], [2, 'Legal must see this']);
    assert.equal(entry.ref?.mentionIds?.length, 2);
    await dispatch('triage.setState', { mentionIds: [idOf('neutral small')], state: 'needs_response' }, ANN);
    assert.deepEqual(core.triage.counts(id, 3), { unread: 1, awaiting: 3, responded: 0, overdue: 0 });
    core.clock.now += 31 * 60_000; // level 3: a response is due within 30 minutes
    assert.equal(core.triage.counts(id, 3).overdue, 1);
    assert.equal(core.triage.counts(id, 1).overdue, 0, 'level 1 allows two hours');
    const bad = await dispatch('triage.setState', { mentionIds: [idOf('neutral small')], state: 'on_fire' }, ANN);
    assert.equal(bad.ok ? null : bad.error.code, 'BAD_REQUEST');
  });
});
