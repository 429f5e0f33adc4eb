import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportHtml } from '../../electron/core/review/report-html';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import { FirebreakError, type Said } from '../../shared/errors';
import { entryWords, wordingIn } from '../../shared/timeline-words';
import { ANN, BOB, tempDir, testCore } from './helpers';
import { csvFile, importFile } from './import-helpers';
import { approvedStatement } from './statement-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
type TestCore = ReturnType<typeof testCore>;

const said = (err: unknown) => (err instanceof FirebreakError ? (err.details as { say?: Said }).say?.key : undefined);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A viral crisis whose export holds a rumour in four languages, as people type it: a few posts ten and five hours
 * before the latest mention, then ten in the last three hours (Greek in capitals, Persian on an Arabic keyboard),
 * among posts about other things. The latest mention is an hour before the clock.
 */
async function rumour(core: TestCore) {
  const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Juice video', status: 'active', crisisType: 'false_information' }), ANN).id;
  const last = core.clock.now - HOUR;
  const post = (hoursBefore: number, text: string, sentiment = 'negative') => `${iso(last - hoursBefore * HOUR)},u${Math.random().toString(36).slice(2, 8)},"${text}",${sentiment}`;
  const rows = [
    post(10, 'Is the #poisonedbatch real?'),
    post(5, 'Two children hospitalised after the juice?'),
    post(4, 'Kids in hospital, they say'),
    ...['Дети в больнице после сока', 'Говорят, дети в больницу попали', 'Опять больница, опять сок'].map((t, i) => post(2 + i * 0.1, t)),
    post(1.5, 'ΠΑΙΔΙΑ ΣΤΟ ΝΟΣΟΚΟΜΕΊΟ ΑΠΟ ΤΟ ΧΥΜΟ'),
    post(1.2, 'بچه‌ها در بيمارستان هستند'), // Arabic yeh: folded onto the Persian one, as the search folds it
    post(1, 'Children in hospital, share!'),
    post(0.8, 'Children in hospital, share!'),
    post(0.5, 'In hospital after one sip', 'neutral'),
    post(0.2, 'Hospital rumour again'),
    post(0, 'Lovely weather, nothing to do with juice', 'positive'),
    post(3.5, 'Refund process was quick', 'positive'),
  ];
  await importFile(core, incidentId, csvFile(tempDir(), 'export.csv', ['date,author,text,sentiment', ...rows]));
  return { incidentId, last };
}

const hospital = { claim: 'Children are in hospital after drinking it', terms: ['hospital*', 'больниц*', 'νοσοκομ*', 'بیمارستان'], verdict: 'false' as const, facts: 'No illness reported.', source: 'Health board', ownerPersonId: null };

