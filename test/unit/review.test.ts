import { FirebreakError, type Said } from '../../shared/errors';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportHtml } from '../../electron/core/review/report-html';
import { createDispatcher } from '../../electron/transport/dispatch';
import { ANN, testCore } from './helpers';
import { at, constructedCrisis } from './review-fixture';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('after-action report: figures from the record', () => {
  it('measures reaction times, approvals, volume, sentiment, voice, triage, tasks and updates of a constructed crisis', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const alerts = core.alerts.list(id).filter((a) => a.kind === 'volume' || a.kind === 'negative_share');
    assert.ok(alerts.length > 0, 'the early warning saw the spike');
    const m = core.reports.get(id).metrics;
    assert.equal(m.firstSpikeAt, Math.min(...alerts.map((a) => a.windowStart)));
    assert.equal(m.firstSpikeAt, at(7), 'the spike starts at 07:00, not in the quiet hour before');
    assert.equal(m.detectedAt, at(7, 30));
    assert.equal(m.spikeToDetectionMs, 30 * MIN);
    assert.equal(m.firstPublicUpdateAt, at(8, 50));
    assert.equal(m.spikeToAcknowledgementMs, 110 * MIN);
    assert.equal(m.detectionToAcknowledgementMs, 80 * MIN);
    assert.equal(m.detectionToFirstResponseMs, 35 * MIN);
    assert.equal(m.medianResponseMs, 60 * MIN);
    assert.equal(m.draftToApprovedMs, 50 * MIN);
    assert.deepEqual(m.approvalWaits, [
      { step: 1, roleId: 'lead', roleName: 'Incident lead', decisions: 1, medianMs: 10 * MIN, maxMs: 10 * MIN },
      { step: 2, roleId: 'legal', roleName: 'Legal approver', decisions: 1, medianMs: 30 * MIN, maxMs: 30 * MIN },
    ]);
    assert.equal(m.mentions, 70);
    assert.deepEqual(m.peakHour, { at: at(7), mentions: 30 });
    assert.deepEqual(m.peakNegativeShare, { at: at(7), share: 0.8, rated: 30 });
    assert.equal(m.negativeReach, 36 * 1000);
    assert.deepEqual(m.phases, [
      { status: 'active', ms: 140 * MIN },
      { status: 'contained', ms: 90 * MIN },
      { status: 'resolved', ms: 90 * MIN },
    ]);
    assert.deepEqual(m.sentiment.before, { mentions: 10, rated: 10, negative: 1, negativeShare: 0.1, net: 0.3 });
    assert.deepEqual(m.sentiment.during, { mentions: 50, rated: 50, negative: 34, negativeShare: 0.68, net: -0.68 });
    assert.deepEqual(m.sentiment.after, { mentions: 10, rated: 10, negative: 1, negativeShare: 0.1, net: -0.1 });
    assert.equal(m.recovered, true);
    assert.equal(m.recoveryMs, 5 * HOUR, 'from the 07:00 peak to 12:00, the first hour back near the quiet level');
    assert.deepEqual(m.shareOfVoice, { before: 0.6, after: 0.9 });
    assert.deepEqual(m.triage, { mentions: 70, triaged: 3, responded: 1, escalated: 0, replies: 1, approvedWording: 0, editedWording: 0 });
    assert.deepEqual(m.tasks, { total: 3, done: 2, doneLate: 1, openLate: 1, cancelled: 1 });
    assert.deepEqual(m.publicUpdates, { total: 1, onTime: 1, late: 0, missed: 0, cadenceMinutes: 240 });
  });

  it('a crisis the team saw before the early warning did says so in words: "35 min earlier", not a minus sign', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    core.incidents.setTime(id, 'detectedAt', at(6, 25), ANN);
    const report = core.reports.get(id);
    assert.equal(report.metrics.spikeToDetectionMs, -35 * MIN);
    const figure = (html: string, label: string) => html.match(new RegExp(`<th>${label}</th><td>([^<]*)</td>`))?.[1];
    assert.equal(figure(renderReportHtml(report, { lang: 'en', timeZone: 'UTC' }), 'First spike → detection'), '35 min earlier');
    assert.equal(figure(renderReportHtml(report, { lang: 'ru', timeZone: 'UTC' }), 'Первый всплеск → обнаружение'), 'на 35 мин раньше');
    assert.equal(figure(renderReportHtml(report, { lang: 'en', timeZone: 'UTC' }), 'Detection → first public acknowledgement'), '2 h 25 min');
  });

  it('the exported report names the time zone its times are written in, in its language', async () => {
    const core = testCore();
    const report = core.reports.get(await constructedCrisis(core));
    assert.match(renderReportHtml(report, { lang: 'en', timeZone: 'Asia/Tehran' }), /Time zone: Iran Standard Time \(GMT\+03:30\)/);
    assert.match(renderReportHtml(report, { lang: 'el', timeZone: 'Europe/Athens' }), /Ζώνη ώρας: Χειμερινή ώρα Ανατολικής Ευρώπης \(GMT\+02:00\)/);
  });

  it('draws volume and sentiment per hour with quiet hours as zero, and marks key events and published statements', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const r = core.reports.get(id);
    assert.equal(r.series.bucketMs, HOUR);
    assert.deepEqual(r.series.points.map((p) => [new Date(p.at).getUTCHours(), p.total, p.negative]), [[6, 10, 1], [7, 30, 24], [8, 20, 10], [9, 0, 0], [10, 0, 0], [11, 0, 0], [12, 10, 1]]);
    assert.equal(r.series.points[3].net, null);
    const published = r.events.filter((e) => e.kind === 'statement');
    assert.deepEqual(published.map((e) => [e.at, e.text, e.channel]), [[at(8, 50), 'We are checking', 'website']]);
    // Its public update on the timeline is a key event too, but the chart marks the publication once.
    assert.equal(core.timeline.list({ incidentId: id, kinds: ['public_update'] }).filter((e) => e.keyEvent).length, 1);
    assert.deepEqual(r.events.filter((e) => e.at === at(8, 50)).map((e) => e.kind), ['statement']);
    assert.ok(r.events.some((e) => e.kind === 'key_event' && e.at === at(8, 40)), 'the approval is a key event');
  });

  it('a starred line Firebreak wrote is worded in the report\'s language, as in the UI', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const dispatch = createDispatcher(core, 'cli');
    const person = await dispatch('team.savePerson', { person: { name: 'Dora Bell', languages: ['ru'] } }, ANN);
    assert.ok(person.ok);
    assert.ok((await dispatch('team.assign', { incidentId: id, personId: (person.value as { id: string }).id, roleId: 'scribe', rank: 'backup' }, ANN)).ok);
    const entry = core.timeline.list({ incidentId: id, kinds: ['role.assigned'] })[0];
    core.timeline.update(entry.id, { keyEvent: true }, ANN);
    const report = core.reports.get(id);
    assert.deepEqual(report.events.find((e) => e.line)?.line, { key: 'roleAssigned', params: { person: 'Dora Bell', roleId: 'scribe', role: 'Scribe', rank: 'backup' } });
    assert.match(renderReportHtml(report, { lang: 'ru', timeZone: 'UTC' }), /Dora Bell: Секретарь \(резерв\)/);
    assert.match(renderReportHtml(report, { lang: 'en', timeZone: 'UTC' }), /Dora Bell: Scribe \(backup\)/);
  });

  it('the exported report ends with the whole timeline, oldest first, in the reader\'s words: Firebreak\'s lines translated, people\'s as written', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const note = core.timeline.add({ incidentId: id, kind: 'decision', author: 'Maria Ivanova', role: 'Incident lead', occurredAt: at(9, 30), text: 'No recall: the batch is safe', tags: ['legal'] });
    core.timeline.update(note.id, { keyEvent: true }, ANN);
    core.timeline.update(note.id, { occurredAt: at(9, 20), reason: 'written late' }, ANN);
    const report = core.reports.get(id);
    const times = report.timeline.map((e) => e.occurredAt);
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
    assert.equal(report.timeline.length, core.timeline.list(id).length, 'every entry');
    assert.ok(report.alerts.length > 0);

    const ru = renderReportHtml(report, { lang: 'ru', timeZone: 'UTC' });
    const appendix = ru.slice(ru.indexOf('<h2>Вся хронология'));
    assert.match(appendix, /<th>Когда<\/th><th>Вид<\/th><th>Кто<\/th><th>Что произошло<\/th>/);
    assert.match(appendix, /<td dir="auto">Maria Ivanova · Incident lead<\/td><td dir="auto">★ No recall: the batch is safe #legal<\/td>/, 'a person\'s entry as written (in its own direction), starred, with its tag');
    assert.match(appendix, /9:20 \(изначально [^)]*9:30\)<\/td><td>Решение<\/td>/, 'the corrected time with the first one, the kind in Russian');
    assert.match(appendix, /<td>Статус: Активен → Локализован<\/td>/, 'a status change in Russian');
    assert.match(appendix, /<td>Всплеск в [^<]+: 30 упоминаний при обычных 10<\/td>/, 'the alert in Russian, from its own figures');
    assert.ok(appendix.indexOf('Активен → Локализован') < appendix.indexOf('Локализован → Урегулирован'), 'in the order it happened');
    assert.doesNotMatch(appendix, /Volume spike|Status:/, 'no English line left');
    assert.match(renderReportHtml(report, { lang: 'en', timeZone: 'UTC' }), /<h2>The whole timeline \(oldest first; ★ key events\)<\/h2>.*<td>Status: Active → Contained<\/td>/s);
  });

  it('a timeline search in the reader\'s language finds Firebreak\'s alert and status lines by the words shown', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const dispatch = createDispatcher(core, 'cli');
    const kinds = async (query: string, lang?: string) => {
      const found = await dispatch('timeline.list', { incidentId: id, query, ...(lang ? { lang } : {}) }, ANN);
      assert.ok(found.ok);
      return (found.value as { kind: string }[]).map((e) => e.kind);
    };
    assert.deepEqual(await kinds('всплеск', 'ru'), ['alert.raised'], 'the volume alert, as the Russian UI words it');
    assert.deepEqual(await kinds('ЛОКАЛИЗОВАН', 'ru'), ['incident.status', 'incident.status'], 'active → contained, contained → resolved');
    assert.deepEqual(await kinds('Volume spike', 'ru'), ['alert.raised'], 'the English text still');
    assert.deepEqual(await kinds('всплеск'), [], 'not in English');
  });

  it('a crisis still running has no "after" and no recovery yet; late updates and gaps are counted', async () => {
    const core = testCore();
    core.clock.now = at(7);
    const id = core.incidents.create({ title: 'Live', organisation: '', description: '', status: 'active', level: 4, crisisType: null, phase: 'during', owner: '', detectedAt: null }, ANN).id;
    core.timeline.add({ incidentId: id, kind: 'public_update', author: ANN.name, occurredAt: at(7, 50), text: 'First words' });
    core.timeline.add({ incidentId: id, kind: 'public_update', author: ANN.name, occurredAt: at(9, 10), text: 'Second, late' });
    core.clock.now = at(11);
    const m = core.reports.get(id).metrics;
    assert.equal(m.sentiment.after, null);
    assert.equal(m.recovered, null);
    assert.deepEqual(m.publicUpdates, { total: 2, onTime: 1, late: 1, missed: 1, cadenceMinutes: 60 });
    assert.equal(m.shareOfVoice, null);
    assert.equal(m.detectionToAcknowledgementMs, 50 * MIN, 'detection falls back to the opening');
  });
});

