import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from './db/migrate';
import { DB_FILE_NAME, openDatabase, type OpenOptions } from './db/open-database';
import { cannotOpenDatabase } from './db/open-failure';
import { EventBus } from './events';
import { ImportService } from './import/import-service';
import { UploadStore } from './import/uploads';
import { IncidentService } from './incidents/incident-service';
import { keepVocabularyRead } from './mentions/fts-vocabulary';
import { MentionQuery } from './mentions/mention-query';
import { AlertService } from './alerts/alert-service';
import { AttentionService } from './attention/attention-service';
import { FactColumns } from './analytics/fact-columns';
import { DashboardQuery } from './analytics/dashboard-query';
import { TopicRepo } from './analytics/topic-repo';
import { SentimentService } from './sentiment/sentiment-service';
import { TeamService } from './team/team-service';
import { TimelineRepo } from './timeline/timeline-repo';
import { systemLine } from './timeline/system-line';
import { TriageService, type Escalation } from './triage/triage-service';
import { PlaybookRepo } from './plan/playbook-repo';
import { TaskService } from './plan/task-service';
import { ApprovalChainRepo } from './statements/approval-chains';
import { AuditLog } from './statements/audit-log';
import { StatementService } from './statements/statement-service';
import { TemplateRepo } from './statements/template-repo';
import { ReportService } from './review/report-service';
import { ArchiveService } from './archive/archive-service';
import { SitrepService } from './sitrep/sitrep-service';
import { EnquiryService } from './enquiries/enquiry-service';
import { StakeholderService } from './stakeholders/stakeholder-service';
import { ClaimService } from './claims/claim-service';
import { ChannelService } from './channels/channel-service';
import { ImpostorService } from './channels/impostor-service';
import { BackupService } from './backup/backup-service';

export type CoreOptions = OpenOptions & {
  dataDir: string;
  now?: () => number;
  /** Streamed exports from this size on are read in a worker thread (tests lower it; see ImportService). */
  importWorkerFromBytes?: number;
};

/** Everything Firebreak does, over one data directory. Plain Node: used by Electron, the CLI, the room server and tests. */
export type Core = {
  dataDir: string;
  db: Database;
  events: EventBus;
  incidents: IncidentService;
  imports: ImportService;
  mentions: MentionQuery;
  uploads: UploadStore;
  /** Files made for the user to save (archives, exported mentions), fetched once from `api/download/<id>`; gone after an hour unfetched. */
  downloads: UploadStore;
  sentiment: SentimentService;
  dashboard: DashboardQuery;
  topics: TopicRepo;
  alerts: AlertService;
  timeline: TimelineRepo;
  team: TeamService;
  triage: TriageService;
  playbooks: PlaybookRepo;
  tasks: TaskService;
  statements: StatementService;
  templates: TemplateRepo;
  approvalChains: ApprovalChainRepo;
  audit: AuditLog;
  reports: ReportService;
  archives: ArchiveService;
  backups: BackupService;
  sitreps: SitrepService;
  enquiries: EnquiryService;
  stakeholders: StakeholderService;
  claims: ClaimService;
  channels: ChannelService;
  impostors: ImpostorService;
  attention: AttentionService;
  /** Background work of a long-running process (app, room server): scoring new mentions, re-checking alerts. */
  startBackground(): void;
  schemaVersion(): number;
  close(): void;
};

export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const db = openDatabase(dataDir, options);
  try {
    return assembleCore(db, dataDir, options);
  } catch (err) {
    // Starting writes too (recounts, interrupted imports cleaned up): a full disk or a lock held elsewhere stops it.
    db.close();
    throw cannotOpenDatabase(path.join(dataDir, DB_FILE_NAME), err);
  }
}

