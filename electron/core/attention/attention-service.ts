import { attentionCounts, type IncidentAttention } from '../../../shared/attention';
import type { AlertService } from '../alerts/alert-service';
import type { EnquiryService } from '../enquiries/enquiry-service';
import type { IncidentService } from '../incidents/incident-service';
import type { TaskService } from '../plan/task-service';
import type { SitrepService } from '../sitrep/sitrep-service';
import type { StakeholderService } from '../stakeholders/stakeholder-service';
import type { ClaimService } from '../claims/claim-service';
import type { ChannelService } from '../channels/channel-service';
import type { StatementService } from '../statements/statement-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import type { TriageService } from '../triage/triage-service';

type Deps = {
  incidents: IncidentService;
  alerts: AlertService;
  timeline: TimelineRepo;
  sitreps: SitrepService;
  triage: TriageService;
  enquiries: EnquiryService;
  stakeholders: StakeholderService;
  claims: ClaimService;
  channels: ChannelService;
  tasks: TaskService;
  statements: StatementService;
  now(): number;
};

/** Incidents still worked on: not closed, not archived (a room rarely runs more than a few at once). */
const WORKED_ON = ['monitoring', 'active', 'contained', 'resolved'] as const;
const PER_STATUS = 50;

/**
 * What needs someone now on every incident still open, for one person: the figures each incident's header shows in
 * red or amber, read the same way. A laptop asks for it wherever it is in the app, so a deadline passing is noticed
 * on the incident list, on another incident or while a situation report is written.
 */
export class AttentionService {
  constructor(private readonly d: Deps) {}

  summary(personName: string): IncidentAttention[] {
    const now = this.d.now();
    return WORKED_ON.flatMap((status) => this.d.incidents.list({ status, archived: false, limit: PER_STATUS }))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((incident) => ({
        incidentId: incident.id,
        title: incident.title,
        counts: attentionCounts(
          {
            incidentId: incident.id,
            alerts: this.d.alerts.list(incident.id),
            updateTimer: this.d.timeline.updateTimer(incident),
            sitrepTimer: this.d.sitreps.timer(incident.id),
            triageCounts: this.d.triage.counts(incident.id, incident.level),
            enquiryCounts: this.d.enquiries.counts(incident.id),
            stakeholderCounts: this.d.stakeholders.counts(incident.id),
            claimCounts: this.d.claims.counts(incident.id),
            channelCounts: this.d.channels.counts(incident.id),
            taskCounts: this.d.tasks.counts(incident.id),
            waitingForMe: personName ? this.d.statements.waitingFor(incident.id, personName) : [],
          },
          now,
        ),
      }));
  }
}
