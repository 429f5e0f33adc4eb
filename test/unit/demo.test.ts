import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { updateTimer } from '../../shared/update-timer';
import { testCore } from './helpers';
import { assertRollupMatches } from './rollup-helpers';

describe('demo crisis', () => {
  it('comes with a closed, reviewed crisis like it from last spring: archive, comparison and playbook lessons are populated', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const past = core.reports.pastCrises({});
    assert.equal(past.length, 1);
    assert.equal(past[0].hasReview, true);
    assert.ok(past[0].mentions > 300 && past[0].peakHourMentions! > 30);
    const m = core.reports.get(past[0].incident.id).metrics;
    assert.ok(m.firstSpikeAt !== null && m.detectionToAcknowledgementMs! > 0, 'the alert and the first public update are on its record');
    assert.deepEqual(m.phases.map((p) => p.status), ['active', 'contained', 'resolved']);
    assert.deepEqual([m.tasks.done, m.tasks.doneLate], [5, 2]);
    assert.deepEqual(m.press, { received: 3, closed: 3, closedLate: 1, open: 0, medianAnswerMs: 1.5 * 3_600_000, keyMessages: null }, 'the wire service answered after its deadline');
    assert.equal(core.reports.compare([demo.id, past[0].incident.id])[0].metrics.press.open, 2, "today's desk has two outlets waiting");
    // Today's one answer was the holding statement, which carries the quality-team key message.
    assert.deepEqual(core.reports.get(demo.id).metrics.press.keyMessages, { answered: 1, carrying: 1 });
    assert.equal(core.reports.get(past[0].incident.id).actionItems.length, 1);
    assert.equal(core.reports.reviews.lessonsFor('viral_activity').length, 2, 'the playbook the current demo uses shows them');
    const [now, then] = core.reports.compare([demo.id, past[0].incident.id]);
    assert.ok(now.curve.some((p) => p.hour === 0) && then.curve.some((p) => p.hour === 0));

    // Its mentions were imported for the review, a quarter of an hour after the export (two hours after closing),
    // not when the demo was loaded: its report's timeline, and its Imports tab, stay in last spring.
    const closedAt = past[0].incident.closedAt!;
    const timeline = core.reports.get(past[0].incident.id).timeline;
    const imported = timeline.filter((e) => e.kind === 'import.finished');
    assert.deepEqual(imported.map((e) => e.occurredAt), [closedAt + 2 * 3_600_000 + 15 * 60_000]);
    assert.equal(timeline.at(-1), imported[0], 'the last line of its record');
    const [batch] = core.imports.batches(past[0].incident.id);
    assert.deepEqual([batch.startedAt, batch.finishedAt], [imported[0].occurredAt, imported[0].occurredAt]);
  });

  it('creates a populated, active, classified incident with a back-dated detection in its history', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    assert.equal(demo.isDemo, true);
    assert.equal(demo.status, 'active');
    assert.equal(demo.level, 3);
    assert.equal(demo.crisisType, 'viral_activity');
    const fields = core.incidents.history(demo.id).map((c) => c.field);
    for (const f of ['created', 'detectedAt', 'status', 'level']) assert.ok(fields.includes(f), f);
    // Opened when the room was convened, and its public updates are on time (next one due within two hours).
    assert.equal(demo.openedAt, core.clock.now - 21 * 3_600_000);
    const timer = updateTimer(demo, core.timeline.lastPublicUpdate(demo.id))!;
    assert.ok(timer.dueAt > core.clock.now && timer.dueAt <= core.clock.now + 2 * 3_600_000);
  });

  it('answers two English mentions in the approved English reply, one as approved and one edited; the review counts them', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const replies = core.db.prepare('SELECT r.mention_id, m.lang FROM mention_responses r JOIN mentions m ON m.id = r.mention_id WHERE r.incident_id = ?').all(demo.id) as { mention_id: number; lang: string }[];
    assert.deepEqual(replies.map((r) => r.lang), ['en', 'en']);
    const used = replies.map((r) => core.triage.history(r.mention_id).responses[0].wording);
    assert.deepEqual(used.map((w) => [w?.title, w?.edited]), [['Reply to worried customers', false], ['Reply to worried customers', true]]);
    assert.ok(!core.triage.history(replies[0].mention_id).responses[0].text.includes('{author}'), 'addressed to its author');
    const m = core.reports.get(demo.id).metrics.triage;
    assert.deepEqual([m.replies, m.approvedWording, m.editedWording], [2, 2, 1]);
    assert.deepEqual(core.triage.counts(demo.id, 3).awaiting, 3, 'the escalated one and two waiting with an owner');
  });

  it('lists who hears it from Northwind: the usual stakeholders with last spring\'s contacts, four told (three before the public), the food safety authority due within the hour', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const counts = core.stakeholders.counts(demo.id);
    assert.deepEqual([counts.total, counts.informed, counts.beforePublic, counts.dueSoon, counts.overdue], [7, 4, 3, 1, 0]);
    const byKey = new Map(core.stakeholders.list(demo.id).map((s) => [s.usualKey ?? s.name, s]));
    assert.equal(byKey.get('staff')!.contact, 'all-staff@northwind.example', 'the contact noted in last spring\'s crisis');
    assert.equal(byKey.get('partners')!.beforePublic, false);
    assert.equal(byKey.get('Food Standards Agency')!.status, 'to_inform');
    const [past] = core.reports.pastCrises({});
    assert.deepEqual(core.reports.get(past.incident.id).metrics.stakeholders, { listed: 5, informed: 4, beforePublic: 3, late: 0 });
  });

  it('tracks the claims going around: the campaign\'s hospital rumour spreading unanswered, the poisoned batch answered with the QA update and slowing since', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    assert.deepEqual(core.claims.counts(demo.id), { total: 4, toAnswer: 2, spreading: 2, answered: 1 });
    const [first, ...rest] = core.claims.list(demo.id);
    assert.deepEqual([first.claim, first.verdict, first.spread.trend], ['Children are in hospital after drinking Northwind juice', 'false', 'rising']);
    // At least the campaign's 26 accounts, in English and in Russian (больнице); the explorer lists the same mentions.
    assert.ok(first.spread.total >= 26);
    assert.equal(core.mentions.search({ incidentId: demo.id, anyOf: first.terms }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).total, first.spread.total);
    const poisoned = rest.find((c) => c.claim === 'Batch L-2211 is poisoned')!;
    assert.deepEqual([poisoned.status, poisoned.statementTitle], ['answered', 'Update: first QA results on batch L-2211']);
    assert.ok(poisoned.spread.afterAnswer!.after < poisoned.spread.afterAnswer!.before, 'fewer posts since the answer');
    assert.equal(rest.find((c) => c.claim === 'Southgate staged the video')!.spread.trend, 'unseen');
    assert.deepEqual(core.reports.get(demo.id).metrics.claims.answered, 1);
    // Last spring's crisis had its "poisoned batch" too, answered with the lab report: the comparison has both.
    const [past] = core.reports.pastCrises({});
    const then = core.reports.get(past.incident.id).metrics.claims;
    assert.deepEqual([then.logged, then.answered, then.slowed], [1, 1, 1]);
  });

  it('lists Northwind\'s own channels: posts held on three 40 minutes after detection, the Russian statement not out on Telegram and VK, the QA update not on X', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    assert.deepEqual(core.channels.counts(demo.id), { total: 6, paused: 3, compromised: 0, waiting: 3, unreported: 1 });
    const channels = core.channels.list(demo.id);
    const waiting = Object.fromEntries(channels.filter((c) => c.waiting.length).map((c) => [c.platform, c.waiting.map((w) => w.title)]));
    const russian = core.statements.list(demo.id).find((s) => s.languages.includes('ru') && s.kind === 'holding')!.title;
    assert.deepEqual(waiting, { telegram: [russian], vk: [russian], x: ['Update: first QA results on batch L-2211'] });
    assert.deepEqual(channels.find((c) => c.platform === 'website')!.published.map((p) => p.title).length, 2);
    const { channels: now } = core.reports.get(demo.id).metrics;
    assert.deepEqual([now.listed, now.paused, now.lost], [6, 3, 0]);
    // Last spring's held its posts two and a half hours after detection (the review's lesson): the comparison shows the change.
    const [past] = core.reports.pastCrises({});
    const then = core.reports.get(past.incident.id).metrics.channels;
    assert.ok(now.detectionToPauseMs! < then.detectionToPauseMs!, `${now.detectionToPauseMs} < ${then.detectionToPauseMs}`);
    assert.ok(core.sitreps.get(demo.id, 0).channels.length >= 4);
    // Scammers riding the refund offer: one reported to X, one on Telegram nobody has reported yet (first).
    assert.deepEqual(core.impostors.list(demo.id).map((i) => [i.platform, i.status]), [['telegram', 'spotted'], ['x', 'reported']]);
    assert.equal(core.sitreps.get(demo.id, 0).impostors.length, 2);
  });

  it('is idempotent', async () => {
    const core = testCore();
    const first = await loadDemoCrisis(core);
    const second = await loadDemoCrisis(core);
    assert.equal(second.id, first.id);
    assert.equal(core.incidents.list({ archived: false, limit: 10 }).length, 2, 'the demo and its past crisis, once');
    assert.equal(core.imports.batches(first.id).length, 2);
  });

  it('comes with imported mentions that spike after detection, in five languages, and two quarantined rows', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const batches = core.imports.batches(demo.id);
    const batch = batches.find((b) => b.status === 'complete')!;
    assert.deepEqual([batch.fileName, batch.preset, batch.rejected], ['northwind-brandwatch-export.csv', 'brandwatch', 2]);
    // And the monitor's first try, a Talkwalker export cut off after its header: listed as failed, with why.
    const cut = batches.find((b) => b.status === 'failed')!;
    assert.deepEqual([cut.fileName, cut.preset, cut.imported, cut.problem], ['northwind-talkwalker-export.csv', 'talkwalker', 0, { code: 'header_only', params: {} }]);
    const facets = core.mentions.facets(demo.id);
    assert.equal(facets.total, batch.imported);
    assert.deepEqual(facets.langs.map((l) => l.value).sort(), ['el', 'en', 'fa', 'ru', 'uk']);
    const count = (from: number, to: number) => core.mentions.search({ incidentId: demo.id, from, to }, { sort: 'time', direction: 'desc', offset: 0, limit: 1 }).total;
    const hour = 3_600_000;
    const quietHour = count(core.clock.now - 30 * hour, core.clock.now - 29 * hour);
    const spikeHour = count(core.clock.now - 20 * hour, core.clock.now - 19 * hour);
    assert.ok(spikeHour > 10 * quietHour, `spike ${spikeHour} vs quiet ${quietHour}`);
  });

  it('scores the unrated mentions, sets up share of voice, and raises the spike\'s alerts on its timeline', async () => {
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    assert.equal(core.sentiment.status().unscored, 0);
    const unrated = core.db.prepare("SELECT COUNT(*) FROM mentions WHERE platform = 'telegram' AND source_sentiment IS NULL AND engine_sentiment IS NOT NULL").pluck().get() as number;
    assert.ok(unrated > 10, `${unrated} Telegram mentions rated by the engine`);
    assert.equal(core.db.prepare('SELECT COUNT(*) FROM mentions WHERE analyst_sentiment IS NOT NULL').pluck().get(), 2);
    const kinds = new Set(core.alerts.list(demo.id).map((a) => a.kind));
    assert.deepEqual([...kinds].sort(), ['copies', 'influencer', 'negative_share', 'new_term', 'volume']);
    const volumes = core.alerts.list(demo.id).filter((a) => a.kind === 'volume').map((a) => (core.clock.now - a.windowStart) / 3_600_000);
    assert.equal(volumes.length, 2, 'the video going viral, then the copy-paste campaign');
    const [campaign, spike] = volumes.sort((a, b) => a - b);
    assert.ok(spike > 21 && spike <= 23, `the first volume alert sits at the spike, ${spike} h before now`);
    assert.ok(campaign > 1.5 && campaign <= 4, `the second at the campaign, ${campaign} h before now`);
    const [copied] = core.dashboard.copies({ incidentId: demo.id }).groups;
    assert.equal(copied.accounts, 18, "the campaign's English copies, on the dashboard");
    const campaignAlert = core.alerts.list(demo.id).find((a) => a.kind === 'copies')!;
    assert.equal(campaignAlert.filter.copyOf, copied.mentionId, 'and on the early warning, which shows the same copies');
    assert.ok(core.timeline.list(demo.id).some((e) => e.kind === 'alert.raised'));
    const sov = core.dashboard.shareOfVoice({ incidentId: demo.id });
    assert.deepEqual(sov.topics.map((t) => t.name), ['Northwind', 'Southgate Juice', 'Poison claims']);
    assert.ok(sov.topics[2].total > 50);
    assertRollupMatches(core);
  });
});