describe('claims', () => {
  it('counts the mentions carrying a claim in any of its words and languages, by hour up to the latest mention, and how it moves', async () => {
    const core = testCore();
    const { incidentId, last } = await rumour(core);
    const claim = core.claims.add(incidentId, hospital, ANN);
    const s = claim.spread;
    assert.deepEqual([s.total, s.negative, s.firstSeen, s.lastSeen, s.until], [11, 10, last - 5 * HOUR, last - 0.2 * HOUR, last]);
    assert.equal(s.hours.length, 24);
    // The last three hours hold nine of them, the three before two: rising.
    assert.deepEqual(s.hours.slice(-6), [1, 1, 0, 3, 3, 3]);
    assert.equal(s.trend, 'rising');
    assert.equal(s.afterAnswer, null);

    // The explorer lists exactly those mentions ("Show mentions"), with a search too, and the mention says it carries the claim.
    const listed = core.mentions.search({ incidentId, anyOf: claim.terms }, { sort: 'time', direction: 'asc', offset: 0, limit: 100 });
    assert.equal(listed.total, 11);
    assert.equal(core.mentions.search({ incidentId, anyOf: claim.terms, query: 'share' }, { sort: 'time', direction: 'asc', offset: 0, limit: 100 }).total, 2);
    assert.equal(core.dashboard.dashboard({ incidentId, anyOf: claim.terms }, 0).total, 11, 'the dashboard does not answer from the unsearched counts');
    // A share-of-voice topic of the same words counts the same mentions its bar's click lists (any of its words, not the first).
    core.topics.save(incidentId, undefined, { name: 'Hospital rumour', kind: 'topic', terms: claim.terms }, ANN.name);
    assert.deepEqual(core.dashboard.shareOfVoice({ incidentId }).topics.map((t) => [t.name, t.total]), [['Hospital rumour', 11]]);
    const greek = listed.rows.find((m) => m.text.startsWith('ΠΑΙΔΙΑ'))!;
    assert.deepEqual(core.claims.forMention(greek.id).map((c) => [c.claim, c.verdict, c.status]), [[hospital.claim, 'false', 'to_answer']]);
    const weather = core.mentions.search({ incidentId, query: 'weather' }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).rows[0];
    assert.deepEqual(core.claims.forMention(weather.id), []);

    // Words changed: one line of the history, the count follows. None left: not counted, and never seen.
    const narrowed = core.claims.update(claim.id, { terms: ['больниц*', ' больниц* ', 'БОЛЬНИЦ*'] }, BOB);
    assert.deepEqual([narrowed.terms, narrowed.spread.total, narrowed.spread.trend], [['больниц*'], 3, 'rising']);
    assert.deepEqual(core.claims.history(claim.id).map((h) => [h.field, h.from, h.to, h.actor]), [['terms', hospital.terms.join(', '), 'больниц*', BOB.name]]);
    const none = core.claims.add(incidentId, { ...hospital, claim: 'Staged by a rival', terms: [] }, ANN);
    assert.deepEqual([none.spread.total, none.spread.trend, none.spread.until], [0, 'unseen', null]);
    // A claim only seen long ago is quiet; one seen three hours apart, steady.
    assert.equal(core.claims.add(incidentId, { ...hospital, claim: 'Poisoned', terms: ['#poisonedbatch'] }, ANN).spread.trend, 'quiet');
    // Those to answer first, the spreading ones before the quiet and the unseen.
    assert.deepEqual(core.claims.list(incidentId).map((c) => c.claim), [hospital.claim, 'Poisoned', 'Staged by a rival']);

    // Counted once and kept, until the mentions change: a new export, an analyst's correction.
    await importFile(core, incidentId, csvFile(tempDir(), 'later.csv', ['date,author,text,sentiment', `${iso(last + 10 * MIN)},late1,"Больница переполнена?",neutral`]));
    const later = core.claims.get(claim.id).spread;
    assert.deepEqual([later.total, later.negative, later.until], [4, 3, last + 10 * MIN]);
    const russian = core.mentions.search({ incidentId, query: 'больнице' }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).rows[0];
    core.sentiment.correct([russian.id], 'neutral', ANN);
    assert.equal(core.claims.get(claim.id).spread.negative, 2);
  });

  it('answering one needs the answer, public words only, goes on the timeline at the time given, and is never deleted', async () => {
    const core = testCore();
    const { incidentId } = await rumour(core);
    const claim = core.claims.add(incidentId, hospital, ANN);
    const logged = core.timeline.list(incidentId).find((e) => e.kind === 'claim.logged')!;
    assert.equal(logged.text, `Claim logged (False): "${hospital.claim}"`);
    assert.equal(entryWords(logged, [], wordingIn('ru')), `Записано утверждение (Ложь): «${hospital.claim}»`, 'the verdict in the reader\'s language');

    assert.throws(() => core.claims.update(claim.id, { status: 'answered' }, BOB), (err) => said(err) === 'claimAnswerRequired');
    assert.throws(() => core.claims.update(claim.id, { status: 'not_answering', answer: ' ' }, BOB), (err) => said(err) === 'claimAnswerRequired');
    assert.throws(() => core.claims.update(claim.id, { status: 'answered', answer: 'x', answeredAt: core.clock.now + HOUR }, BOB), (err) => said(err) === 'answeredInFuture');
    const briefing = approvedStatement(core, incidentId, 'Staff: say nothing yet.', 'internal');
    assert.throws(() => core.claims.update(claim.id, { status: 'answered', answer: 'x', statementId: briefing.id }, BOB), (err) => said(err) === 'missing', 'an internal briefing is no public answer');
    assert.equal(core.claims.get(claim.id).status, 'to_answer', 'a refused change leaves nothing');

    // Answered an hour and a half before the latest mention (before it was logged here), in the approved words.
    const statement = approvedStatement(core, incidentId, 'No child has been taken ill: the health board confirms it.');
    const postedAt = core.clock.now - 2.5 * HOUR;
    const answered = core.claims.update(claim.id, { status: 'answered', answer: statement.current.body, statementId: statement.id, answeredAt: postedAt }, BOB);
    assert.deepEqual([answered.status, answered.closedBy, answered.closedAt, answered.statementVersion], ['answered', BOB.name, postedAt, 1]);
    // After the answer (1.5 h up to the latest mention): 5 mentions; in as long before it: 4.
    assert.deepEqual(answered.spread.afterAnswer, { minutes: 90, before: 4, after: 5 });
    const line = core.timeline.list(incidentId).find((e) => e.kind === 'claim.answered')!;
    assert.deepEqual([line.occurredAt, line.author, line.ref?.claimId, line.text], [postedAt, BOB.name, claim.id, `Answered the claim "${hospital.claim}" — ${statement.current.body}`]);
    core.claims.update(claim.id, { answeredAt: postedAt - 10 * MIN }, ANN);
    const moved = core.timeline.list(incidentId).find((e) => e.id === line.id)!;
    assert.deepEqual([moved.occurredAt, moved.originalOccurredAt], [postedAt - 10 * MIN, postedAt]);
    assert.deepEqual(core.claims.history(claim.id).map((h) => h.field), ['status', 'answer', 'statementId', 'answeredAt']);
    assert.deepEqual(core.claims.forMention(core.mentions.search({ incidentId, anyOf: ['ΝΟΣΟΚΟΜ*'] }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).rows[0].id).map((c) => [c.status, c.answer]), [
      ['answered', statement.current.body],
    ], 'whoever answers a post carrying it sees the answer');

    // Reopened: who and when cleared; a statement changed since it was read is refused.
    const reopened = core.claims.update(claim.id, { status: 'to_answer' }, ANN);
    assert.deepEqual([reopened.closedBy, reopened.closedAt, reopened.spread.afterAnswer], [null, null, null]);
    core.statements.edit(statement.id, { ...statement.current, body: 'Changed.' }, ANN);
    assert.throws(() => core.claims.update(claim.id, { statementId: statement.id, statementVersion: 1 }, ANN), (err) => said(err) === 'wordingStale');
    assert.throws(() => core.db.prepare('DELETE FROM claims WHERE id = ?').run(claim.id), /never deleted/);
    assert.throws(() => core.db.prepare('DELETE FROM claim_events').run(), /append-only/);
  });

  it('the situation report lists the claims to answer with their mentions of the period; the review counts and reports them', async () => {
    const core = testCore();
    const { incidentId, last } = await rumour(core);
    const claim = core.claims.add(incidentId, hospital, ANN);
    const poisoned = core.claims.add(incidentId, { ...hospital, claim: 'The batch is poisoned', terms: ['#poisonedbatch'] }, ANN);
    const staged = core.claims.add(incidentId, { ...hospital, claim: 'Staged', terms: [] }, ANN);
    core.claims.update(staged.id, { status: 'not_answering', answer: 'Answering would spread it.' }, ANN);
    const report = core.sitreps.get(incidentId, last - 2 * HOUR);
    assert.deepEqual(report.claims.toAnswer.map((c) => [c.claim, c.inPeriod]), [[hospital.claim, 7], ['The batch is poisoned', 0]]);
    assert.equal(report.claims.answeredInPeriod, 0);

    core.claims.update(claim.id, { status: 'answered', answer: 'No illness reported.', answeredAt: last - 1.5 * HOUR }, BOB);
    core.claims.update(poisoned.id, { status: 'answered', answer: 'Lab: clean.', answeredAt: last - 9 * HOUR }, BOB);
    assert.equal(core.sitreps.get(incidentId, last - 2 * HOUR).claims.answeredInPeriod, 1);
    const { claims } = core.reports.get(incidentId).metrics;
    // The poisoned batch: one post in the nine hours before its answer, none after (slowed), answered an hour after it was first seen.
    assert.deepEqual(claims, { logged: 3, answered: 2, slowed: 1, medianToAnswerMs: (3.5 * HOUR + 1 * HOUR) / 2 });
    const html = renderReportHtml(core.reports.get(incidentId), { lang: 'en', timeZone: 'UTC' });
    assert.match(html, /<th>Claims answered \/ logged \(slowed after the answer\)<\/th><td>2 \/ 3 \(1\)<\/td>/);
    assert.match(html, /<h2>Claims and rumours<\/h2>/);
    assert.match(html, /Children are in hospital after drinking it<\/td><td>False — No illness reported\.<\/td><td>Mentions: 11 · negative: 10<\/td>/);
    const other = core.incidents.create(newIncidentSchema.parse({ title: 'Quiet one' }), ANN);
    assert.match(renderReportHtml(core.reports.get(other.id), { lang: 'en', timeZone: 'UTC' }), /<th>Claims answered \/ logged \(slowed after the answer\)<\/th><td>—<\/td>/);
  });

  it('the room API validates, announces changes and the timeline lines they write', async () => {
    const core = testCore();
    const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Rumour' }), ANN).id;
    const dispatch = createDispatcher(core, 'room');
    const seen: string[] = [];
    core.events.subscribe((e) => seen.push(e.type));
    assert.equal((await dispatch('claims.add', { incidentId, claim: { claim: 'X' } })).ok, false, 'who is asking must be said');
    const bad = await dispatch('claims.add', { incidentId, claim: { claim: 'X', verdict: 'maybe' } }, ANN);
    assert.ok(!bad.ok && bad.error.code === 'BAD_REQUEST');
    const added = await dispatch('claims.add', { incidentId, claim: { claim: 'They knew for weeks', terms: ['knew'] } }, ANN);
    assert.ok(added.ok);
    const id = (added.value as { id: number }).id;
    assert.equal((added.value as { verdict: string }).verdict, 'unverified');
    await dispatch('claims.update', { id, patch: { facts: 'QA is checking.' } }, ANN);
    await dispatch('claims.update', { id, patch: { status: 'not_answering', answer: 'Nobody repeats it.' } }, ANN);
    assert.deepEqual(seen.filter((t) => t === 'claims.changed' || t === 'timeline.changed'), ['claims.changed', 'timeline.changed', 'claims.changed', 'claims.changed', 'timeline.changed']);
    const counts = await dispatch('claims.counts', { incidentId });
    assert.deepEqual(counts.ok && counts.value, { total: 1, toAnswer: 0, spreading: 0, answered: 0 });
  });
});
