import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import { SITREP_ENTRIES, type SituationReport } from '../../shared/sitrep';
import { ANN, tempDir, testCore } from './helpers';
import { LEAD, at, constructedCrisis } from './review-fixture';

const HOUR = 3_600_000;

/** Counted straight from the tables, not through the services the report uses. */
function mentionsBetween(core: ReturnType<typeof testCore>, incidentId: string, from: number, to: number): { n: number; negative: number } {
  return core.db
    .prepare("SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE sentiment = -1) AS negative FROM mentions WHERE incident_id = ? AND published_at >= ? AND published_at < ?")
    .get(incidentId, from, to) as { n: number; negative: number };
}

describe('situation report: where the crisis stands and what changed', () => {
  it('counts the period of a constructed crisis against the record: mentions, peak, replies, statements, tasks, timeline', async () => {
    const core = testCore();
    const id = await constructedCrisis(core); // the clock stands at 15:00
    const r = core.sitreps.get(id, at(8));
    assert.equal(r.generatedAt, at(15));
    const period = mentionsBetween(core, id, at(8), at(15));
    const before = mentionsBetween(core, id, at(1), at(8)); // as long before: seven hours
    assert.deepEqual([r.mentions.period.mentions, r.mentions.period.negative], [period.n, period.negative]);
    assert.deepEqual([r.mentions.before.mentions, r.mentions.before.negative], [before.n, before.negative]);
    assert.deepEqual([period.n, before.n], [30, 40], 'the fixture: 08:00 and 12:00 in the period, 06:00 and 07:00 before it');
    assert.deepEqual(r.mentions.peakHour, { at: at(8), mentions: 20 });
    assert.deepEqual([r.triage.repliesInPeriod, r.triage.approvedWordingInPeriod], [1, 0], 'the answer at 08:05');
    assert.deepEqual(r.statements.published, [{ statementId: r.statements.published[0].statementId, title: 'We are checking', version: 1, channel: 'website', at: at(8, 50) }]);
    assert.deepEqual([r.statements.waiting, r.statements.approvedNotPublished], [[], []]);
    assert.equal(r.tasks.doneInPeriod, 1, 'the distributor called at 09:00; the responders briefed at 07:50 is before the period');
    assert.deepEqual(r.tasks.late.map((t) => t.title), ['Update the FAQ']);
    const since8 = core.db.prepare('SELECT COUNT(*) FROM timeline_entries WHERE incident_id = ? AND occurred_at >= ?').pluck().get(id, at(8)) as number;
    assert.equal(r.entries.length, since8);
    assert.ok(r.entries.every((e, i) => e.occurredAt >= at(8) && (i === 0 || r.entries[i - 1].occurredAt <= e.occurredAt)), 'the period only, oldest first');
    assert.ok(r.entries.some((e) => e.ref?.line?.key === 'published'));
    assert.equal(r.nextUpdateDueAt, null, 'a closed crisis owes no public update');
  });

  it('starts where the last report sent ended; the hours and the whole crisis on request', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    assert.equal(core.sitreps.since(id, 'whole'), at(7, 30), 'the whole crisis: from its detection, before the room was opened at 07:40');
    assert.equal(core.sitreps.since(id, 'last'), at(7, 30), 'before any report: the whole crisis');
    assert.equal(core.sitreps.since(id, '4h'), at(11));
    assert.equal(core.sitreps.get(id, at(7, 30)).lastSentAt, null);

    const sent = core.sitreps.markSent(id, LEAD);
    assert.deepEqual([sent.kind, sent.author, sent.occurredAt, sent.ref?.line?.key, sent.text], ['action', LEAD.name, at(15), 'sitrepSent', 'Situation report sent']);
    core.clock.now = at(16);
    assert.equal(core.sitreps.since(id, 'last'), at(15));
    const next = core.sitreps.get(id, core.sitreps.since(id, 'last'));
    assert.equal(next.lastSentAt, at(15));
    assert.deepEqual(next.entries, [], 'the report sent is where this one starts, not something that happened in it');
    core.clock.now = at(15, 30);
    core.timeline.add({ incidentId: id, kind: 'note', author: ANN.name, role: ANN.role, occurredAt: at(15, 30), text: 'Board briefed by phone', tags: [] });
    core.clock.now = at(16);
    assert.deepEqual(core.sitreps.get(id, core.sitreps.since(id, 'last')).entries.map((e) => e.text), ['Board briefed by phone']);
    const whole = core.sitreps.get(id, core.sitreps.since(id, 'whole'));
    assert.ok(whole.entries.some((e) => e.id === sent.id), 'the whole crisis shows when reports went out');
  });

  it('the demo: a report sent three hours ago, a statement waiting at legal, one approved but not out, a late task, the legal gap', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const now = core.clock.now;
    const since = core.sitreps.since(demo.id, 'last');
    assert.equal(since, now - 3 * HOUR);
    const r = core.sitreps.get(demo.id, since);
    assert.deepEqual(r.statements.waiting.map((s) => s.title), ['Full QA report on batch L-2211']);
    assert.ok(r.statements.waiting[0].waiting!.since < now);
    assert.deepEqual(r.statements.approvedNotPublished.map((s) => s.kind), ['holding'], 'the Russian holding statement; the approved reply wording is used in triage, not published');
    assert.deepEqual(r.statements.published.map((p) => p.title), ['Update: first QA results on batch L-2211']);
    const open = core.tasks.list(demo.id).filter((t) => t.status === 'todo' || t.status === 'doing');
    assert.deepEqual(r.tasks.dueSoon.map((t) => t.id).sort(), open.filter((t) => t.dueAt! >= now && t.dueAt! <= now + 2 * HOUR).map((t) => t.id).sort());
    assert.ok(r.tasks.dueSoon.some((t) => t.title === 'Get the QA lab report on batch L-2211'), 'due in exactly two hours counts as due next');
    assert.deepEqual(r.tasks.late.map((t) => t.id).sort(), open.filter((t) => t.dueAt !== null && t.dueAt < now).map((t) => t.id).sort());
    assert.ok(r.tasks.late.some((t) => t.title === 'Send a Q&A sheet to retail store managers'));
    assert.deepEqual(r.roster.filter((row) => row.gap).map((row) => row.role.id), ['legal']);
    const replies = core.db.prepare('SELECT COUNT(*) FROM mention_responses WHERE incident_id = ? AND at >= ?').pluck().get(demo.id, since) as number;
    assert.equal(r.triage.repliesInPeriod, replies);
    assert.ok(r.nextUpdateDueAt! > now, 'the demo\'s public updates are on time');
    assert.deepEqual(r.timer, { everyMinutes: 240, lastSentAt: now - 3 * HOUR, dueAt: now + HOUR }, 'every four hours, the last sent three hours ago');
    assert.ok(r.openAlerts.length > 0, 'the spike\'s alerts are still open');
  });

  it('a long period keeps its key events and decisions and the newest of the rest, and counts what it left out', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const since = core.sitreps.since(demo.id, 'whole');
    assert.equal(since, core.incidents.get(demo.id).detectedAt);
    const all = core.timeline.list(demo.id).filter((e) => e.occurredAt >= since);
    assert.ok(all.length > SITREP_ENTRIES, `the demo's whole crisis has ${all.length} entries`);
    const r = core.sitreps.get(demo.id, since);
    assert.equal(r.entries.length, SITREP_ENTRIES);
    assert.equal(r.omittedEntries, all.length - SITREP_ENTRIES);
    const telling = all.filter((e) => e.keyEvent || e.kind === 'decision');
    assert.ok(telling.length < SITREP_ENTRIES);
    for (const e of telling) assert.ok(r.entries.some((k) => k.id === e.id), `kept: ${e.text}`);
    assert.ok(r.entries.some((e) => e.text.startsWith('War room convened')), 'the first decision, among the oldest entries');
    const routine = r.entries.filter((e) => !e.keyEvent && e.kind !== 'decision');
    const newestRoutine = all.filter((e) => !e.keyEvent && e.kind !== 'decision').sort((a, b) => b.occurredAt - a.occurredAt || b.id - a.id).slice(0, routine.length);
    assert.deepEqual(routine.map((e) => e.id).sort(), newestRoutine.map((e) => e.id).sort());
    assert.ok(r.entries.every((e, i) => i === 0 || r.entries[i - 1].occurredAt <= e.occurredAt), 'oldest first');
  });

  it('a schedule: the next report due that long after the last one sent (or the opening), only while the crisis is live; kept in the history and in archives', async () => {
    const core = testCore();
    const opened = core.clock.now;
    const id = core.incidents.create(newIncidentSchema.parse({ title: 'Leak rumour', status: 'active', level: 3 }), ANN).id;
    assert.equal(core.sitreps.timer(id), null, 'no schedule by default');
    const dispatch = createDispatcher(core, 'cli');
    const odd = await dispatch('incidents.update', { id, patch: { sitrepEveryMinutes: 90 } }, ANN);
    assert.equal(!odd.ok && odd.error.code, 'BAD_REQUEST', 'only the offered cadences');
    assert.ok((await dispatch('incidents.update', { id, patch: { sitrepEveryMinutes: 240 } }, ANN)).ok);
    assert.deepEqual(core.sitreps.timer(id), { everyMinutes: 240, lastSentAt: null, dueAt: opened + 4 * HOUR });
    core.clock.now = opened + HOUR;
    core.sitreps.markSent(id, LEAD);
    assert.deepEqual(core.sitreps.timer(id), { everyMinutes: 240, lastSentAt: opened + HOUR, dueAt: opened + 5 * HOUR });
    assert.deepEqual(core.sitreps.get(id, core.sitreps.since(id, 'last')).timer, core.sitreps.timer(id));
    const change = core.incidents.history(id).find((c) => c.field === 'sitrepEveryMinutes')!;
    assert.deepEqual([change.oldValue, change.newValue, change.changedBy], [null, '240', ANN.name]);

    core.incidents.setStatus(id, 'resolved', ANN);
    assert.equal(core.sitreps.timer(id), null, 'nothing is due once the crisis is resolved');
    core.incidents.setStatus(id, 'closed', ANN);
    const file = path.join(tempDir(), 'leak.firebreak');
    await core.archives.export(id, file);
    const copy = await core.archives.import(file, 'keep-both');
    assert.equal(copy.sitrepEveryMinutes, 240, 'the schedule travels with the incident');
    core.incidents.update(id, { sitrepEveryMinutes: null }, ANN);
    assert.equal(core.incidents.get(id).sitrepEveryMinutes, null);
  });

  it('over the contract: a period by name or an exact start, sending recorded, a bad period refused', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const dispatch = createDispatcher(core, 'cli');
    const hour = await dispatch('sitrep.get', { incidentId: id, period: '1h' }, ANN);
    assert.ok(hour.ok);
    assert.equal((hour.value as SituationReport).since, at(14));
    const exact = await dispatch('sitrep.get', { incidentId: id, period: '1h', since: at(8) }, ANN);
    assert.equal(exact.ok && (exact.value as SituationReport).since, at(8), 'an exact start wins over the named period');
    const anonymous = await dispatch('sitrep.markSent', { incidentId: id }, null);
    assert.equal(!anonymous.ok && anonymous.error.code, 'UNAUTHENTICATED', 'a report sent is recorded under someone\'s name');
    const read = await dispatch('sitrep.get', { incidentId: id }, null);
    assert.ok(read.ok, 'reading needs no name');
    const sent = await dispatch('sitrep.markSent', { incidentId: id }, ANN);
    assert.ok(sent.ok);
    assert.equal(core.timeline.list(id).filter((e) => e.ref?.line?.key === 'sitrepSent').length, 1);
    const bad = await dispatch('sitrep.get', { incidentId: id, period: '2h' }, ANN);
    assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST');
    const missing = await dispatch('sitrep.get', { incidentId: 'nope' }, ANN);
    assert.equal(missing.ok, false);
  });
});
