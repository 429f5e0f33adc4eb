import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { TimelineEntry } from '../../shared/analytics';
import { fa } from '../../shared/locales/fa';
import { ru } from '../../shared/locales/ru';
import { ANN, BOB, testCore } from './helpers';
import { newIncident } from './import-helpers';

const HOUR = 3_600_000;
const person = { title: '', organisation: '', phone: '', email: '', languages: [], notes: '' };

describe('team and roles', () => {
  it('seeds the role catalogue a crisis plan names, and lets the team edit and extend it', () => {
    const core = testCore();
    const roles = core.team.roles();
    assert.deepEqual(roles.map((r) => r.id), ['lead', 'deputy', 'spokesperson', 'legal', 'executive', 'responder', 'monitor', 'scribe', 'media', 'security']);
    assert.ok(roles.every((r) => r.duties.length > 10));
    core.team.saveRole('security', { name: 'IT security', duties: 'Accounts and leaks', required: true });
    const added = core.team.saveRole(undefined, { name: 'Customer care lead', duties: 'Refunds and hotline', required: false });
    assert.equal(core.team.roles().at(-1)!.id, added.id);
    assert.equal(core.team.roles().find((r) => r.id === 'security')!.required, true);
  });

  it('the roster shows who holds each role now (primary first), who is next on shift, and gaps', () => {
    const core = testCore();
    const id = newIncident(core);
    const now = core.clock.now;
    const ann = core.team.savePerson(undefined, { ...person, name: 'Ann Lee' }, ANN).id;
    const bob = core.team.savePerson(undefined, { ...person, name: 'Bob Stone' }, ANN).id;
    const cat = core.team.savePerson(undefined, { ...person, name: 'Cat Wu' }, ANN).id;
    core.team.assign({ incidentId: id, personId: bob, roleId: 'spokesperson', rank: 'backup' }, ANN);
    core.team.assign({ incidentId: id, personId: ann, roleId: 'spokesperson', rank: 'primary' }, ANN);
    core.team.assign({ incidentId: id, personId: cat, roleId: 'legal', rank: 'primary', shiftStart: now - 8 * HOUR, shiftEnd: now - HOUR }, ANN);
    core.team.assign({ incidentId: id, personId: bob, roleId: 'legal', rank: 'backup', shiftStart: now + HOUR, shiftEnd: now + 9 * HOUR, handover: 'Draft 3 waits' }, ANN);
    const roster = Object.fromEntries(core.team.roster(id).map((r) => [r.role.id, r]));
    assert.deepEqual(roster.spokesperson.now.map((a) => [a.personName, a.rank]), [['Ann Lee', 'primary'], ['Bob Stone', 'backup']]);
    assert.equal(roster.legal.gap, true, 'the lawyer on shift went home; the backup starts in an hour');
    assert.deepEqual(roster.legal.next.map((a) => a.personName), ['Bob Stone']);
    assert.equal(roster.scribe.gap, true);
    assert.equal(roster.media.gap, false, 'not a required role');
    // An hour and a half later the backup lawyer is on shift.
    const later = Object.fromEntries(core.team.roster(id, now + 1.5 * HOUR).map((r) => [r.role.id, r]));
    assert.equal(later.legal.gap, false);
  });

  it('assignments end rather than disappear, and every change lands on the timeline', async () => {
    const core = testCore();
    const id = newIncident(core);
    const dispatch = createDispatcher(core, 'cli');
    const saved = await dispatch('team.savePerson', { person: { name: 'Dora Bell', languages: ['en', 'el'] } }, ANN);
    assert.ok(saved.ok);
    const dora = (saved.value as { id: string }).id;
    const r = await dispatch('team.assign', { incidentId: id, personId: dora, roleId: 'scribe' }, ANN);
    assert.ok(r.ok);
    const assignment = r.value as { id: number };
    core.clock.now += HOUR;
    await dispatch('team.endAssignment', { id: assignment.id, note: 'Handed over to Bob' }, BOB);
    assert.equal(core.team.roster(id).find((x) => x.role.id === 'scribe')!.now.length, 0);
    const all = core.team.assignments(id);
    assert.deepEqual([all.length, all[0].endedBy, all[0].handover], [1, 'Bob Stone', 'Handed over to Bob']);
    const roleEntries = core.timeline.list(id).filter((e) => e.kind.startsWith('role.'));
    assert.deepEqual(roleEntries.map((e) => e.kind), ['role.ended', 'role.assigned']);
    // In English as text; as a key and what it quotes for the UI, which names the built-in role in the reader's language.
    assert.deepEqual(roleEntries.map((e) => e.text), ['Dora Bell: Scribe — Handed over to Bob', 'Dora Bell: Scribe (primary)']);
    assert.deepEqual(roleEntries[1].ref?.line, { key: 'roleAssigned', params: { person: 'Dora Bell', roleId: 'scribe', role: 'Scribe', rank: 'primary' } });
    assert.deepEqual(roleEntries[0].ref?.line?.params.detail, 'Handed over to Bob');
    // A search finds those lines as the reader sees them: the role and rank in Persian or Russian, the English too.
    const search = async (query: string, lang?: string) => {
      const found = await dispatch('timeline.list', { incidentId: id, query, ...(lang ? { lang } : {}) }, ANN);
      assert.ok(found.ok);
      return (found.value as TimelineEntry[]).map((e) => e.kind);
    };
    assert.deepEqual(await search(fa.roles.scribe.name, 'fa'), ['role.ended', 'role.assigned']);
    assert.deepEqual(await search(ru.team.rank.primary.toUpperCase(), 'ru'), ['role.assigned']);
    assert.deepEqual(await search('scribe', 'fa'), ['role.ended', 'role.assigned']);
    assert.deepEqual(await search(fa.roles.scribe.name), []);
    assert.deepEqual(await search(fa.roles.scribe.name, 'ru'), []);
    assert.throws(() => core.db.prepare('DELETE FROM role_assignments').run(), /never deleted/);
    const bad = await dispatch('team.assign', { incidentId: id, personId: dora, roleId: 'scribe', shiftStart: 10, shiftEnd: 5 }, ANN);
    assert.equal(bad.ok ? null : bad.error.code, 'BAD_REQUEST');
    const unknown = await dispatch('team.assign', { incidentId: id, personId: dora, roleId: 'astronaut' }, ANN);
    assert.equal(unknown.ok ? null : unknown.error.code, 'NOT_FOUND');
  });

  it('the demo has a team on its roster, with a gap at legal right now', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const roster = Object.fromEntries(core.team.roster(demo.id).map((r) => [r.role.id, r]));
    assert.equal(core.team.people().length, 8);
    assert.deepEqual(roster.lead.now.map((a) => a.personName), ['Maria Ivanova']);
    assert.equal(roster.legal.gap, true);
    assert.deepEqual(roster.legal.next.map((a) => a.personName), ['Tom Fischer']);
  });
});
