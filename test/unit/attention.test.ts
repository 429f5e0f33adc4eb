import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoCrisis } from '../../electron/core/demo/demo-crisis';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { Alert } from '../../shared/analytics';
import { attentionCounts, attentionTotal, countInTitle, risenKinds, titleWithCount, type AttentionSources, type IncidentAttention } from '../../shared/attention';
import type { Actor, Incident } from '../../shared/domain';
import type { EnquiryCounts } from '../../shared/enquiries';
import type { StakeholderCounts } from '../../shared/stakeholders';
import type { ClaimCounts } from '../../shared/claims';
import type { OwnChannelCounts } from '../../shared/own-channels';
import type { TaskCounts } from '../../shared/plan';
import type { SitrepTimer } from '../../shared/sitrep';
import type { StatementSummary } from '../../shared/statements';
import type { TriageCounts } from '../../shared/triage';
import type { UpdateTimer } from '../../shared/update-timer';
import { ANN, testCore } from './helpers';

const MIN = 60_000;

/** The demo room, read as a laptop's renderer reads it: through the API, as one person. */
async function demoRoom() {
  const core = testCore();
  const incident = await loadDemoCrisis(core, core.clock.now);
  const dispatch = createDispatcher(core, 'desktop');
  const get = async <T>(method: string, arg: unknown, actor: Actor = ANN): Promise<T> => {
    const res = await dispatch(method, arg, actor);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.value as T;
  };
  const incidentId = incident.id;
  const sources = async (actor: Actor = ANN): Promise<AttentionSources> => ({
    incidentId,
    alerts: await get<Alert[]>('alerts.list', { incidentId }),
    updateTimer: await get<UpdateTimer | null>('timeline.updateTimer', { incidentId }),
    sitrepTimer: await get<SitrepTimer | null>('sitrep.timer', { incidentId }),
    triageCounts: await get<TriageCounts>('triage.counts', { incidentId }),
    enquiryCounts: await get<EnquiryCounts>('enquiries.counts', { incidentId }),
    stakeholderCounts: await get<StakeholderCounts>('stakeholders.counts', { incidentId }),
    claimCounts: await get<ClaimCounts>('claims.counts', { incidentId }),
    channelCounts: await get<OwnChannelCounts>('channels.counts', { incidentId }),
    taskCounts: await get<TaskCounts>('plan.counts', { incidentId }),
    waitingForMe: await get<StatementSummary[]>('statements.waitingForMe', { incidentId }, actor),
  });
  /** The room's own summary (`attention.summary`), this incident's line. */
  const counts = async (actor: Actor = ANN) => (await get<IncidentAttention[]>('attention.summary', {}, actor)).find((a) => a.incidentId === incidentId)!.counts;
  return { core, incidentId, get, sources, counts };
}

