import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { createCore } from '../../electron/core/app-core';
import { newIncidentSchema } from '../../shared/api/incidents';
import { FirebreakError } from '../../shared/errors';
import { ANN, BOB, countRows, testCore } from './helpers';

const HOUR = 3_600_000;
// Defaults as the dispatcher would fill them; each test sets the title and what it needs.
const base = newIncidentSchema.parse({ title: 'untitled' });

function rejectsWith(code: string, fn: () => unknown) {
  assert.throws(fn, (err: unknown) => err instanceof FirebreakError && err.code === code);
}

describe('incidents', () => {
  it('creates an incident with its owner, open time and a creation record', () => {
    const core = testCore();
    const created = core.incidents.create({ ...base, title: 'Data leak' }, ANN);
    assert.equal(created.owner, 'Ann Lee');
    assert.equal(created.openedAt, core.clock.now);
    assert.equal(created.detectedAt, core.clock.now);
    assert.deepEqual(core.incidents.get(created.id), created);
    const history = core.incidents.history(created.id);
    assert.equal(history.length, 1);
    assert.equal(history[0].field, 'created');
    assert.equal(history[0].changedBy, 'Ann Lee');
  });

  it('a monitored situation has no open time until it becomes active', () => {
    const core = testCore();
    const watched = core.incidents.create({ ...base, title: 'Rumour', status: 'monitoring' }, ANN);
    assert.equal(watched.openedAt, null);
    core.clock.now += HOUR;
    const active = core.incidents.setStatus(watched.id, 'active', BOB, 'It is spreading');
    assert.equal(active.openedAt, core.clock.now);
    const statusChange = core.incidents.history(watched.id).find((c) => c.field === 'status');
    assert.deepEqual([statusChange?.oldValue, statusChange?.newValue, statusChange?.reason, statusChange?.changedBy], ['monitoring', 'active', 'It is spreading', 'Bob Stone']);
  });

  it('records who changed which field from what to what, and nothing when nothing changed', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Old title' }, ANN);
    core.incidents.update(i.id, { title: 'New title', level: 3, organisation: '' }, BOB);
    const changes = core.incidents.history(i.id).filter((c) => c.field !== 'created');
    assert.deepEqual(
      changes.map((c) => [c.field, c.oldValue, c.newValue, c.changedBy]),
      [
        ['title', 'Old title', 'New title', 'Bob Stone'],
        ['level', null, '3', 'Bob Stone'],
      ],
    );
    core.incidents.update(i.id, { title: 'New title' }, BOB);
    assert.equal(core.incidents.history(i.id).length, 3);
  });

  it('walks the lifecycle: resolve, close, reopen', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Outage' }, ANN);
    core.clock.now += HOUR;
    const resolved = core.incidents.setStatus(i.id, 'resolved', ANN);
    assert.equal(resolved.resolvedAt, core.clock.now);
    assert.equal(resolved.phase, 'after');
    core.clock.now += HOUR;
    const closed = core.incidents.setStatus(i.id, 'closed', ANN);
    assert.equal(closed.closedAt, core.clock.now);
    const reopened = core.incidents.setStatus(i.id, 'active', BOB, 'New wave of posts');
    assert.equal(reopened.status, 'active');
    assert.equal(reopened.closedAt, null);
    assert.equal(reopened.resolvedAt, null);
    assert.equal(reopened.phase, 'during');
    // The earlier closing time is not lost: it is in the history.
    const closedAtChanges = core.incidents.history(i.id).filter((c) => c.field === 'closedAt');
    assert.deepEqual(closedAtChanges.map((c) => c.newValue), [String(closed.closedAt), null]);
  });

  it('refuses a transition the lifecycle does not allow, and changes nothing', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Rumour', status: 'monitoring' }, ANN);
    const before = countRows(core, 'incident_changes');
    rejectsWith('INVALID_TRANSITION', () => core.incidents.setStatus(i.id, 'resolved', ANN));
    // Said by the statuses' names, in the reader's language in the UI (another laptop usually moved it first).
    assert.throws(() => core.incidents.setStatus(i.id, 'resolved', ANN), (e: FirebreakError) => e.message === 'This incident is now "Monitoring" and cannot become "Resolved".'
      && isDeepStrictEqual((e.details as { say: unknown }).say, { key: 'incidentStatus', params: { incidentFrom: 'monitoring', incidentTo: 'resolved' } }));
    assert.equal(core.incidents.get(i.id).status, 'monitoring');
    assert.equal(countRows(core, 'incident_changes'), before);
  });

  it('back-dates a time and keeps the original value with the reason', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Viral video' }, ANN);
    const original = i.detectedAt;
    const earlier = core.clock.now - 5 * HOUR;
    const updated = core.incidents.setTime(i.id, 'detectedAt', earlier, BOB, 'First post found in export');
    assert.equal(updated.detectedAt, earlier);
    const change = core.incidents.history(i.id).find((c) => c.field === 'detectedAt');
    assert.equal(change?.oldValue, String(original));
    assert.equal(change?.newValue, String(earlier));
    assert.equal(change?.reason, 'First post found in export');
  });

  it('refuses times out of order (resolved before opened)', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Outage' }, ANN);
    rejectsWith('BAD_REQUEST', () => core.incidents.setTime(i.id, 'resolvedAt', core.clock.now - HOUR, ANN));
    // The fields by the names the form shows them under, in the message as in the UI.
    assert.throws(() => core.incidents.setTime(i.id, 'resolvedAt', core.clock.now - HOUR, ANN), /Resolved cannot be earlier than Opened\./);
    assert.equal(core.incidents.get(i.id).resolvedAt, null);
  });

  it('archives only closed incidents; the archive is listed apart', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Old crisis' }, ANN);
    assert.throws(() => core.incidents.setArchived(i.id, true, ANN), (e: FirebreakError) => e.code === 'INVALID_TRANSITION'
      && e.message === 'Only a closed incident can be archived; this one is "Active".');
    core.incidents.setStatus(i.id, 'resolved', ANN);
    core.incidents.setStatus(i.id, 'closed', ANN);
    core.incidents.setArchived(i.id, true, ANN);
    assert.deepEqual(core.incidents.list({ archived: false, limit: 50 }), []);
    assert.deepEqual(core.incidents.list({ archived: true, limit: 50 }).map((x) => x.id), [i.id]);
  });

  it('searches case-insensitively in Cyrillic, Greek and Persian, and filters', () => {
    const core = testCore();
    const ru = core.incidents.create({ ...base, title: 'Пожар на складе', level: 4 }, ANN);
    const el = core.incidents.create({ ...base, title: 'Διαρροή δεδομένων', level: 2 }, ANN);
    const fa = core.incidents.create({ ...base, title: 'نشت اطلاعات مشتریان' }, ANN);
    core.incidents.create({ ...base, title: '100% off_sale' }, ANN);
    const search = (s: string) => core.incidents.list({ archived: false, search: s, limit: 50 }).map((x) => x.id);
    assert.deepEqual(search('ПОЖАР'), [ru.id]);
    assert.deepEqual(search('ΔΙΑΡΡΟΉ'), [el.id]);
    assert.deepEqual(search('اطلاعات'), [fa.id]);
    assert.equal(search('%').length, 1, 'LIKE wildcards are matched literally');
    assert.equal(search('_').length, 1);
    assert.deepEqual(core.incidents.list({ archived: false, level: 2, limit: 50 }).map((x) => x.id), [el.id]);
  });

  it('keeps the history append-only even against direct SQL', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'X' }, ANN);
    assert.throws(() => core.db.prepare("UPDATE incident_changes SET changed_by = 'Mallory'").run(), /append-only/);
    assert.throws(() => core.db.prepare('DELETE FROM incident_changes').run(), /append-only/);
    assert.equal(core.incidents.history(i.id)[0].changedBy, 'Ann Lee');
  });

  it('persists across closing and reopening the data directory', () => {
    const core = testCore();
    const i = core.incidents.create({ ...base, title: 'Persistent' }, ANN);
    core.close();
    const again = createCore({ dataDir: core.dataDir });
    try {
      assert.equal(again.incidents.get(i.id).title, 'Persistent');
    } finally {
      again.close();
    }
  });

  it('answers NOT_FOUND for an unknown id', () => {
    const core = testCore();
    rejectsWith('NOT_FOUND', () => core.incidents.get('nope'));
    rejectsWith('NOT_FOUND', () => core.incidents.update('nope', { title: 'x' }, ANN));
  });
});
