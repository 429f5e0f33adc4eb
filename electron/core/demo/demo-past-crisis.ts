import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Actor, Incident } from '../../../shared/domain';
import type { AlertService } from '../alerts/alert-service';
import type { TopicRepo } from '../analytics/topic-repo';
import { EventBus } from '../events';
import type { ImportService } from '../import/import-service';
import { IncidentService } from '../incidents/incident-service';
import { PlaybookRepo } from '../plan/playbook-repo';
import { TaskService } from '../plan/task-service';
import { EnquiryService } from '../enquiries/enquiry-service';
import { ClaimService } from '../claims/claim-service';
import { ChannelService } from '../channels/channel-service';
import { StakeholderService } from '../stakeholders/stakeholder-service';
import { ReviewRepo } from '../review/review-repo';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { demoMentionsCsv } from './demo-mentions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const SCRIBE: Actor = { name: 'Nikos Papadopoulos', role: 'Scribe' };

type Services = { db: Database; imports: ImportService; topics: TopicRepo; alerts: AlertService; timeline: TimelineRepo; team: TeamService };

/**
 * A closed crisis from last spring, like today's and reviewed, so the archive, the comparison and the playbook's
 * lessons are populated. Replayed with its own clock so its statuses, tasks and updates happened when it says.
 */
export async function loadDemoPastCrisis(s: Services, now: number): Promise<string> {
  const end = now - 240 * DAY;
  const clock = { at: end - 21.5 * HOUR };
  const incidents = new IncidentService(s.db, new EventBus(), () => clock.at, s.timeline);
  const created = incidents.create({
    title: 'Earlier video: "glass in the bottle" (batch L-1907)', organisation: 'Northwind Juice Co.',
    description: 'A video claiming glass in a bottle of batch L-1907 spread on X and Telegram. QA found no defect; the claim was withdrawn.',
    status: 'active', level: 2, crisisType: 'viral_activity', phase: 'during', owner: LEAD.name, detectedAt: end - (21 * HOUR + 35 * 60_000),
  }, SCRIBE);
  const id = created.id;
  await importMentions(s.imports, id, end);
  s.topics.save(id, undefined, { name: 'Northwind', kind: 'brand', terms: ['northwind', '#northwind'] }, LEAD.name);
  s.topics.save(id, undefined, { name: 'Southgate Juice', kind: 'competitor', terms: ['southgate'] }, LEAD.name);
  s.alerts.saveSettings(id, { ...s.alerts.settings(id), sensitivity: 'high' }, LEAD);
  s.alerts.evaluate(id);
  const tasks = new TaskService(s.db, new PlaybookRepo(s.db, () => clock.at), s.team, s.timeline, () => created.openedAt, () => clock.at);
  const made = tasks.apply(id, 'viral_activity', 'opened', LEAD);
  const doneAt = [12, 95, 55, 85, 300];
  made.forEach((task, i) => {
    clock.at = created.openedAt! + doneAt[i] * 60_000;
    tasks.update(task.id, { status: 'done' }, LEAD);
  });
  // What people wrote down that day: the record the review's timeline prints.
  const detected = created.detectedAt!;
  for (const [minutes, kind, who, text, tags] of [
    [12, 'observation', SCRIBE, 'Source post found: a 40-second video on X, first shared from a Telegram channel two hours earlier', ['source']],
    [30, 'decision', LEAD, 'No recall before QA has tested the retained samples of L-1907; a holding statement now', ['recall']],
    [665, 'decision', LEAD, // an hour and a half before the lab report went out
      'Publish the lab report in full, with the batch number and the name of the lab', []],
  ] as const) {
    s.timeline.add({ incidentId: id, kind, author: who.name, role: who.role, occurredAt: detected + minutes * 60_000, text, tags: [...tags] });
  }
  for (const [hoursBefore, text] of [[20, 'Holding statement on X, Telegram and the website'], [16, 'Update: QA is testing retained samples of L-1907'], [9, 'QA found no glass; statement with the lab report']] as const) {
    s.timeline.add({ incidentId: id, kind: 'public_update', author: LEAD.name, role: LEAD.role, occurredAt: end - hoursBefore * HOUR, text, keyEvent: true });
  }
  pastEnquiries(s, id, end, clock);
  pastStakeholders(s, id, (incidentId) => incidents.get(incidentId), clock);
  pastClaims(s, id, end, clock);
  pastChannels(s, id, end, clock);
  for (const [hoursBefore, status] of [[10, 'contained'], [4, 'resolved'], [2, 'closed']] as const) {
    clock.at = end - hoursBefore * HOUR;
    incidents.setStatus(id, status, LEAD);
  }
  clock.at = end + 3 * DAY;
  new ReviewRepo(s.db).save(id, {
    summary: 'A false claim contained in a day: the first statement came 95 minutes after detection, the lab report closed it.',
    wentWell: 'The monitor confirmed the source post within 12 minutes.\n\nThe QA lab report was public the same day.',
    wentWrong: 'The first public acknowledgement took 95 minutes (target: 60): legal was off shift.\n\nNobody answered Telegram comments for four hours.',
    planChanges: 'Keep a legal approver on every shift of a level-2+ crisis. Pre-approve a holding statement per crisis type.',
    audience: [{ platform: 'x', account: '@northwind', before: 184_000, after: 181_200 }, { platform: 'telegram', account: 't.me/northwind', before: 52_000, after: 52_900 }],
    costs: [{ item: 'Independent lab test', amount: 3_800, currency: 'EUR' }, { item: 'Refunds for returned bottles', amount: 11_250, currency: 'EUR' }],
    lessons: [
      { text: 'Have the holding statement pre-approved: the first acknowledgement waited 35 minutes for legal.', playbookId: 'viral_activity' },
      { text: 'Answer Telegram comments from the first hour; that is where the claim grew.', playbookId: 'viral_activity' },
    ],
  }, SCRIBE, clock.at);
  tasks.add(id, { title: 'Pre-approve holding statements for every crisis type', notes: '', ownerPersonId: null, ownerRoleId: 'legal', dueAt: end + 30 * DAY }, SCRIBE, { fromReview: true });
  return id;
}