function assembleCore(db: Database, dataDir: string, options: CoreOptions): Core {
  const events = new EventBus();
  const now = options.now ?? Date.now;
  const timeline = new TimelineRepo(db, now);
  const incidents = new IncidentService(db, events, options.now, timeline);
  const topics = new TopicRepo(db, now);
  // The incidents' facts in memory: dashboard charts under a search, the explorer's deep pages.
  const columns = new FactColumns(db);
  topics.recountPending();
  const alerts = new AlertService(db, events, timeline, now);
  const sentiment = new SentimentService(db, events, now);
  const team = new TeamService(db, timeline, now);
  const playbooks = new PlaybookRepo(db, now);
  const tasks = new TaskService(db, playbooks, team, timeline, (incidentId) => incidents.get(incidentId).openedAt, now);
  const audit = new AuditLog(db);
  const templates = new TemplateRepo(db);
  const approvalChains = new ApprovalChainRepo(db);
  const statements = new StatementService(db, team, approvalChains, audit, templates, timeline, (id) => incidents.get(id), now);
  const stops: (() => void)[] = [recordImportsOnTimeline(events, timeline)];
  const imports = new ImportService(db, events, incidents, options.now, options.importWorkerFromBytes);
  const archives = new ArchiveService({
    db, dbFile: path.join(dataDir, DB_FILE_NAME), nativeBinding: options.nativeBinding, events, incidents,
    importing: () => imports.activeJobs().length > 0, workDir: path.join(dataDir, 'tmp'), now,
  });
  const backups = new BackupService({ db, dataDir, events, archives, importing: () => imports.activeJobs().length > 0, options, now });
  const enquiries = new EnquiryService(db, timeline, now);
  const stakeholders = new StakeholderService(db, timeline, (id) => incidents.get(id), now);
  const claims = new ClaimService(db, timeline, now);
  const channels = new ChannelService(db, timeline, now);
  const mentions = new MentionQuery(db, columns);
  const postsBy = (incidentId: string, author: string) => mentions.search({ incidentId, author }, { sort: 'time', direction: 'desc', offset: 0, limit: 1 }).total;
  const impostors = new ImpostorService(db, timeline, postsBy, now);
  const triage = new TriageService(db, timeline, (incidentId) => alerts.settings(incidentId).followerThreshold, now, (e) => escalationTask(tasks, e));
  const sitreps = new SitrepService({ db, incident: (id) => incidents.get(id), alerts, timeline, triage, statements, tasks, team, enquiries, stakeholders, claims, channels, impostors, now });
  return {
    dataDir,
    db,
    events,
    incidents,
    imports,
    mentions,
    uploads: new UploadStore(path.join(dataDir, 'uploads')),
    downloads: new UploadStore(path.join(dataDir, 'exports'), 60 * 60_000),
    sentiment,
    dashboard: new DashboardQuery(db, topics, (incidentId) => alerts.settings(incidentId).followerThreshold, columns),
    topics,
    alerts,
    timeline,
    team,
    triage,
    playbooks,
    tasks,
    statements,
    templates,
    approvalChains,
    audit,
    reports: new ReportService(db, events, incidents, tasks, { enquiries, stakeholders, claims, channels, impostors, timeline, alerts }, now),
    archives,
    backups,
    sitreps,
    enquiries,
    stakeholders,
    claims,
    channels,
    impostors,
    attention: new AttentionService({ incidents, alerts, timeline, sitreps, triage, enquiries, stakeholders, claims, channels, tasks, statements, now }),
    startBackground: () => {
      stops.push(sentiment.start(), alerts.start(), keepVocabularyRead(db, events), backups.start());
    },
    schemaVersion: () => schemaVersion(db),
    close: () => {
      for (const stop of stops.splice(0)) stop();
      sentiment.stop();
      if (db.open) db.close();
    },
  };
}

/** An escalated mention needs an owner and a deadline: a task for the incident lead, due in 30 minutes. */
function escalationTask(tasks: TaskService, e: Escalation): void {
  const count = e.mentionIds.length;
  tasks.add(e.incidentId, {
    title: `Follow up ${count > 1 ? `${count} escalated mentions` : 'an escalated mention'}: "${e.quote}"`,
    notes: e.note, ownerPersonId: null, ownerRoleId: 'lead', dueAt: e.at + 30 * 60_000,
  }, e.actor, { mentionIds: e.mentionIds.slice(0, 100) });
}

/** A finished import is part of the incident's record. */
function recordImportsOnTimeline(events: EventBus, timeline: TimelineRepo): () => void {
  return events.subscribe((e) => {
    if (e.type !== 'import.finished' || e.summary.status !== 'complete') return;
    const s = e.summary;
    const { text, line } = systemLine('imported', { imported: s.imported, duplicates: s.duplicates, rejected: s.rejected, file: s.file });
    timeline.add({ incidentId: e.incidentId, kind: 'import.finished', occurredAt: e.finishedAt, author: 'Firebreak', text, ref: { batchId: s.batchId, line } });
    events.publish({ type: 'timeline.changed', incidentId: e.incidentId });
  });
}
