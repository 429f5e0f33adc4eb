import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { renderReportHtml } from '../../electron/core/review/report-html';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { Enquiry } from '../../shared/enquiries';
import { FirebreakError, type Said } from '../../shared/errors';
import { ANN, BOB, testCore } from './helpers';
import { fixture, importFile, mentionsOf } from './import-helpers';
import { approvedStatement } from './statement-helpers';

const MIN = 60_000;
type TestCore = ReturnType<typeof testCore>;

function room(core: TestCore) {
  const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Press test', status: 'active' }), ANN).id;
  const daniel = core.team.savePerson(undefined, { name: 'Daniel Brooks', title: '', organisation: '', phone: '', email: '', languages: [], notes: '' }, ANN).id;
  return { incidentId, daniel };
}

const call = { outlet: 'Radio Metro', journalist: 'James Okafor', contact: '+44 20 7946 0990', channel: 'phone' as const, question: 'Was anyone hurt?', deadlineAt: null, ownerPersonId: null };

const said = (err: unknown) => (err instanceof FirebreakError ? (err.details as { say?: Said }).say?.key : undefined);

describe('media enquiries', () => {
  it('logs an enquiry on the timeline, keeps every change with who and when, and never deletes one', () => {
    const core = testCore();
    const { incidentId, daniel } = room(core);
    const received = core.clock.now - 10 * MIN;
    const e = core.enquiries.add(incidentId, { ...call, receivedAt: received, deadlineAt: core.clock.now + 50 * MIN }, ANN);
    assert.deepEqual([e.status, e.receivedAt, e.createdBy, e.answer, e.closedAt], ['new', received, ANN.name, '', null]);
    const line = core.timeline.list(incidentId).find((t) => t.kind === 'enquiry.received')!;
    assert.deepEqual([line.occurredAt, line.author, line.ref?.enquiryId, line.ref?.line?.key], [received, ANN.name, e.id, 'enquiryReceived']);
    assert.equal(line.text, 'Media enquiry from Radio Metro — Was anyone hurt?');

    core.clock.now += 5 * MIN;
    const taken = core.enquiries.update(e.id, { ownerPersonId: daniel, status: 'answering' }, BOB);
    assert.deepEqual([taken.ownerPersonName, taken.status], ['Daniel Brooks', 'answering']);
    const unchanged = core.enquiries.update(e.id, { ownerPersonId: daniel, outlet: 'Radio Metro' }, BOB);
    assert.deepEqual(unchanged, taken, 'a field set to what it was is not a change');
    assert.deepEqual(core.enquiries.history(e.id).map((h) => [h.field, h.from, h.to, h.actor, h.at]), [
      ['ownerPersonId', null, daniel, BOB.name, core.clock.now],
      ['status', 'new', 'answering', BOB.name, core.clock.now],
    ]);
    assert.throws(() => core.db.prepare('DELETE FROM enquiries WHERE id = ?').run(e.id), /never deleted/);
    assert.throws(() => core.db.prepare('DELETE FROM enquiry_events').run(), /append-only/);
  });

  it('answering or declining needs what the outlet was told, and goes on the timeline; reopening clears who closed it', () => {
    const core = testCore();
    const { incidentId } = room(core);
    const e = core.enquiries.add(incidentId, call, ANN);
    assert.throws(() => core.enquiries.update(e.id, { status: 'answered' }, BOB), (err) => said(err) === 'answerRequired');
    assert.throws(() => core.enquiries.update(e.id, { status: 'declined', answer: '   ' }, BOB), (err) => said(err) === 'answerRequired');
    assert.equal(core.enquiries.get(e.id).status, 'new', 'a refused change changes nothing');
    assert.equal(core.enquiries.history(e.id).length, 0);

    core.clock.now += 20 * MIN;
    const declined = core.enquiries.update(e.id, { status: 'declined', answer: 'No interview before the report.' }, BOB);
    assert.deepEqual([declined.closedBy, declined.closedAt], [BOB.name, core.clock.now]);
    const closing = core.timeline.list(incidentId).find((t) => t.kind === 'enquiry.declined')!;
    assert.deepEqual([closing.text, closing.ref?.enquiryId, closing.author], ['Declined to comment to Radio Metro — No interview before the report.', e.id, BOB.name]);
    // Emptying the answer of a closed enquiry would lose the record of what was said.
    assert.throws(() => core.enquiries.update(e.id, { answer: '' }, BOB), (err) => said(err) === 'answerRequired');

    const reopened = core.enquiries.update(e.id, { status: 'answering' }, BOB);
    assert.deepEqual([reopened.closedBy, reopened.closedAt, reopened.answer], [null, null, 'No interview before the report.']);
    core.enquiries.update(e.id, { status: 'answered', answer: 'An interview at 18:00.' }, BOB);
    assert.equal(core.timeline.list(incidentId).filter((t) => t.kind.startsWith('enquiry.') && t.kind !== 'enquiry.received').length, 2, 'each closing once');
    // Declined, then answered after all (or the other way): the timeline says so; a corrected answer does not.
    const closings = () => core.timeline.list(incidentId).filter((t) => t.ref?.enquiryId === e.id && t.kind !== 'enquiry.received');
    core.enquiries.update(e.id, { answer: 'An interview at 18:30.' }, BOB);
    assert.equal(closings().length, 2);
    core.enquiries.update(e.id, { status: 'declined', answer: 'The interview is cancelled: no comment until the lab report.' }, ANN);
    assert.deepEqual([closings()[0].kind, closings()[0].text, closings()[0].author], ['enquiry.declined', 'Declined to comment to Radio Metro — The interview is cancelled: no comment until the lab report.', ANN.name]);
    assert.equal(closings().length, 3);
    // A long answer is quoted on the timeline, kept whole on the enquiry.
    const long = core.enquiries.add(incidentId, call, ANN);
    core.enquiries.update(long.id, { status: 'answered', answer: 'x'.repeat(5000) }, BOB);
    assert.equal(core.enquiries.get(long.id).answer.length, 5000);
    assert.ok(core.timeline.list(incidentId)[0].text.length < 400);
  });

  it('a call answered on the spot is logged with what was said; dates that cannot be right are refused', () => {
    const core = testCore();
    const { incidentId } = room(core);
    const e = core.enquiries.add(incidentId, { ...call, status: 'declined', answer: 'No comment before the report.' }, ANN);
    assert.deepEqual([e.status, e.answer, e.closedBy, e.closedAt], ['declined', 'No comment before the report.', ANN.name, core.clock.now]);
    assert.deepEqual(core.timeline.list(incidentId).filter((t) => t.ref?.enquiryId === e.id).map((t) => t.kind).sort(), ['enquiry.declined', 'enquiry.received']);
    assert.throws(() => core.enquiries.add(incidentId, { ...call, status: 'answered' }, ANN), (err) => said(err) === 'answerRequired');
    const before = core.enquiries.list(incidentId).length;
    assert.throws(() => core.enquiries.add(incidentId, { ...call, receivedAt: core.clock.now + 60 * MIN }, ANN), (err) => said(err) === 'receivedInFuture');
    assert.throws(() => core.enquiries.add(incidentId, { ...call, receivedAt: core.clock.now - 10 * MIN, deadlineAt: core.clock.now - 20 * MIN }, ANN), (err) => said(err) === 'deadlineBeforeReceived');
    assert.equal(core.enquiries.list(incidentId).length, before, 'nothing half-logged: a refused answer or date leaves no enquiry behind');
    assert.ok(core.enquiries.add(incidentId, { ...call, receivedAt: core.clock.now + MIN }, ANN), "a laptop's clock a minute behind is not a mistake");
    assert.throws(() => core.enquiries.update(e.id, { deadlineAt: e.receivedAt - MIN }, ANN), (err) => said(err) === 'deadlineBeforeReceived');
  });

  it('a journalist asking in public is logged from the post: linked to it, on the timeline with it; only a mention of this incident', async () => {
    const core = testCore();
    const { incidentId } = room(core);
    await importFile(core, incidentId, fixture('brandwatch.csv'));
    const [post] = mentionsOf(core, incidentId);
    core.clock.now = post.publishedAt + 60 * MIN; // the export's posts are from later in the month than the test's clock
    const e = core.enquiries.add(incidentId, { ...call, channel: 'message', question: post.text, receivedAt: post.publishedAt, mentionId: post.id }, ANN);
    assert.equal(core.enquiries.get(e.id).mentionId, post.id);
    const line = core.timeline.list(incidentId).find((t) => t.ref?.enquiryId === e.id)!;
    assert.deepEqual(line.ref?.mentionIds, [post.id], 'the timeline line opens the post too');
    const other = room(core).incidentId;
    assert.throws(() => core.enquiries.add(other, { ...call, mentionId: post.id }, ANN), (err) => err instanceof FirebreakError && err.code === 'NOT_FOUND');
    assert.equal(core.enquiries.list(other).length, 0);
  });

  it('an answer taken from a statement must be from an approved one of this incident, at the version read', () => {
    const core = testCore();
    const { incidentId } = room(core);
    const e = core.enquiries.add(incidentId, call, ANN);
    const approved = approvedStatement(core, incidentId, 'We are checking batch L-2211.');
    assert.equal(approved.state, 'approved');
    const answered = core.enquiries.update(e.id, { status: 'answered', answer: approved.current.body, statementId: approved.id, statementVersion: approved.version }, BOB);
    assert.deepEqual([answered.statementId, answered.statementVersion, answered.statementTitle], [approved.id, 1, 'Holding']);

    const draft = core.statements.create(incidentId, 'public', { title: 'Draft', body: 'Not yet approved.', languages: ['en'], channels: ['press'] }, ANN);
    const other = core.enquiries.add(incidentId, call, ANN);
    assert.throws(() => core.enquiries.update(other.id, { answer: 'x', statementId: draft.id }, BOB), (err) => said(err) === 'wordingStale');
    const internal = core.statements.create(incidentId, 'internal', { title: 'Briefing', body: 'Internal only.', languages: ['en'], channels: ['internal'] }, ANN);
    assert.throws(() => core.enquiries.update(other.id, { statementId: internal.id }, BOB), (err) => err instanceof FirebreakError && err.code === 'NOT_FOUND', 'never an internal briefing');
    const elsewhere = room(core).incidentId;
    const foreign = approvedStatement(core, elsewhere, 'Another crisis.');
    assert.throws(() => core.enquiries.update(other.id, { statementId: foreign.id }, BOB), (err) => err instanceof FirebreakError && err.code === 'NOT_FOUND');
    // Edited since it was read (a new version in review): refused, so nobody gives words no longer approved.
    core.statements.edit(approved.id, { ...approved.current, body: 'We are checking batch L-2211 and L-2212.' }, ANN);
    assert.throws(() => core.enquiries.update(other.id, { statementId: approved.id, statementVersion: 1 }, BOB), (err) => said(err) === 'wordingStale');
    assert.equal(core.enquiries.get(other.id).statementId, null);
    const own = core.enquiries.update(e.id, { statementId: null }, BOB);
    assert.deepEqual([own.statementId, own.statementVersion], [null, null], 'back to own words');
  });

  it('lists open enquiries by the most pressing deadline and counts the late ones for the header', () => {
    const core = testCore();
    const { incidentId } = room(core);
    const now = core.clock.now;
    const add = (outlet: string, deadlineAt: number | null) => core.enquiries.add(incidentId, { ...call, outlet, deadlineAt, receivedAt: now - 30 * MIN }, ANN);
    const none = add('No deadline', null);
    const later = add('Later', now + 3 * 60 * MIN);
    const late = add('Late', now - MIN);
    const done = add('Done', now - 2 * MIN);
    core.enquiries.update(done.id, { status: 'answered', answer: 'Said.' }, BOB);
    const soon = add('Soon', now + 10 * MIN);
    assert.deepEqual(core.enquiries.list(incidentId).map((e: Enquiry) => e.id), [late.id, soon.id, later.id, none.id, done.id]);
    assert.deepEqual(core.enquiries.counts(incidentId), { total: 5, open: 4, overdue: 1, dueSoon: 1 }, 'Soon is due in ten minutes');
    core.clock.now = now + 20 * MIN;
    assert.deepEqual(core.enquiries.counts(incidentId), { total: 5, open: 4, overdue: 2, dueSoon: 0 }, 'a deadline passes without any change');
    core.clock.now = now + 3 * 60 * MIN - 30 * MIN;
    assert.equal(core.enquiries.counts(incidentId).dueSoon, 1, 'Later: exactly thirty minutes left');
  });

  it("the after-action review counts the press desk: answered, after the deadline, still open, the median time to answer", () => {
    const core = testCore();
    const { incidentId } = room(core);
    const t0 = core.clock.now;
    const add = (receivedMin: number, deadlineMin: number | null) =>
      core.enquiries.add(incidentId, { ...call, receivedAt: t0 + receivedMin * MIN, deadlineAt: deadlineMin === null ? null : t0 + deadlineMin * MIN }, ANN);
    core.clock.now = t0 + 120 * MIN;
    const [a, b, c] = [add(0, 30), add(10, 200), add(20, null)];
    add(30, 60); // never answered
    core.clock.now = t0 + 40 * MIN;
    core.enquiries.update(a.id, { status: 'answered', answer: 'Said.' }, BOB); // 40 min, after its deadline at 30
    core.clock.now = t0 + 70 * MIN;
    core.enquiries.update(b.id, { status: 'declined', answer: 'No comment.' }, BOB); // 60 min, in time
    core.clock.now = t0 + 120 * MIN;
    core.enquiries.update(c.id, { status: 'answered', answer: 'Said.' }, BOB); // 100 min, no deadline
    const press = core.reports.get(incidentId).metrics.press;
    assert.deepEqual(press, { received: 4, closed: 3, closedLate: 1, open: 1, medianAnswerMs: 60 * MIN, keyMessages: null });
    // With key messages: of the answers (a decline is not one), those that carry at least one, in any wording.
    core.statements.addKeyMessage(incidentId, 'Every affected bottle is being recalled\nВсе затронутые бутылки отзываются', ANN);
    core.statements.addKeyMessage(incidentId, 'No one has been hurt', ANN);
    const d = add(40, null);
    core.enquiries.update(d.id, { status: 'answered', answer: 'Все затронутые бутылки уже отзываются из магазинов.' }, BOB);
    assert.deepEqual(core.reports.get(incidentId).metrics.press.keyMessages, { answered: 3, carrying: 1 });
  });

  it('the printed review carries the press log: each outlet, when, what was asked and what was said, escaped, in the reader\'s language', () => {
    const core = testCore();
    const { incidentId } = room(core);
    const t0 = core.clock.now;
    core.clock.now = t0 + 90 * MIN;
    const approved = approvedStatement(core, incidentId, 'We are checking <b>batch</b> L-2211.');
    const a = core.enquiries.add(incidentId, { ...call, outlet: 'Radio Metro', question: 'Is it <script>alert(1)</script> safe?', receivedAt: t0 + 10 * MIN, deadlineAt: t0 + 20 * MIN }, ANN);
    core.enquiries.add(incidentId, { ...call, outlet: 'The Daily Ledger', receivedAt: t0, deadlineAt: null }, ANN);
    core.enquiries.update(a.id, { status: 'answered', answer: approved.current.body, statementId: approved.id }, BOB);
    const report = core.reports.get(incidentId);
    assert.deepEqual(report.enquiries.map((e) => e.outlet), ['The Daily Ledger', 'Radio Metro'], 'in the order they came');
    const html = renderReportHtml(report, { lang: 'en', timeZone: 'UTC' });
    const log = html.slice(html.indexOf('<h2>Media enquiries</h2>'));
    assert.ok(log.length < html.length, 'the section is there');
    assert.match(log, /Radio Metro — James Okafor \(Phone\)/);
    assert.match(log, /Is it &lt;script&gt;alert\(1\)&lt;\/script&gt; safe\?/);
    assert.match(log, /Answered — Bob Stone, Nov 1, 2026, 10:30 AM \(Deadline passed\)/);
    assert.match(log, /We are checking &lt;b&gt;batch&lt;\/b&gt; L-2211\. \(from &quot;Holding&quot; v1\)/);
    assert.ok(!/<script>|<b>batch/.test(html));
    assert.match(renderReportHtml(report, { lang: 'ru', timeZone: 'UTC' }), /<h2>Запросы СМИ<\/h2>.*Отвечен — Bob Stone/s);
  });

  it('over the dispatcher: a name is needed to write, the fields are checked, changes reach the room', async () => {
    const core = testCore();
    const { incidentId } = room(core);
    const dispatch = createDispatcher(core, 'cli');
    const events: string[] = [];
    core.events.subscribe((e) => events.push(e.type));
    const anonymous = await dispatch('enquiries.add', { incidentId, enquiry: { outlet: 'X', question: 'Q?' } }, undefined);
    assert.equal(!anonymous.ok && anonymous.error.code, 'UNAUTHENTICATED');
    const blank = await dispatch('enquiries.add', { incidentId, enquiry: { outlet: '  ', question: 'Q?' } }, ANN);
    assert.equal(!blank.ok && blank.error.code, 'BAD_REQUEST', 'an outlet is needed');
    const channel = await dispatch('enquiries.add', { incidentId, enquiry: { outlet: 'X', question: 'Q?', channel: 'pigeon' } }, ANN);
    assert.equal(!channel.ok && channel.error.code, 'BAD_REQUEST');
    const added = await dispatch('enquiries.add', { incidentId, enquiry: { outlet: 'The Daily Ledger', question: 'Recall?' } }, ANN);
    assert.ok(added.ok);
    const enquiry = added.value as Enquiry;
    assert.deepEqual([enquiry.channel, enquiry.receivedAt, enquiry.deadlineAt], ['phone', core.clock.now, null]);
    assert.deepEqual(events, ['enquiries.changed', 'timeline.changed']);
    events.length = 0;
    assert.ok((await dispatch('enquiries.update', { id: enquiry.id, patch: { status: 'answering' } }, ANN)).ok);
    assert.deepEqual(events, ['enquiries.changed'], 'no timeline line until it is answered');
    const missing = await dispatch('enquiries.update', { id: 999, patch: { status: 'answering' } }, ANN);
    assert.equal(!missing.ok && missing.error.code, 'NOT_FOUND');
    const unknown = await dispatch('enquiries.list', { incidentId: 'nope' }, ANN);
    assert.equal(!unknown.ok && unknown.error.code, 'NOT_FOUND');
  });

  it('the journalists the room dealt with, across incidents: one line each, latest first, details kept from an earlier call', async () => {
    const core = testCore();
    const { incidentId } = room(core);
    const other = core.incidents.create(newIncidentSchema.parse({ title: 'Another crisis', status: 'active' }), ANN).id;
    core.enquiries.add(incidentId, { ...call, contact: '+44 20 7946 0990', channel: 'phone' }, ANN);
    core.clock.now += 60 * MIN;
    core.enquiries.add(other, { ...call, outlet: 'radio metro ', journalist: 'James  Okafor', contact: '', channel: 'message', question: 'Again?' }, ANN);
    core.clock.now += 60 * MIN;
    core.enquiries.add(other, { ...call, outlet: 'Radio Metro', journalist: 'Lena Voss', contact: 'l.voss@metro.example', channel: 'email' }, ANN);
    core.clock.now += 60 * MIN;
    core.enquiries.add(incidentId, { ...call, outlet: 'The Daily Ledger', journalist: '', contact: '' }, ANN);
    const dispatch = createDispatcher(core, 'cli');
    const res = await dispatch('enquiries.contacts', {}, ANN);
    assert.ok(res.ok);
    assert.deepEqual(res.value, [
      { outlet: 'The Daily Ledger', journalist: '', contact: '', channel: 'phone', lastAt: core.clock.now, enquiries: 1 },
      { outlet: 'Radio Metro', journalist: 'Lena Voss', contact: 'l.voss@metro.example', channel: 'email', lastAt: core.clock.now - 60 * MIN, enquiries: 1 },
      // The same journalist, spelt with other case and spaces: one line, as last written, with the number given before.
      { outlet: 'radio metro ', journalist: 'James  Okafor', contact: '+44 20 7946 0990', channel: 'message', lastAt: core.clock.now - 120 * MIN, enquiries: 2 },
    ]);
    assert.equal(core.enquiries.contacts(2).length, 2, 'at most the limit');
  });

  it('the demo: the journalists who called in the earlier crisis are known, with how many times they asked', async () => {
    const core = testCore();
    await loadDemoCrisis(core, core.clock.now);
    const ledger = core.enquiries.contacts().find((c) => c.outlet === 'The Daily Ledger')!;
    assert.deepEqual([ledger.journalist, ledger.contact, ledger.enquiries], ['Sarah Whitfield', 's.whitfield@dailyledger.example', 2]);
    assert.ok(core.enquiries.contacts().some((c) => c.outlet === 'Northern Wire' && c.journalist === 'Tom Hale'));
  });

  it('the demo: an outlet answered with the holding statement, one declined, one past its deadline, one nobody took', async () => {
    const core = testCore();
    const incident = await loadDemoCrisis(core, core.clock.now);
    const list = core.enquiries.list(incident.id);
    const by = (outlet: string) => list.find((e) => e.outlet === outlet)!;
    assert.deepEqual(list.map((e) => [e.outlet, e.status]), [
      ['Вечерний курьер', 'answering'], ['Retail Trade Weekly', 'new'], ['Radio Metro', 'declined'], ['The Daily Ledger', 'answered'],
    ]);
    assert.equal(by('The Daily Ledger').statementTitle, 'Holding statement: video of a Northwind Orange bottle');
    assert.equal(by('Retail Trade Weekly').ownerPersonId, null);
    assert.deepEqual(core.enquiries.counts(incident.id), { total: 4, open: 2, overdue: 1, dueSoon: 0 });
    // The situation report since the last one sent (three hours ago) names the outlets waiting.
    const report = core.sitreps.get(incident.id, core.sitreps.since(incident.id, 'last'));
    assert.deepEqual(report.enquiries.open.map((e) => e.outlet), ['Вечерний курьер', 'Retail Trade Weekly']);
    assert.deepEqual([report.enquiries.receivedInPeriod, report.enquiries.closedInPeriod], [3, 1], 'Radio Metro was taken at the report; the Ledger answered overnight');
  });
});