/** Three journalists that day: two answered in time, a wire service after its deadline (legal was off shift). */
function pastEnquiries(s: Services, incidentId: string, end: number, clock: { at: number }): void {
  const desk = new EnquiryService(s.db, s.timeline, () => clock.at);
  const SPOKES: Actor = { name: 'Daniel Brooks', role: 'Spokesperson' };
  // The same journalists call again in today's crisis: the press desk offers them, with their contact details.
  const log = (from: [string, string, string], channel: 'phone' | 'email', receivedBefore: number, deadlineBefore: number, answeredBefore: number, question: string, answer: string) => {
    const [outlet, journalist, contact] = from;
    clock.at = end - receivedBefore * HOUR;
    const e = desk.add(incidentId, { outlet, journalist, contact, channel, question, deadlineAt: end - deadlineBefore * HOUR, ownerPersonId: null }, SCRIBE);
    clock.at = end - answeredBefore * HOUR;
    desk.update(e.id, { status: 'answered', answer }, SPOKES);
  };
  log(['Northern Wire', 'Tom Hale', '+44 161 496 0732'], 'phone', 20.5, 19.5, 19, 'Is there glass in batch L-1907?', 'We are testing retained samples of batch L-1907 and will publish the results today.');
  log(['The Daily Ledger', 'Sarah Whitfield', ''], 'email', 17, 12, 14.5, 'How many bottles were returned?', 'Returns are being counted; any bottle of L-1907 is refunded in full.');
  log(['Radio Metro', 'James Okafor', '+44 20 7946 0990'], 'phone', 10, 8, 9.6, 'Can you confirm the lab found no glass?', 'Yes: the independent laboratory found no glass and no defect in batch L-1907.');
}

