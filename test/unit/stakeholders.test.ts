import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportHtml } from '../../electron/core/review/report-html';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import { FirebreakError, type Said } from '../../shared/errors';
import { entryWords, wordingIn } from '../../shared/timeline-words';
import { ANN, BOB, testCore } from './helpers';
import { approvedStatement } from './statement-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
type TestCore = ReturnType<typeof testCore>;

const said = (err: unknown) => (err instanceof FirebreakError ? (err.details as { say?: Said }).say?.key : undefined);

/** A data leak detected three hours ago, with a person to inform the stakeholders. */
function leak(core: TestCore) {
  const incident = core.incidents.create(newIncidentSchema.parse({ title: 'Customer data leak', status: 'active', crisisType: 'confidential_information', detectedAt: core.clock.now - 3 * HOUR }), ANN);
  const maria = core.team.savePerson(undefined, { name: 'Maria Ivanova', title: '', organisation: '', phone: '', email: '', languages: [], notes: '' }, ANN).id;
  return { incidentId: incident.id, detectedAt: incident.detectedAt!, maria };
}

const board = { name: 'Board', group: 'leadership' as const, channel: 'phone' as const, contact: '', dueAt: null, ownerPersonId: null };

describe('stakeholders', () => {
  it('adds the usual stakeholders for the type of crisis once, due from detection, named in each reader\'s language', () => {
    const core = testCore();
    const { incidentId, detectedAt } = leak(core);
    // One the room already listed by hand, under the usual name: not added twice.
    core.stakeholders.add(incidentId, { ...board, name: 'all staff ', group: 'employees' }, ANN);
    const added = core.stakeholders.addUsual(incidentId, ANN);
    assert.deepEqual(added.map((s) => [s.usualKey, s.group, s.dueAt === null ? null : (s.dueAt - detectedAt) / HOUR]), [
      ['board', 'leadership', 1], ['frontline', 'employees', 1], ['dataAuthority', 'regulator', 72], ['affectedCustomers', 'customers', 72], ['insurer', 'partners', 24],
    ]);
    assert.equal(added.find((s) => s.usualKey === 'dataAuthority')!.name, 'Data protection authority');
    assert.deepEqual(core.stakeholders.addUsual(incidentId, ANN), [], 'none twice');
    assert.equal(core.stakeholders.list(incidentId).length, 6);
    // The usual list follows the crisis type: a hijacked account adds the platform's support and the police.
    core.incidents.update(incidentId, { crisisType: 'unauthorised_access' }, ANN);
    assert.deepEqual(core.stakeholders.addUsual(incidentId, ANN).map((s) => s.usualKey), ['platformSupport', 'followers', 'police']);
    // Stored in English, shown in the reader's language; a renamed one is shown as written.
    const ru = wordingIn('ru');
    const authority = core.stakeholders.list(incidentId).find((s) => s.usualKey === 'dataAuthority')!;
    core.stakeholders.update(authority.id, { status: 'informed', message: 'Notified under art. 33.' }, ANN);
    const line = core.timeline.list(incidentId).find((e) => e.ref?.stakeholderId === authority.id)!;
    assert.equal(line.text, 'Informed Data protection authority — Notified under art. 33.');
    assert.equal(entryWords(line, [], ru), 'Оповещены: Орган по защите персональных данных — Notified under art. 33.');
    core.stakeholders.update(authority.id, { name: 'ICO' }, ANN);
    const renamed = core.timeline.list(incidentId).find((e) => e.ref?.stakeholderId === authority.id)!;
    assert.equal(entryWords(renamed, [], ru), 'Оповещены: Орган по защите персональных данных — Notified under art. 33.', 'the line keeps the name it was written with');
    assert.equal(core.stakeholders.get(authority.id).name, 'ICO');

    // The next leak: the authority is reached where the room last noted it, in any crisis.
    core.stakeholders.update(authority.id, { contact: 'breach@dpa.example' }, ANN);
    const next = leak(core);
    const again = core.stakeholders.addUsual(next.incidentId, ANN);
    assert.deepEqual(again.filter((s) => s.contact).map((s) => [s.usualKey, s.contact]), [['dataAuthority', 'breach@dpa.example']]);
  });

  it('informing one needs what they were told, goes on the timeline at the time given, keeps every change, never deletes', () => {
    const core = testCore();
    const { incidentId, maria } = leak(core);
    const s = core.stakeholders.add(incidentId, { ...board, dueAt: core.clock.now + HOUR }, ANN);
    assert.throws(() => core.stakeholders.update(s.id, { status: 'informed' }, BOB), (err) => said(err) === 'messageRequired');
    assert.throws(() => core.stakeholders.update(s.id, { status: 'not_needed', message: '  ' }, BOB), (err) => said(err) === 'messageRequired');
    assert.throws(() => core.stakeholders.update(s.id, { status: 'informed', message: 'x', informedAt: core.clock.now + HOUR }, BOB), (err) => said(err) === 'informedInFuture');
    assert.equal(core.stakeholders.get(s.id).status, 'to_inform', 'a refused change leaves nothing');

    core.clock.now += 10 * MIN;
    const calledAt = core.clock.now - 25 * MIN; // called before it was logged
    const told = core.stakeholders.update(s.id, { status: 'informed', message: 'Called the chair.', informedAt: calledAt, ownerPersonId: maria }, BOB);
    assert.deepEqual([told.status, told.closedBy, told.closedAt, told.ownerPersonName], ['informed', BOB.name, calledAt, 'Maria Ivanova']);
    const line = core.timeline.list(incidentId).find((e) => e.kind === 'stakeholder.informed')!;
    assert.deepEqual([line.occurredAt, line.author, line.ref?.stakeholderId, line.ref?.line?.key], [calledAt, BOB.name, s.id, 'stakeholderInformed']);
    // The time corrected later: kept in the history like any field, and its timeline line moves with it.
    core.stakeholders.update(s.id, { informedAt: calledAt - 5 * MIN }, ANN);
    const moved = core.timeline.list(incidentId).find((e) => e.id === line.id)!;
    assert.deepEqual([moved.occurredAt, moved.originalOccurredAt], [calledAt - 5 * MIN, calledAt]);
    assert.deepEqual(core.stakeholders.history(s.id).map((h) => [h.field, h.from, h.to, h.actor]), [
      ['ownerPersonId', null, maria, BOB.name],
      ['status', 'to_inform', 'informed', BOB.name],
      ['message', '', 'Called the chair.', BOB.name],
      ['informedAt', String(calledAt), String(calledAt - 5 * MIN), ANN.name],
    ]);
    // Reopened: no longer closed; closing again writes a second line.
    const reopened = core.stakeholders.update(s.id, { status: 'to_inform' }, ANN);
    assert.deepEqual([reopened.closedBy, reopened.closedAt, reopened.beforePublic], [null, null, null]);
    core.stakeholders.update(s.id, { status: 'not_needed', message: 'The chair was told by the CEO.' }, ANN);
    assert.deepEqual(core.timeline.list(incidentId).filter((e) => e.ref?.stakeholderId === s.id).map((e) => e.kind), ['stakeholder.not_needed', 'stakeholder.informed']);
    assert.throws(() => core.db.prepare('DELETE FROM stakeholders WHERE id = ?').run(s.id), /never deleted/);
    assert.throws(() => core.db.prepare('DELETE FROM stakeholder_events').run(), /append-only/);
  });

  it('takes an approved statement\'s words (an internal briefing too, unlike the press), refusing one changed since it was read', () => {
    const core = testCore();
    const { incidentId } = leak(core);
    const s = core.stakeholders.add(incidentId, { ...board, name: 'All staff', group: 'employees', channel: 'intranet' }, ANN);
    const briefing = approvedStatement(core, incidentId, 'Internal: what happened and what to say to customers.', 'internal');
    const told = core.stakeholders.update(s.id, { status: 'informed', message: briefing.current.body, statementId: briefing.id, statementVersion: briefing.version }, ANN);
    assert.deepEqual([told.statementId, told.statementVersion, told.statementTitle], [briefing.id, 1, 'Holding']);
    const draft = core.statements.create(incidentId, 'holding', { title: 'Draft', body: 'Not yet.', languages: ['en'], channels: [] }, ANN);
    assert.throws(() => core.stakeholders.update(s.id, { statementId: draft.id }, ANN), (err) => said(err) === 'wordingStale');
    assert.throws(() => core.stakeholders.update(s.id, { statementId: briefing.id, statementVersion: 2 }, ANN), (err) => said(err) === 'wordingStale');
    const journalist = core.enquiries.add(incidentId, { outlet: 'Ledger', journalist: '', contact: '', channel: 'email', question: 'Leak?', deadlineAt: null, ownerPersonId: null }, ANN);
    assert.throws(() => core.enquiries.update(journalist.id, { status: 'answered', answer: 'x', statementId: briefing.id }, ANN), (err) => said(err) === 'missing', 'never to a journalist');
  });

  it('says who heard it before the public, counts those late or due soon, and the room\'s attention, report and review carry them', async () => {
    const core = testCore();
    const { incidentId } = leak(core);
    const staff = core.stakeholders.add(incidentId, { ...board, name: 'All staff', group: 'employees' }, ANN);
    const partners = core.stakeholders.add(incidentId, { ...board, name: 'Partners', group: 'partners', dueAt: core.clock.now + 30 * MIN }, ANN);
    core.stakeholders.add(incidentId, { ...board, name: 'Regulator', group: 'regulator', dueAt: core.clock.now + 2 * HOUR }, ANN);
    core.stakeholders.update(staff.id, { status: 'informed', message: 'Staff note.' }, ANN);
    core.clock.now += 10 * MIN;
    core.timeline.add({ incidentId, kind: 'public_update', author: ANN.name, role: ANN.role, occurredAt: core.clock.now, text: 'Statement published' });
    core.clock.now += 10 * MIN;
    core.stakeholders.update(partners.id, { status: 'informed', message: 'Partner e-mail.' }, ANN);
    assert.deepEqual(core.stakeholders.list(incidentId).map((s) => [s.name, s.beforePublic]), [['Regulator', null], ['Partners', false], ['All staff', true]]);
    assert.deepEqual(core.stakeholders.counts(incidentId), { total: 3, open: 1, overdue: 0, dueSoon: 0, informed: 2, beforePublic: 1, firstPublicAt: core.clock.now - 10 * MIN });

    core.clock.now += 70 * MIN; // the regulator is due in 30 minutes
    assert.deepEqual([core.stakeholders.counts(incidentId).dueSoon, core.stakeholders.counts(incidentId).overdue], [1, 0]);
    const dispatch = createDispatcher(core, 'desktop');
    const attention = async () => {
      const res = await dispatch('attention.summary', {}, ANN);
      assert.ok(res.ok);
      const { counts } = (res.value as { incidentId: string; counts: Record<string, number> }[]).find((a) => a.incidentId === incidentId)!;
      return [counts.stakeholdersSoon, counts.stakeholdersLate];
    };
    assert.deepEqual(await attention(), [1, 0]);
    core.clock.now += 40 * MIN; // now past due
    assert.deepEqual([core.stakeholders.counts(incidentId).dueSoon, core.stakeholders.counts(incidentId).overdue], [0, 1]);
    assert.deepEqual(await attention(), [0, 1]);

    const report = core.sitreps.get(incidentId, core.clock.now - 3 * HOUR);
    assert.deepEqual([report.stakeholders.toInform.map((s) => s.name), report.stakeholders.informedInPeriod], [['Regulator'], 2]);
    assert.equal(core.sitreps.get(incidentId, core.clock.now - 10 * MIN).stakeholders.informedInPeriod, 0);

    const review = core.reports.get(incidentId);
    assert.deepEqual(review.metrics.stakeholders, { listed: 3, informed: 2, beforePublic: 1, late: 1 });
    const html = renderReportHtml(review, { lang: 'el', timeZone: 'UTC' });
    assert.match(html, /Ποιοι το ακούν από εμάς/);
    assert.match(html, /Partner e-mail\./);
    assert.match(renderReportHtml(review, { lang: 'en', timeZone: 'UTC' }), /<th>Stakeholders informed \/ listed \(before the public\)<\/th><td>2 \/ 3 \(1\)<\/td>/);
    // A crisis that listed nobody says so with a dash, not "0 / 0".
    const other = core.incidents.create(newIncidentSchema.parse({ title: 'Quiet one', status: 'active' }), ANN);
    assert.match(renderReportHtml(core.reports.get(other.id), { lang: 'en', timeZone: 'UTC' }), /<th>Stakeholders informed \/ listed \(before the public\)<\/th><td>—<\/td>/);
  });

  it('remembers the room\'s own stakeholders across crises: one line per name, its latest contact noted, not the usual ones', () => {
    const core = testCore();
    const first = leak(core);
    core.stakeholders.add(first.incidentId, { ...board, name: 'Food Standards Agency', group: 'regulator', channel: 'email', contact: 'incidents@food.example' }, ANN);
    core.stakeholders.addUsual(first.incidentId, ANN);
    core.clock.now += HOUR;
    const second = leak(core);
    core.stakeholders.add(second.incidentId, { ...board, name: ' food standards  agency', group: 'authorities', channel: 'letter', contact: '' }, ANN);
    const known = core.stakeholders.known();
    assert.deepEqual(known.map((k) => [k.name, k.group, k.channel, k.contact, k.listed]), [[' food standards  agency', 'authorities', 'letter', 'incidents@food.example', 2]]);
    assert.equal(known[0].lastAt, core.clock.now);
  });

  it('the room API validates, announces changes and refuses writes from a caller who has not said who they are', async () => {
    const core = testCore();
    const { incidentId } = leak(core);
    const dispatch = createDispatcher(core, 'room');
    const seen: string[] = [];
    core.events.subscribe((e) => seen.push(e.type));
    const anonymous = await dispatch('stakeholders.addUsual', { incidentId });
    assert.equal(anonymous.ok, false);
    const bad = await dispatch('stakeholders.add', { incidentId, stakeholder: { name: 'X', group: 'aliens' } }, ANN);
    assert.ok(!bad.ok && bad.error.code === 'BAD_REQUEST');
    const added = await dispatch('stakeholders.addUsual', { incidentId }, ANN);
    assert.ok(added.ok && (added.value as unknown[]).length === 6);
    const [first] = core.stakeholders.list(incidentId);
    const told = await dispatch('stakeholders.update', { id: first.id, patch: { status: 'informed', message: 'Told.' } }, ANN);
    assert.ok(told.ok);
    assert.deepEqual(seen.filter((t) => t === 'stakeholders.changed' || t === 'timeline.changed'), ['stakeholders.changed', 'stakeholders.changed', 'timeline.changed']);
  });
});