describe('what needs the room now (window title and desktop notifications)', () => {
  it('counts, in the demo, exactly what the incident header shows in red or amber, and what waits for this person', async () => {
    const room = await demoRoom();
    const s = await room.sources();
    const c = await room.counts();
    // The room's summary is the header's figures, read the same way.
    assert.deepEqual(c, attentionCounts(s, room.core.clock.now));
    assert.equal(c.alerts, s.alerts.filter((a) => a.acknowledgedAt === null).length);
    assert.ok(c.alerts > 0, 'the demo has alerts nobody acknowledged');
    assert.equal(c.pressLate, s.enquiryCounts!.overdue);
    assert.equal(c.pressLate, 1, 'the Russian-language paper is past its deadline');
    assert.equal(c.tasksLate, s.taskCounts!.overdue);
    assert.ok(c.tasksLate > 0);
    assert.deepEqual([c.updateLate, c.sitrepLate], [0, 0], 'both timers still running');
    assert.ok(s.updateTimer!.dueAt > room.core.clock.now && s.sitrepTimer!.dueAt > room.core.clock.now);
    assert.equal(c.approvals, 0, 'nothing waits for a scribe');
    assert.equal(c.stakeholdersSoon, 1, 'the food safety authority is due within the hour');
    assert.equal(c.claimsSpreading, 2, 'the campaign\'s claims, rising with no answer out');
    assert.deepEqual([c.channelsLost, c.impostorsUnreported], [0, 1], 'the fake Telegram support channel nobody has reported yet');
    assert.equal(attentionTotal(c), c.alerts + c.pressLate + c.tasksLate + c.stakeholdersSoon + c.claimsSpreading + c.impostorsUnreported);

    // The person holding the step a statement waits on is told; another incident's statements are not counted.
    const inReview = (await room.get<StatementSummary[]>('statements.list', { incidentId: room.incidentId })).filter((x) => x.waiting);
    assert.ok(inReview.length > 0, 'the demo has a statement in review');
    const holder: Actor = { name: inReview[0].waiting!.holders[0], role: '' };
    const forHolder = await room.counts(holder);
    assert.equal(forHolder.approvals, inReview.filter((x) => x.waiting!.holders.includes(holder.name)).length);
    assert.ok(forHolder.approvals > 0);
    const elsewhere = attentionCounts({ ...(await room.sources(holder)), incidentId: 'another-incident' }, room.core.clock.now);
    assert.deepEqual([elsewhere.approvals, elsewhere.alerts], [0, 0]);
  });

  it('the summary covers every incident still worked on, newest first; closed and archived ones drop out', async () => {
    const room = await demoRoom();
    room.core.clock.now += MIN;
    const second = await room.get<Incident>('incidents.create', { title: 'Hijacked account', status: 'active' });
    room.core.clock.now += 5 * MIN;
    const third = await room.get<Incident>('incidents.create', { title: 'Fake giveaway', status: 'monitoring' });
    const ids = async () => (await room.get<IncidentAttention[]>('attention.summary', {})).map((a) => a.incidentId);
    assert.deepEqual(await ids(), [third.id, second.id, room.incidentId]);
    const quiet = (await room.get<IncidentAttention[]>('attention.summary', {})).find((a) => a.incidentId === second.id)!;
    assert.equal(quiet.title, 'Hijacked account');
    assert.equal(attentionTotal(quiet.counts), 0, 'a new incident needs nothing yet');
    // A week later the new incident's public update is long overdue.
    room.core.clock.now += 7 * 24 * 60 * MIN;
    const later = (await room.get<IncidentAttention[]>('attention.summary', {})).find((a) => a.incidentId === second.id)!;
    assert.equal(later.counts.updateLate, 1);
    for (const to of ['resolved', 'closed'] as const) await room.get('incidents.setStatus', { id: second.id, status: to });
    assert.deepEqual(await ids(), [third.id, room.incidentId]);
    await room.get('incidents.setStatus', { id: third.id, status: 'closed' });
    await room.get('incidents.setArchived', { id: third.id, archived: true });
    assert.deepEqual(await ids(), [room.incidentId]);
  });

  it('as time passes a timer running out is news once; an alert acknowledged is not; a public update and a new deadline are', async () => {
    const room = await demoRoom();
    const start = await room.counts();
    const { updateTimer, sitrepTimer } = await room.sources();

    // Past the public update's deadline, not yet the situation report's.
    room.core.clock.now = updateTimer!.dueAt + MIN;
    assert.ok(room.core.clock.now < sitrepTimer!.dueAt);
    const late = await room.counts();
    assert.ok(risenKinds(start, late).includes('updateLate'));
    assert.equal(late.updateLate, 1);
    // The mentions marked as needing a response at the start have now waited past the level's 30 minutes.
    const triage = await room.get<TriageCounts>('triage.counts', { incidentId: room.incidentId });
    assert.ok(triage.overdue > 0);
    assert.equal(late.triageLate, triage.overdue);
    assert.equal(attentionTotal(late), attentionTotal(start) + risenKinds(start, late).reduce((n, k) => n + late[k] - start[k], 0));
    // Read again a minute later: the same late timer is not news a second time.
    room.core.clock.now += MIN;
    const again = await room.counts();
    assert.deepEqual(risenKinds(late, again).filter((k) => k === 'updateLate'), []);

    // An alert acknowledged: one fewer, nothing risen.
    const open = (await room.sources()).alerts.find((a) => a.acknowledgedAt === null)!;
    await room.get('alerts.acknowledge', { id: open.id });
    const acknowledged = await room.counts();
    assert.equal(acknowledged.alerts, again.alerts - 1);
    assert.deepEqual(risenKinds(again, acknowledged), []);

    // A public update resets the timer: the count goes down, and nothing is news.
    await room.get('timeline.add', { incidentId: room.incidentId, kind: 'public_update', text: 'Update posted on X and Telegram' });
    const updated = await room.counts();
    assert.equal(updated.updateLate, 0);
    assert.deepEqual(risenKinds(acknowledged, updated), []);

    // A journalist calls with a deadline 20 minutes away: the press desk is due soon.
    await room.get('enquiries.add', {
      incidentId: room.incidentId,
      enquiry: { outlet: 'City FM', journalist: 'Ana Ruiz', contact: '', channel: 'phone', question: 'Is the product safe?', deadlineAt: room.core.clock.now + 20 * MIN, ownerPersonId: null },
    });
    const called = await room.counts();
    assert.deepEqual(risenKinds(updated, called), ['pressSoon']);
    // ... and its deadline passing moves it from amber to red: news again.
    room.core.clock.now += 21 * MIN;
    const passed = await room.counts();
    assert.ok(risenKinds(called, passed).includes('pressLate'));
    assert.equal(passed.pressLate, called.pressLate + 1);
  });

  it('the count written into the window title is read back for the desktop badge, in the digits of every UI language', () => {
    for (const lang of ['en', 'ru', 'uk', 'fa', 'el']) {
      for (const n of [0, 7, 1234]) {
        const title = titleWithCount(n ? new Intl.NumberFormat(lang).format(n) : null, 'Данные — داده — Firebreak');
        assert.equal(countInTitle(title), n, `${lang} ${title}`);
      }
    }
    assert.equal(countInTitle('(٤٢) تسريب'), 42, 'Arabic-Indic digits too');
    assert.equal(countInTitle('Situation report: (3) items'), 0, 'only a count in front');
    assert.equal(countInTitle('Firebreak'), 0);
  });
});