/**
 * Who was told that day, with the contacts the room noted: today's crisis finds them again when it adds the usual
 * stakeholders. Staff heard before the holding statement; investors were not needed at level 2.
 */
function pastStakeholders(s: Services, incidentId: string, incident: (id: string) => Incident, clock: { at: number }): void {
  const list = new StakeholderService(s.db, s.timeline, incident, () => clock.at);
  const detected = incident(incidentId).detectedAt!;
  const at = (minutes: number) => (clock.at = detected + minutes * 60_000);
  at(10);
  const usual = new Map(list.addUsual(incidentId, LEAD).map((x) => [x.usualKey, x.id]));
  const contacts: Record<string, string> = {
    board: 'Chair: +44 20 7946 0100', staff: 'all-staff@northwind.example', frontline: 'cs-leads@northwind.example', partners: 'trade@northwind.example', investors: 'ir@northwind.example',
  };
  for (const [key, contact] of Object.entries(contacts)) list.update(usual.get(key)!, { contact }, LEAD);
  for (const [minutes, key, message] of [
    [20, 'board', 'Called the chair: a video claims glass in batch L-1907; QA is testing retained samples.'],
    [25, 'frontline', 'Briefed customer service: refund any L-1907 bottle, no speculation, pass injury reports to legal.'],
    [70, 'staff', 'Intranet note: what the video claims, what QA is doing, and not to comment on social media.'],
    [150, 'partners', 'E-mailed the retailers the holding statement and the refund arrangement.'],
  ] as const) {
    at(minutes);
    list.update(usual.get(key)!, { status: 'informed', message }, LEAD);
  }
  list.update(usual.get('investors')!, { status: 'not_needed', message: 'Level 2, no recall: not material to investors.' }, LEAD);
}

/** The "poisoned batch" then too: logged as the room convened, answered with the lab report (the comparison and the review count it). */
function pastClaims(s: Services, incidentId: string, end: number, clock: { at: number }): void {
  const claims = new ClaimService(s.db, s.timeline, () => clock.at);
  clock.at = end - 19 * HOUR;
  const poisoned = claims.add(incidentId, {
    claim: 'The batch is poisoned', terms: ['#poisonedbatch', 'poisoning'], verdict: 'false',
    facts: 'The independent laboratory found no glass and no defect in batch L-1907.', source: 'Independent laboratory report on L-1907', ownerPersonId: null,
  }, LEAD);
  clock.at = end - 9 * HOUR;
  claims.update(poisoned.id, { status: 'answered', answer: 'The independent laboratory found no glass and no defect in batch L-1907; its full report is on our website.' }, LEAD);
}

/** The brand's X and Instagram accounts, their scheduled posts held only two and a half hours after detection (a lesson the review kept). */
function pastChannels(s: Services, incidentId: string, end: number, clock: { at: number }): void {
  const channels = new ChannelService(s.db, s.timeline, () => clock.at);
  clock.at = end - 19 * HOUR;
  for (const [platform, name, url] of [['x', '@NorthwindDrinks', 'https://x.com/NorthwindDrinks'], ['instagram', '@northwind.juice', 'https://www.instagram.com/northwind.juice']] as const) {
    channels.add(incidentId, { platform, name, url, keeperPersonId: null, note: 'A scheduled spring promotion went out during the crisis before posts were held.', posting: 'paused' }, LEAD);
  }
}

async function importMentions(imports: ImportService, incidentId: string, end: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-demo-past-'));
  const file = path.join(dir, 'northwind-spring-export.csv');
  try {
    fs.writeFileSync(file, '\ufeff' + demoMentionsCsv(end));
    // The full export, made once it was over, imported for the review then (not when the demo is loaded): the
    // report's timeline stays in order.
    const started = await imports.start({ file, incidentId, actor: SCRIBE, options: { timezone: 'UTC' }, clock: () => end + 15 * 60_000 });
    await started.done;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
