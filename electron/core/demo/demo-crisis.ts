import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Actor, Incident } from '../../../shared/domain';
import type { OwnPlatform, PostingState } from '../../../shared/own-channels';
import type { AlertService } from '../alerts/alert-service';
import type { TopicRepo } from '../analytics/topic-repo';
import type { ImportService } from '../import/import-service';
import type { IncidentService } from '../incidents/incident-service';
import type { SentimentService } from '../sentiment/sentiment-service';
import { PlaybookRepo } from '../plan/playbook-repo';
import { recordSitrepSent } from '../sitrep/sitrep-service';
import { EnquiryService } from '../enquiries/enquiry-service';
import { StakeholderService } from '../stakeholders/stakeholder-service';
import { ClaimService } from '../claims/claim-service';
import { ChannelService } from '../channels/channel-service';
import { ImpostorService } from '../channels/impostor-service';
import { TaskService } from '../plan/task-service';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import type { TriageService } from '../triage/triage-service';
import { ApprovalChainRepo } from '../statements/approval-chains';
import { AuditLog } from '../statements/audit-log';
import { StatementService } from '../statements/statement-service';
import { TemplateRepo } from '../statements/template-repo';
import { demoMentionsCsv } from './demo-mentions';
import { loadDemoPastCrisis } from './demo-past-crisis';

const HOUR = 3_600_000;

/** The people other parts of the demo name as owners and keepers. */
type DemoPeople = { daniel: string; maria: string; olena: string };

/** Demo history is attributed to named team members so the record reads like a real one. */
const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const SCRIBE: Actor = { name: 'Nikos Papadopoulos', role: 'Scribe' };
const MONITOR: Actor = { name: 'Leila Ahmadi', role: 'Monitor' };

export const DEMO_EXPORT_NAME = 'northwind-brandwatch-export.csv';
/** The monitor's first try: a Talkwalker export cut off after its header (the import list says why it failed). */
export const DEMO_CUT_EXPORT_NAME = 'northwind-talkwalker-export.csv';
const TALKWALKER_HEADER = 'url,published,title,content,lang,sentiment,reach,engagement,source_type,extra_author_attributes.name\n';

/**
 * A realistic crisis so a newcomer sees a populated room at once. Idempotent: returns the existing demo.
 * Each capability extends it with its own data (mentions come through the real importer).
 */
type DemoServices = { db: Database; incidents: IncidentService; imports: ImportService; sentiment: SentimentService; topics: TopicRepo; alerts: AlertService; timeline: TimelineRepo; team: TeamService; triage: TriageService };

export async function loadDemoCrisis(services: DemoServices, now: number = Date.now()): Promise<Incident> {
  const { incidents } = services;
  const existing = incidents.findDemo();
  if (existing) return existing;

  const created = incidents.create(
    {
      title: 'Viral video: foreign object in Northwind juice bottle',
      organisation: 'Northwind Juice Co.',
      description:
        'A TikTok video showing a bottle of Northwind Orange with a foreign object spread to X, Instagram and ' +
        'Telegram channels overnight. Claims of a "poisoned batch" are circulating without evidence; retailers ' +
        'are asking questions. Goal: acknowledge within the hour, confirm facts with QA, stop the false claims.',
      status: 'monitoring',
      level: 1,
      crisisType: 'viral_activity',
      phase: 'before',
      owner: LEAD.name,
      detectedAt: now - 20 * HOUR,
    },
    SCRIBE,
    { isDemo: true },
  );
  // The monitor saw the first posts earlier than the alert time; the correction keeps the original in history.
  incidents.setTime(created.id, 'detectedAt', now - 22 * HOUR, SCRIBE, 'First post found in the monitoring export');
  incidents.setStatus(created.id, 'active', LEAD, 'Volume tripled in two hours; war room convened');
  // The room was convened 21 hours ago (the timeline says so); the app is loaded now.
  incidents.setTime(created.id, 'openedAt', now - 21 * HOUR, SCRIBE, 'War room convened before Firebreak was opened');
  // Level 3; the board asked for a situation report every four hours.
  const incident = incidents.update(created.id, { level: 3, sitrepEveryMinutes: 240 }, LEAD);
  await importDemoMentions(services.imports, incident.id, now);
  // Before scoring, so the engine rates the past crisis's unrated mentions too.
  await loadDemoPastCrisis(services, now);
  await demoSentimentAndAlerts(services, incident.id);
  demoTimeline(services.timeline, incident.id, now);
  const people = demoTeam(services.team, incident.id, now);
  const answered = demoTriage(services.triage, incident.id);
  demoPlan(services, incident.id, now);
  const said = demoStatements(services, incident.id, now);
  demoReplies(services.triage, answered, said.reply);
  demoEnquiries(services, incident.id, now, people, said);
  demoStakeholders(services, incident.id, now, people, said);
  demoClaims(services, incident.id, now, people, said);
  demoChannels(services, incident.id, now, people);
  return incidents.get(incident.id);
}