describe('after-action review: what people write', () => {
  it('saves the review whole, links lessons to playbooks, and turns action items into tasks', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    const input = {
      summary: 'Contained within a morning.', wentWell: 'Fast legal review.', wentWrong: 'No reply template for Telegram.', planChanges: 'Add a Telegram template.',
      audience: [{ platform: 'x', account: '@northwind', before: 120_000, after: 118_500 }],
      costs: [{ item: 'Refunds', amount: 4200, currency: 'EUR' }, { item: 'Agency', amount: 1500, currency: 'EUR' }],
      lessons: [{ text: 'Confirm the source post before the first statement.', playbookId: 'viral_activity' }, { text: 'Keep a lawyer on every shift.', playbookId: null }],
    };
    const saved = core.reports.saveReview(id, input, ANN);
    assert.equal(saved.updatedBy, ANN.name);
    assert.deepEqual({ ...saved, updatedBy: undefined, updatedAt: undefined }, { ...input, updatedBy: undefined, updatedAt: undefined });
    assert.deepEqual(core.reports.reviews.lessonsFor('viral_activity').map((l) => [l.incidentTitle, l.text]), [['Constructed juice crisis', 'Confirm the source post before the first statement.']]);
    const edited = core.reports.saveReview(id, { ...input, lessons: [input.lessons[1]] }, ANN);
    assert.equal(edited.lessons.length, 1);
    assert.deepEqual(core.reports.reviews.lessonsFor('viral_activity'), [], 'a lesson removed from the review leaves the playbook');
    assert.throws(() => core.reports.saveReview(id, { ...input, lessons: [{ text: 'x', playbookId: 'nope' }] }, ANN), (err: unknown) => err instanceof FirebreakError && (err.details as { say: Said }).say.key === 'missing' && /No playbook with id nope here/.test(err.message));
    assert.equal(core.reports.get(id).review.lessons.length, 1, 'a refused save changes nothing');
    const task = core.reports.addActionItem(id, { title: 'Write the Telegram template', notes: '', ownerPersonId: null, ownerRoleId: 'spokesperson', dueAt: at(12) + 7 * 24 * HOUR }, ANN);
    assert.equal(task.fromReview, true);
    assert.deepEqual(core.reports.get(id).actionItems.map((t) => t.title), ['Write the Telegram template']);
    assert.ok(core.tasks.list(id).some((t) => t.id === task.id), 'it is an ordinary task of the incident');
  });

  it('lists closed crises with their key figures and compares them on curves aligned at detection', async () => {
    const core = testCore();
    const id = await constructedCrisis(core);
    core.incidents.create({ title: 'Still open', organisation: '', description: '', status: 'active', level: 1, crisisType: null, phase: 'during', owner: '', detectedAt: null }, ANN);
    const past = core.reports.pastCrises({});
    assert.deepEqual(past.map((p) => [p.incident.title, p.mentions, p.peakHourMentions, p.detectionToAcknowledgementMs, p.durationMs]), [['Constructed juice crisis', 70, 30, 80 * MIN, 4.5 * HOUR]]);
    assert.deepEqual(core.reports.pastCrises({ level: 3 }), []);
    assert.equal(core.reports.pastCrises({ search: 'juice', closedFrom: Date.UTC(2026, 0, 1), closedTo: Date.UTC(2027, 0, 1) }).length, 1);
    assert.equal(core.reports.pastCrises({ closedFrom: Date.UTC(2025, 0, 1), closedTo: Date.UTC(2026, 0, 1) }).length, 0);
    const [c] = core.reports.compare([id]);
    // Detected at 07:30: the 07:00 hour is hour -1, the quiet 06:00 hour is -2.
    assert.deepEqual(c.curve.slice(0, 3).map((p) => [p.hour, p.mentions]), [[-2, 10], [-1, 30], [0, 20]]);
  });
});
