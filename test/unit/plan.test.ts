import { FirebreakError, type Said } from '../../shared/errors';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CRISIS_TYPES } from '../../shared/domain';
import { createDispatcher } from '../../electron/transport/dispatch';
import { en } from '../../shared/locales/en';
import { ANN, BOB, countRows, tempDir, testCore } from './helpers';
import { importFile, newIncident } from './import-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const person = { title: '', organisation: '', phone: '', email: '', languages: [], notes: '' };
const noOwner = { notes: '', ownerPersonId: null, ownerRoleId: null, dueAt: null };

/** An incident opened two hours before the test clock. */
function opened(core: ReturnType<typeof testCore>) {
  const id = newIncident(core, 'Leak');
  core.incidents.setStatus(id, 'active', BOB);
  core.incidents.setTime(id, 'detectedAt', core.clock.now - 3 * HOUR, ANN, 'first post');
  core.incidents.setTime(id, 'openedAt', core.clock.now - 2 * HOUR, ANN, 'room convened earlier');
  return id;
}

describe('playbooks and tasks', () => {
  it('seeds one playbook per crisis type, with the strategy and aimed result the crisis plan gives, in every step a known role', () => {
    const core = testCore();
    const books = core.playbooks.list();
    assert.deepEqual(books.map((b) => b.crisisType), [...CRISIS_TYPES]);
    const roles = new Set(core.team.roles().map((r) => r.id));
    for (const b of books) {
      assert.ok(b.builtin && b.steps.length >= 4, b.id);
      assert.ok(b.steps.every((s) => s.roleId && roles.has(s.roleId) && s.dueMinutes! > 0 && s.seedKey), b.id);
    }
    const breach = books.find((b) => b.id === 'confidential_information')!;
    assert.equal(breach.strategy, 'Suspend activity at once, give instructions to restore access, notify users of the incident.');
    assert.equal(breach.result, 'Leak contained, trust restored.');
  });

  it('the seeded English is the English the UI translates from (so seeded text is shown in the reader\'s language)', () => {
    const core = testCore();
    const texts = en.playbooks as Record<string, Record<string, string>>;
    for (const b of core.playbooks.list()) {
      assert.deepEqual([b.name, b.strategy, b.result], [texts[b.id].name, texts[b.id].strategy, texts[b.id].result], b.id);
      for (const s of b.steps) {
        const [type, key] = s.seedKey!.split('.');
        assert.equal(s.action, texts[type][key], s.seedKey!);
      }
    }
  });

  it('applying a playbook makes one task per step, due at its target time after opening, owned by its role (naming who holds it)', () => {
    const core = testCore();
    const id = opened(core);
    const maria = core.team.savePerson(undefined, { ...person, name: 'Maria' }, ANN).id;
    core.team.assign({ incidentId: id, personId: maria, roleId: 'security', rank: 'primary' }, ANN);
    const made = core.tasks.apply(id, 'unauthorised_access', 'opened', BOB);
    const openedAt = core.incidents.get(id).openedAt!;
    assert.deepEqual(made.map((t) => [t.title, t.ownerRoleId, (t.dueAt! - openedAt) / MIN]), [
      ['Block the intruder and end all sessions', 'security', 15],
      ['Change passwords and turn on two-factor authentication', 'security', 30],
      ['Hide or label the posts the intruder made', 'responder', 60],
      ['Tell followers the account is back under control', 'spokesperson', 120],
      ['Security review of every brand account', 'security', 1440],
    ]);
    assert.deepEqual(made[0].ownerRoleHolders, ['Maria']);
    assert.deepEqual(made[2].ownerRoleHolders, []);
    // Two hours after opening, the first three are late.
    assert.deepEqual(core.tasks.counts(id), { total: 5, done: 0, open: 5, overdue: 3 });
    const entry = core.timeline.list(id).find((e) => e.kind === 'playbook.applied')!;
    assert.match(entry.text, /Unauthorised access to an account: 5 tasks/);
    assert.deepEqual([entry.ref?.line?.key, entry.ref?.line?.params.count, entry.ref?.line?.params.playbookId], ['playbookApplied', 5, 'unauthorised_access']);
    assert.deepEqual(core.tasks.applied(id).map((a) => [a.playbook.id, a.done, a.total, a.appliedBy]), [['unauthorised_access', 0, 5, 'Bob Stone']]);
  });

  it('a playbook is applied once per incident; a plan adopted late can count its deadlines from now', () => {
    const core = testCore();
    const id = opened(core);
    core.tasks.apply(id, 'false_information', 'now', BOB);
    assert.deepEqual(core.tasks.list(id).map((t) => (t.dueAt! - core.clock.now) / MIN), [30, 90, 120, 180, 240]);
    assert.throws(() => core.tasks.apply(id, 'false_information', 'opened', BOB), (e: Error & { code?: string }) => e.code === 'CONFLICT' && /already applied/.test(e.message));
    assert.equal(core.tasks.list(id).length, 5, 'nothing added by the refused call');
    assert.throws(() => core.tasks.apply(id, 'no-such-book', 'now', BOB), /No playbook/);
  });

  it('tasks by hand; done goes on the timeline; every change is kept; reopening clears done; tasks are never deleted', () => {
    const core = testCore();
    const id = opened(core);
    const ann = core.team.savePerson(undefined, { ...person, name: 'Ann Lee' }, ANN).id;
    const task = core.tasks.add(id, { ...noOwner, title: 'Call the retailer', ownerPersonId: ann, dueAt: core.clock.now + HOUR }, BOB);
    assert.equal(task.ownerPersonName, 'Ann Lee');
    assert.equal(task.status, 'todo');
    core.clock.now += 10 * MIN;
    core.tasks.update(task.id, { status: 'doing', notes: 'Left a message' }, ANN);
    core.clock.now += 10 * MIN;
    const done = core.tasks.update(task.id, { status: 'done' }, ANN);
    assert.deepEqual([done.doneBy, done.doneAt], ['Ann Lee', core.clock.now]);
    const entry = core.timeline.list(id).find((e) => e.kind === 'task.done')!;
    assert.deepEqual([entry.text, entry.ref?.taskId, entry.author], ['Call the retailer', task.id, 'Ann Lee']);
    const reopened = core.tasks.update(task.id, { status: 'todo' }, BOB);
    assert.deepEqual([reopened.doneBy, reopened.doneAt], [null, null]);
    assert.deepEqual(core.tasks.history(task.id).map((e) => [e.field, e.from, e.to, e.actor]), [
      ['notes', '', 'Left a message', 'Ann Lee'],
      ['status', 'todo', 'doing', 'Ann Lee'],
      ['status', 'doing', 'done', 'Ann Lee'],
      ['status', 'done', 'todo', 'Bob Stone'],
    ]);
    assert.throws(() => core.db.prepare('DELETE FROM tasks').run(), /never deleted/);
    assert.throws(() => core.db.prepare('UPDATE task_events SET actor = ?').run('x'), /append-only/);
    assert.throws(() => core.tasks.add(id, { ...noOwner, title: 'x', ownerRoleId: 'nobody' }, BOB), /No role with id nobody here/);
    assert.throws(() => core.tasks.update(task.id, { ownerPersonId: 'ghost', status: 'done' }, BOB), /No person/);
    assert.equal(core.tasks.get(task.id).status, 'todo', 'a refused update changes nothing');
  });

  it('overdue counts follow the clock and leave out finished and cancelled work', () => {
    const core = testCore();
    const id = opened(core);
    const due = (m: number) => ({ ...noOwner, title: `due ${m}`, dueAt: core.clock.now + m * MIN });
    const [a, b, c] = [due(-5), due(-1), due(30)].map((t) => core.tasks.add(id, t, BOB));
    core.tasks.add(id, { ...noOwner, title: 'no deadline' }, BOB);
    assert.deepEqual(core.tasks.counts(id), { total: 4, done: 0, open: 4, overdue: 2 });
    core.tasks.update(a.id, { status: 'done' }, BOB);
    core.tasks.update(b.id, { status: 'cancelled' }, BOB);
    assert.deepEqual(core.tasks.counts(id), { total: 3, done: 1, open: 2, overdue: 0 });
    core.clock.now += HOUR;
    assert.equal(core.tasks.counts(id).overdue, 1);
    assert.deepEqual(core.tasks.list(id).map((t) => t.id).slice(-2), [a.id, b.id], 'done, then cancelled, at the end');
    assert.equal(core.tasks.list(id)[0].id, c.id);
  });

  it('editing a playbook replaces its checklist but not the tasks already made from it; new playbooks can be added', () => {
    const core = testCore();
    const id = opened(core);
    core.tasks.apply(id, 'user_conflicts', 'opened', BOB);
    const book = core.playbooks.get('user_conflicts');
    core.playbooks.save(book.id, { ...book, steps: [{ action: 'Call the moderators in', roleId: 'monitor', dueMinutes: 10, seedKey: null }] }, ANN);
    assert.deepEqual(core.playbooks.get('user_conflicts').steps.map((s) => s.action), ['Call the moderators in']);
    assert.equal(core.tasks.list(id).length, 4);
    const custom = core.playbooks.save(undefined, { name: 'Product recall', crisisType: null, strategy: 'Recall fast', result: 'No one harmed', steps: [{ action: 'Stop shipments', roleId: 'lead', dueMinutes: 30, seedKey: null }] }, ANN);
    assert.equal(core.playbooks.list().at(-1)!.id, custom.id);
    assert.throws(() => core.playbooks.save(undefined, { ...custom, steps: [{ action: 'x', roleId: 'ghost', dueMinutes: null, seedKey: null }] }, ANN), (err: unknown) => err instanceof FirebreakError && (err.details as { say: Said }).say.key === 'missing' && /No role with id ghost here/.test(err.message));
    assert.equal(core.playbooks.list().length, 7, 'the refused playbook was not added');
  });

  it('escalating mentions makes a follow-up task for the incident lead, linked to them', async () => {
    const core = testCore();
    const id = opened(core);
    const file = path.join(tempDir(), 'm.csv');
    fs.writeFileSync(file, `id,date,text\n1,${new Date(core.clock.now).toISOString()},They poisoned us\n2,${new Date(core.clock.now).toISOString()},Same here`);
    await importFile(core, id, file);
    const ids = core.db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[];
    core.triage.setState(ids, 'escalated', ANN, { note: 'Health claim' });
    const [task] = core.tasks.list(id);
    assert.match(task.title, /^Follow up 2 escalated mentions: "They poisoned us"/);
    assert.deepEqual([task.ownerRoleId, task.notes, task.mentionIds, task.dueAt! - core.clock.now], ['lead', 'Health claim', ids, 30 * MIN]);
  });

  it('through the dispatcher: arguments checked, calls recorded as the caller', async () => {
    const core = testCore();
    const id = opened(core);
    const dispatch = createDispatcher(core, 'cli');
    const made = await dispatch('plan.apply', { incidentId: id, playbookId: 'negative_reviews' }, ANN);
    assert.ok(made.ok);
    assert.equal((made.value as unknown[]).length, 6);
    assert.equal(core.timeline.list(id)[0].author, 'Ann Lee');
    const bad = await dispatch('plan.addTask', { incidentId: id, task: { title: '' } }, ANN);
    assert.equal(bad.ok ? null : bad.error.code, 'BAD_REQUEST');
    const missing = await dispatch('plan.tasks', { incidentId: 'nope' }, ANN);
    assert.equal(missing.ok ? null : missing.error.code, 'NOT_FOUND');
    assert.equal(countRows(core, 'tasks'), 6);
  });
});

describe('the demo crisis plan', () => {
  it('has its crisis type\'s playbook in progress, tasks added by hand and from an escalation, two of them late', async () => {
    const { loadDemoCrisis } = await import('../../electron/core/demo/demo-crisis');
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const [applied] = core.tasks.applied(demo.id);
    assert.deepEqual([applied.playbook.id, applied.done, applied.total], ['viral_activity', 4, 5]);
    assert.deepEqual(core.tasks.counts(demo.id), { total: 8, done: 4, open: 4, overdue: 2 });
    assert.ok(core.tasks.list(demo.id).some((t) => t.mentionIds.length === 1 && t.ownerRoleId === 'lead'), 'the escalated mention has a follow-up task');
    const done = core.timeline.list({ incidentId: demo.id, kinds: ['task.done'] });
    assert.equal(done.length, 4);
    assert.ok(done.every((e) => e.occurredAt < core.clock.now - 19 * HOUR), 'done when the room worked on them');
  });
});