async function importDemoMentions(imports: ImportService, incidentId: string, now: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-demo-'));
  try {
    for (const [name, text] of [[DEMO_CUT_EXPORT_NAME, TALKWALKER_HEADER], [DEMO_EXPORT_NAME, '\ufeff' + demoMentionsCsv(now)]]) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      await (await imports.start({ file, incidentId, actor: MONITOR, options: { timezone: 'UTC' } })).done;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Share-of-voice topics, the engine's scores, two analyst corrections, and the alerts the spike raises. */
async function demoSentimentAndAlerts(services: DemoServices, incidentId: string): Promise<void> {
  const { topics, sentiment, alerts } = services;
  topics.save(incidentId, undefined, { name: 'Northwind', kind: 'brand', terms: ['northwind', '#northwind'] }, LEAD.name);
  topics.save(incidentId, undefined, { name: 'Southgate Juice', kind: 'competitor', terms: ['southgate'] }, LEAD.name);
  topics.save(incidentId, undefined, { name: 'Poison claims', kind: 'topic', terms: ['#poisonedbatch', 'poisoning', 'отравление'] }, LEAD.name);
  alerts.saveSettings(incidentId, { ...alerts.settings(incidentId), sensitivity: 'high', followerThreshold: 400_000 }, LEAD);
  await sentiment.scoreAll();
  const telegram = services.db
    .prepare("SELECT id FROM mentions WHERE incident_id = ? AND platform = 'telegram' ORDER BY published_at DESC LIMIT 2")
    .pluck()
    .all(incidentId) as number[];
  if (telegram.length) sentiment.correct(telegram, 'negative', MONITOR);
  alerts.evaluate(incidentId);
}

/** What the team itself wrote while the crisis unfolded: the record an after-action review will read. */
function demoTimeline(timeline: TimelineRepo, incidentId: string, now: number): void {
  const entries: { at: number; who: Actor; kind: string; text: string; tags: string[]; key?: boolean }[] = [
    { at: now - 21.5 * HOUR, who: MONITOR, kind: 'observation', text: 'TikTok video of a bottle with a foreign object is being reshared on X and Telegram; #poisonedbatch appears.', tags: ['video', 'monitoring'], key: true },
    { at: now - 21 * HOUR, who: LEAD, kind: 'decision', text: 'War room convened. Holding statement within the hour; QA to check batch L-2211.', tags: ['war-room'], key: true },
    { at: now - 20.5 * HOUR, who: LEAD, kind: 'action', text: 'Asked QA for the batch record and the retailer list for batch L-2211.', tags: ['qa'] },
    { at: now - 12 * HOUR, who: MONITOR, kind: 'note', text: 'Russian- and Ukrainian-language Telegram channels repeat the claim without new evidence.', tags: ['monitoring'] },
    // The latest public update: the level-3 cadence (every two hours) makes the next one due in about half an hour.
  ];
  for (const e of entries) {
    timeline.add({ incidentId, kind: e.kind, occurredAt: e.at, author: e.who.name, role: e.who.role, text: e.text, tags: e.tags, keyEvent: e.key ?? false });
  }
  // The board had a situation report three hours ago: the next one starts from there.
  recordSitrepSent(timeline, incidentId, LEAD, now - 3 * HOUR);
}

/**
 * The team on the roster. Legal has a gap right now (the first lawyer's shift ended, the backup starts in an hour):
 * exactly what the roster is there to show before a statement waits for an approver.
 */
function demoTeam(team: TeamService, incidentId: string, now: number): DemoPeople {
  const person = (name: string, title: string, phone: string, languages: string[]) =>
    team.savePerson(undefined, { name, title, organisation: 'Northwind Juice Co.', phone, email: `${name.split(' ')[0].toLowerCase()}@northwind.example`, languages, notes: '' }, LEAD).id;
  const maria = person(LEAD.name, 'Head of Communications', '+44 20 7946 0101', ['en', 'ru']);
  const nikos = person(SCRIBE.name, 'PR Manager', '+30 21 0000 0102', ['el', 'en']);
  const leila = person(MONITOR.name, 'Social Media Analyst', '+44 20 7946 0103', ['fa', 'en']);
  const daniel = person('Daniel Brooks', 'Corporate Affairs Director', '+44 20 7946 0104', ['en']);
  const olena = person('Olena Kovalenko', 'Community Manager', '+380 44 000 0105', ['uk', 'ru', 'en']);
  const elena = person('Elena Costa', 'Legal Counsel', '+44 20 7946 0106', ['en', 'el']);
  const anna = person('Anna Schmidt', 'Chief Executive Officer', '+44 20 7946 0100', ['en', 'de']);
  const tom = person('Tom Fischer', 'Senior Legal Counsel', '+49 30 0000 0107', ['en', 'de']);
  const assign = (personId: string, roleId: string, rank: 'primary' | 'backup', shiftStart: number | null = null, shiftEnd: number | null = null, handover = '') =>
    team.assign({ incidentId, personId, roleId, rank, shiftStart, shiftEnd, handover }, LEAD);
  assign(maria, 'lead', 'primary');
  assign(daniel, 'spokesperson', 'primary');
  assign(maria, 'spokesperson', 'backup');
  assign(elena, 'legal', 'primary', now - 21 * HOUR, now - HOUR, 'Holding statement approved; QA report on batch L-2211 expected tonight.');
  assign(tom, 'legal', 'backup', now + HOUR, now + 13 * HOUR);
  assign(anna, 'executive', 'primary');
  assign(leila, 'monitor', 'primary');
  assign(olena, 'responder', 'primary');
  assign(nikos, 'scribe', 'primary');
  return { daniel, maria, olena };
}

/**
 * The viral-activity playbook applied when the room convened and mostly worked through; the advice to users is late
 * (drafting waits for QA), two tasks were added by hand, one of them late too.
 */
function demoPlan(services: DemoServices, incidentId: string, now: number): void {
  const opened = now - 21 * HOUR;
  // The plan's own clock replays the day, so tasks were done when the room did them.
  const clock = { at: opened + 5 * 60_000 };
  const { db, team, timeline, incidents } = services;
  const tasks = new TaskService(db, new PlaybookRepo(db, () => clock.at), team, timeline, (id) => incidents.get(id).openedAt, () => clock.at);
  const at = (t: number) => (clock.at = t);
  const made = tasks.apply(incidentId, 'viral_activity', 'opened', LEAD);
  const step = (n: number) => made[n - 1].id;
  const RESPONDER: Actor = { name: 'Olena Kovalenko', role: 'Social-media responder' };
  at(opened + 14 * 60_000);
  tasks.update(step(1), { status: 'done', notes: 'Source: TikTok video posted 23:10; reposted by three Telegram channels.' }, MONITOR);
  at(opened + 50 * 60_000);
  tasks.update(step(2), { status: 'done' }, LEAD);
  at(opened + 75 * 60_000);
  tasks.update(step(3), { status: 'done', notes: 'Two posts removed by X; TikTok report pending.' }, MONITOR);
  at(opened + 85 * 60_000);
  tasks.update(step(4), { status: 'done' }, RESPONDER);
  at(opened + 100 * 60_000);
  tasks.update(step(5), { status: 'doing', notes: 'Draft waits for the QA report on batch L-2211.' }, LEAD);
  at(now - 6 * HOUR);
  tasks.add(incidentId, { title: 'Get the QA lab report on batch L-2211', notes: '', ownerPersonId: null, ownerRoleId: 'lead', dueAt: now + 2 * HOUR }, LEAD);
  at(now - 4 * HOUR);
  tasks.add(incidentId, { title: 'Send a Q&A sheet to retail store managers', notes: 'Retailers are asking whether to pull the product.', ownerPersonId: null, ownerRoleId: 'media', dueAt: now - 30 * 60_000 }, LEAD);
}

/**
 * Statements in every state the room meets: the holding statement approved by the whole level-3 chain and published,
 * its Russian version approved and waiting to go out, the QA update published 90 minutes ago, the detailed QA statement
 * stuck at legal (the lawyer's shift ended; a reminder sent), a reply draft with a suggestion, and an FAQ sent back
 * by legal. The statements' own clock replays the day, so the audit trail reads in order.
 */
type DemoSaid = { reply: { statementId: string; version: number }; holding: { id: string; body: string }; update: { id: string; body: string } };

function demoStatements(services: DemoServices, incidentId: string, now: number): DemoSaid {
  const clock = { at: now };
  const { db } = services;
  const st = new StatementService(db, services.team, new ApprovalChainRepo(db), new AuditLog(db), new TemplateRepo(db), services.timeline, (id) => services.incidents.get(id), () => clock.at);
  const at = (hoursAgo: number) => (clock.at = now - hoursAgo * HOUR);
  const LAWYER: Actor = { name: 'Elena Costa', role: 'Legal approver' };
  const CEO: Actor = { name: 'Anna Schmidt', role: 'Executive approver' };
  const SPOKES: Actor = { name: 'Daniel Brooks', role: 'Spokesperson' };
  const approveAll = (id: string, version: number, minutes: number[]) =>
    [LEAD, LAWYER, CEO].forEach((who, i) => {
      clock.at += minutes[i] * 60_000;
      st.decide(id, version, 'approved', null, who);
    });

  at(21);
  st.addKeyMessage(incidentId, 'Our quality team is checking batch L-2211\nОтдел качества проверяет партию L-2211\nΗ ομάδα ποιότητας ελέγχει την παρτίδα L-2211', LEAD);
  st.addKeyMessage(incidentId, 'Any bottle from batch L-2211 can be returned for a full refund\nЛюбую бутылку из партии L-2211 можно вернуть с полным возвратом денег', LEAD);
  st.addKeyMessage(incidentId, 'No evidence of contamination has been found', LEAD);

  at(20.8);
  const holding = st.create(incidentId, 'holding', {
    title: 'Holding statement: video of a Northwind Orange bottle',
    body: 'We have seen the video of a Northwind Orange bottle shared today, and we understand the concern.\n\nOur quality team is checking batch L-2211 now and we will report back by 20:00. Until then, any bottle from batch L-2211 can be returned to the shop for a full refund.\n\nPlease rely on our official channels for updates. Questions: daniel@northwind.example.',
    languages: ['en'], channels: ['website', 'x', 'instagram'],
  }, SPOKES, 'viral-holding-en');
  clock.at += 10 * 60_000;
  st.submit(holding.id, SPOKES);
  approveAll(holding.id, 1, [5, 12, 8]);
  at(20);
  for (const channel of ['website', 'x', 'instagram']) st.publish(holding.id, channel, channel === 'website' ? 'https://northwind.example/news/l-2211' : '', now - 20 * HOUR, SPOKES);
  clock.at += 5 * 60_000;
  st.recordPrint(holding.id, 1, SPOKES);

  at(19);
  const russian = st.create(incidentId, 'holding', {
    title: 'Предварительное заявление: видео с бутылкой Northwind Orange',
    body: 'Мы видели видео с бутылкой Northwind Orange и понимаем беспокойство.\n\nОтдел качества проверяет партию L-2211 прямо сейчас. Любую бутылку из партии L-2211 можно вернуть в магазин с полным возвратом денег.\n\nСледите за обновлениями в наших официальных каналах.',
    languages: ['ru'], channels: ['telegram', 'vk'],
  }, { name: 'Olena Kovalenko', role: 'Social-media responder' });
  clock.at += 15 * 60_000;
  st.submit(russian.id, LEAD);
  approveAll(russian.id, 1, [10, 25, 15]);

  at(2);
  const update = st.create(incidentId, 'public', {
    title: 'Update: first QA results on batch L-2211',
    body: 'The first laboratory results on batch L-2211 are in: no evidence of contamination has been found. Our quality team is checking the remaining samples and the full report will be published tonight.\n\nAny bottle from batch L-2211 can still be returned for a full refund.',
    languages: ['en'], channels: ['website', 'x'],
  }, SPOKES);
  clock.at += 5 * 60_000;
  st.submit(update.id, SPOKES);
  approveAll(update.id, 1, [3, 6, 4]);
  st.publish(update.id, 'website', 'https://northwind.example/news/l-2211-qa', now - 1.5 * HOUR, SPOKES);

  at(1.2);
  const report = st.create(incidentId, 'public', {
    title: 'Full QA report on batch L-2211',
    body: 'Independent laboratory tests of 240 bottles from batch L-2211 found no foreign objects and no contamination. The object in the video is being examined; we have asked its author to send us the bottle.\n\nOur quality team is checking batch L-2211 records with the bottling plant. Any bottle from batch L-2211 can be returned for a full refund.',
    languages: ['en'], channels: ['website', 'press'],
  }, SPOKES);
  clock.at += 10 * 60_000;
  st.submit(report.id, SPOKES);
  clock.at += 8 * 60_000;
  st.decide(report.id, 1, 'approved', null, LEAD);
  at(0.3);
  st.remind(report.id, LEAD);

  at(5);
  const answer = st.create(incidentId, 'social_reply', {
    title: 'Reply to worried customers',
    body: '{author}, we understand the worry. No evidence of contamination has been found so far: our quality team is checking batch L-2211. Any bottle from batch L-2211 can be returned for a full refund.',
    languages: ['en'], channels: ['x', 'instagram'],
  }, { name: 'Olena Kovalenko', role: 'Social-media responder' });
  clock.at += 10 * 60_000;
  st.submit(answer.id, SPOKES);
  approveAll(answer.id, 1, [4, 9, 6]);

  at(3);
  const reply = st.create(incidentId, 'social_reply', {
    title: 'Reply to #poisonedbatch posts',
    body: 'We understand the worry. There is no evidence of poisoning: our quality team is checking batch L-2211 and we publish what we find.',
    languages: ['en'], channels: ['x', 'telegram'],
  }, { name: 'Olena Kovalenko', role: 'Social-media responder' });
  clock.at += 20 * 60_000;
  st.comment(reply.id, { text: 'Do not repeat the word "poisoning"; and add the refund.', quote: 'There is no evidence of poisoning', suggestion: 'No evidence of contamination has been found' }, LEAD);

  at(6);
  const faq = st.fromTemplate(incidentId, 'faq-en', SPOKES);
  st.edit(faq.id, {
    ...faq.current,
    body: faq.current.body
      .replace('{what_happened}', 'A video showed a foreign object in a bottle of Northwind Orange from batch L-2211.')
      .replace('{action}', 'drink Northwind Orange')
      .replace('{safety_answer}', 'Yes. Tests so far found nothing wrong with batch L-2211; if you are worried, return the bottle for a refund.')
      .replace('{measures}', 'Our quality team is checking batch L-2211 with an independent laboratory.')
      .replace('{advice}', 'Return any bottle from batch L-2211 to the shop for a full refund.'),
  }, SPOKES);
  clock.at += 15 * 60_000;
  st.submit(faq.id, SPOKES);
  clock.at += 10 * 60_000;
  st.decide(faq.id, 2, 'approved', null, LEAD);
  clock.at += 30 * 60_000;
  st.decide(faq.id, 2, 'changes_requested', 'Do not say "Yes" on safety before the full report; say what the tests found.', LAWYER);
  return { reply: { statementId: answer.id, version: 1 }, holding: { id: holding.id, body: holding.current.body }, update: { id: update.id, body: update.current.body } };
}

/**
 * The press desk's day: a newspaper answered overnight with the holding statement, a radio interview declined until
 * the full report, a Russian-language paper whose deadline has just passed while the lead drafts, and a trade weekly's
 * e-mail nobody has picked up yet.
 */
function demoEnquiries(services: DemoServices, incidentId: string, now: number, people: DemoPeople, said: DemoSaid): void {
  const clock = { at: now };
  const desk = new EnquiryService(services.db, services.timeline, () => clock.at);
  const SPOKES: Actor = { name: 'Daniel Brooks', role: 'Spokesperson' };
  const at = (hoursAgo: number) => (clock.at = now - hoursAgo * HOUR);
  at(19.2);
  const ledger = desk.add(incidentId, {
    outlet: 'The Daily Ledger', journalist: 'Sarah Whitfield', contact: 's.whitfield@dailyledger.example', channel: 'email', receivedAt: now - 19.5 * HOUR, deadlineAt: now - 17 * HOUR,
    question: 'Is Northwind recalling batch L-2211? How many bottles are affected, and has anyone been hurt?', ownerPersonId: people.daniel,
  }, SCRIBE);
  at(18.6);
  desk.update(ledger.id, { status: 'answered', answer: said.holding.body, statementId: said.holding.id }, SPOKES);

  at(3);
  const radio = desk.add(incidentId, {
    outlet: 'Radio Metro', journalist: 'James Okafor', contact: '+44 20 7946 0990', channel: 'phone', deadlineAt: now - 1.5 * HOUR,
    question: 'Live interview for the 18:00 news: can a spokesperson explain what was found in the bottle?', ownerPersonId: people.daniel,
  }, SCRIBE);
  at(2.5);
  desk.update(radio.id, {
    status: 'declined',
    answer: 'No interview before the full QA report is out. We sent the published QA update instead and offered an interview once the report is published.',
  }, SPOKES);

  at(1.5);
  const courier = desk.add(incidentId, {
    outlet: 'Вечерний курьер', journalist: 'Ирина Соколова', contact: '@sokolova_news', channel: 'message', deadlineAt: now - 20 * 60_000,
    question: 'Правда ли, что в партии L-2211 нашли яд? Будет ли отзыв продукции из магазинов?', ownerPersonId: people.maria,
  }, MONITOR);
  at(1);
  desk.update(courier.id, { status: 'answering', answer: said.update.body, statementId: said.update.id }, LEAD);

  at(0.7);
  desk.add(incidentId, {
    outlet: 'Retail Trade Weekly', journalist: 'Priya Nair', contact: 'p.nair@rtw.example', channel: 'email', deadlineAt: now + 3 * HOUR,
    question: 'Are retailers being told to take Northwind Orange off the shelves? What are you telling store managers?', ownerPersonId: null,
  }, SCRIBE);
}

/**
 * Who heard it from Northwind: the usual list for a viral crisis, added when the room convened; the board called and
 * the customer-service team briefed at once, staff told the holding statement before it went out, key partners (the
 * retailers) e-mailed it after; investors due in two hours; the food safety authority due within the hour with nobody's
 * letter sent yet; the local health board not needed.
 */
function demoStakeholders(services: DemoServices, incidentId: string, now: number, people: DemoPeople, said: DemoSaid): void {
  const clock = { at: now };
  const list = new StakeholderService(services.db, services.timeline, (id) => services.incidents.get(id), () => clock.at);
  const at = (hoursAgo: number) => (clock.at = now - hoursAgo * HOUR);
  at(21.4);
  const usual = new Map(list.addUsual(incidentId, LEAD).map((s) => [s.usualKey, s.id]));
  list.add(incidentId, {
    name: 'Food Standards Agency', group: 'regulator', channel: 'email', contact: 'incidents@food.example', dueAt: now + 40 * 60_000, ownerPersonId: people.maria,
  }, LEAD);
  const health = list.add(incidentId, { name: 'City health board', group: 'authorities', channel: 'phone', contact: '', dueAt: null, ownerPersonId: null }, LEAD);
  const told = (key: string, hoursAgo: number, patch: Parameters<StakeholderService['update']>[1], who: Actor = LEAD) => {
    at(hoursAgo);
    list.update(usual.get(key)!, { status: 'informed', ...patch }, who);
  };
  told('board', 21.2, { ownerPersonId: people.maria, message: 'Called the CEO and the chair: video of a foreign object in a bottle of batch L-2211 spreading overnight, no injuries reported, QA checking the batch, holding statement being drafted.' });
  told('staff', 20.1, { message: said.holding.body, statementId: said.holding.id });
  told('frontline', 21.1, {
    ownerPersonId: people.daniel,
    message: 'Briefed customer service and the social team: acknowledge every worried customer, do not speculate on the cause, offer a refund for batch L-2211, pass any report of illness to legal at once.',
  });
  told('partners', 19, { ownerPersonId: people.daniel, message: said.holding.body, statementId: said.holding.id }, { name: 'Daniel Brooks', role: 'Spokesperson' });
  at(2);
  list.update(health.id, { status: 'not_needed', message: 'No illness reported; the Food Standards Agency is the authority for a product complaint.' }, LEAD);
  list.update(usual.get('investors')!, { ownerPersonId: people.maria }, LEAD);
}

/**
 * The claims going around: the "poisoned batch", answered 90 minutes ago with the published QA results (fewer posts
 * since); the copy-paste campaign's "children are in hospital", false and spreading with nobody's answer out yet; that
 * Northwind "knew for weeks", not verified while QA checks the records; and a fans' rumour that the competitor staged
 * the video, deliberately left unanswered.
 */
function demoClaims(services: DemoServices, incidentId: string, now: number, people: DemoPeople, said: DemoSaid): void {
  const clock = { at: now };
  const claims = new ClaimService(services.db, services.timeline, () => clock.at);
  const at = (hoursAgo: number) => (clock.at = now - hoursAgo * HOUR);
  at(21);
  const poisoned = claims.add(incidentId, {
    claim: 'Batch L-2211 is poisoned', terms: ['#poisonedbatch', 'poisoning', 'poisoned', 'отравлен*'], verdict: 'false',
    facts: 'The first laboratory results on batch L-2211 found no contamination; the remaining samples are being tested.',
    source: 'QA lab report LR-2211-01 (first samples)', ownerPersonId: people.daniel,
  }, MONITOR);
  at(1.5);
  claims.update(poisoned.id, { status: 'answered', answer: said.update.body, statementId: said.update.id }, { name: 'Daniel Brooks', role: 'Spokesperson' });
  at(3);
  claims.add(incidentId, {
    claim: 'Children are in hospital after drinking Northwind juice', terms: ['hospital', 'больниц*', 'νοσοκομ*', 'بیمارستان'], verdict: 'false',
    facts: 'No illness linked to Northwind has been reported to the company, to the city health board or to the Food Standards Agency.',
    source: 'City health board duty officer, by phone, 2 hours ago', ownerPersonId: people.daniel,
  }, MONITOR);
  claims.add(incidentId, {
    claim: 'Northwind knew about the contaminated batch for weeks and kept selling it', terms: ['knew about', 'знала о'], verdict: 'unverified',
    facts: 'QA is checking the complaint log and the production records of batch L-2211.', source: '', ownerPersonId: people.maria,
  }, LEAD);
  at(2.5);
  const staged = claims.add(incidentId, {
    claim: 'Southgate staged the video', terms: ['staged', 'fake video'], verdict: 'unverified', facts: '', source: '', ownerPersonId: null,
  }, MONITOR);
  claims.update(staged.id, { status: 'not_answering', answer: 'Pointing at a competitor without evidence would only spread it; a few fans\' posts with no reach.' }, LEAD);
}

/**
 * The brand's own channels: scheduled posts held on X, Instagram and Telegram 40 minutes after detection (the summer
 * campaign's promotions were queued), the website and VK as usual, a TikTok collaboration still scheduled for Friday.
 * The Russian holding statement, approved for Telegram and VK, is not out there yet; nor is the QA update on X.
 */
function demoChannels(services: DemoServices, incidentId: string, now: number, people: DemoPeople): void {
  // Detected 22 hours ago (the first post found in the export).
  const clock = { at: now - 22 * HOUR + 40 * 60_000 };
  const channels = new ChannelService(services.db, services.timeline, () => clock.at);
  const held = 'Summer campaign promotions held; only approved statements go out.';
  const add = (platform: OwnPlatform, name: string, url: string, keeperPersonId: string, posting: PostingState, note = '') =>
    channels.add(incidentId, { platform, name, url, keeperPersonId, note, posting }, LEAD);
  add('website', 'northwind.example/news', 'https://northwind.example/news', people.daniel, 'as_usual');
  add('x', '@NorthwindDrinks', 'https://x.com/NorthwindDrinks', people.olena, 'paused', held);
  add('instagram', '@northwind.juice', 'https://www.instagram.com/northwind.juice', people.olena, 'paused', held);
  add('telegram', 'Northwind RU', 'https://t.me/northwind_ru', people.maria, 'paused', held);
  add('vk', 'Northwind', 'https://vk.com/northwind', people.olena, 'as_usual');
  add('tiktok', '@northwindjuice', 'https://www.tiktok.com/@northwindjuice', people.olena, 'as_usual', 'An influencer collaboration video is scheduled for Friday 10:00: hold it or not?');
  demoImpostors(services, incidentId, now);
}

/**
 * Scammers riding the refund offer: a fake X "refunds" account asking for card details, reported to X two and a half
 * hours ago; a fake Russian-language support channel on Telegram spotted 40 minutes ago, not reported yet.
 */
function demoImpostors(services: DemoServices, incidentId: string, now: number): void {
  const clock = { at: now - 3 * HOUR };
  const impostors = new ImpostorService(services.db, services.timeline, () => 0, () => clock.at);
  const OLENA: Actor = { name: 'Olena Kovalenko', role: 'Social-media responder' };
  const refunds = impostors.add(incidentId, {
    platform: 'x', handle: '@NorthwindRefunds', url: 'https://x.com/NorthwindRefunds', reportRef: '',
    note: 'Replies to complaints offering a refund for batch L-2211 in exchange for card details by direct message. Found through a customer\'s screenshot.',
  }, OLENA);
  clock.at = now - 2.5 * HOUR;
  impostors.update(refunds.id, { status: 'reported', reportRef: 'X case 4471-2211' }, OLENA);
  clock.at = now - 40 * 60_000;
  impostors.add(incidentId, {
    platform: 'telegram', handle: 'Northwind Поддержка', url: 'https://t.me/northwind_support_ru', reportRef: '',
    note: 'A channel with our logo collecting "compensation claims" from Russian-speaking customers.',
  }, MONITOR);
}

/**
 * The top of the queue, worked through: one escalated to legal, two waiting with an owner, one needing nothing; returns two English
 * mentions further down, answered later in the approved English reply.
 */
function demoTriage(triage: TriageService, incidentId: string): { asIs: number | undefined; edited: number | undefined } {
  const top = triage.queue({ incidentId }, { limit: 30 });
  const [a, b, c, d, e] = top.map((m) => m.id);
  const [asIs, edited] = top.slice(5).filter((m) => m.lang === 'en').map((m) => m.id);
  const RESPONDER: Actor = { name: 'Olena Kovalenko', role: 'Social-media responder' };
  for (const id of [a, b, c, d, e, asIs, edited]) if (id) triage.markRead(id, RESPONDER);
  if (a) triage.setState([a], 'escalated', LEAD, { note: 'Claims a poisoned batch with a photo: legal and QA to check before we answer' });
  if (c && d) triage.setState([c, d], 'needs_response', RESPONDER, { assignee: RESPONDER.name });
  if (e) triage.setState([e], 'no_action', MONITOR);
  for (const id of [asIs, edited]) if (id) triage.setState([id], 'needs_response', RESPONDER, { assignee: RESPONDER.name });
  return { asIs, edited };
}

/** Replies in the approved wording: one as approved, one with a sentence of the responder's own added (the review counts both). */
function demoReplies(triage: TriageService, answered: ReturnType<typeof demoTriage>, wording: { statementId: string; version: number }): void {
  const RESPONDER: Actor = { name: 'Olena Kovalenko', role: 'Social-media responder' };
  const approved = (id: number) => triage.wordings(id).find((w) => w.statementId === wording.statementId)!.text;
  if (answered.asIs) triage.respond(answered.asIs, approved(answered.asIs), undefined, RESPONDER, wording);
  if (answered.edited) triage.respond(answered.edited, `${approved(answered.edited)} Thank you for flagging it.`, undefined, RESPONDER, wording);
}
