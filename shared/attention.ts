import type { Alert } from './analytics';
import type { EnquiryCounts } from './enquiries';
import type { TaskCounts } from './plan';
import type { TriageCounts } from './triage';
import type { SitrepTimer } from './sitrep';
import type { StakeholderCounts } from './stakeholders';
import type { ClaimCounts } from './claims';
import type { OwnChannelCounts } from './own-channels';
import type { StatementSummary } from './statements';
import type { UpdateTimer } from './update-timer';

/**
 * What on an open incident needs someone now: the same things its header shows in red or amber. They count in the
 * window title and, when one of them goes up, are worth a desktop notification.
 */
export const ATTENTION_KINDS = ['alerts', 'updateLate', 'sitrepLate', 'triageLate', 'pressLate', 'pressSoon', 'stakeholdersLate', 'stakeholdersSoon', 'claimsSpreading', 'channelsLost', 'impostorsUnreported', 'tasksLate', 'approvals'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export type AttentionCounts = Record<AttentionKind, number>;

/** What the renderer's store holds for the open incident. */
export type AttentionSources = {
  incidentId: string;
  alerts: Alert[];
  updateTimer: UpdateTimer | null;
  sitrepTimer: SitrepTimer | null;
  /** Mentions waiting for an answer longer than the incident's level allows. */
  triageCounts: TriageCounts | null;
  enquiryCounts: EnquiryCounts | null;
  /** Stakeholders still to inform past the time they were due, or due within the hour. */
  stakeholderCounts: StakeholderCounts | null;
  /** Claims nobody has answered yet that are rising or holding among the latest mentions. */
  claimCounts: ClaimCounts | null;
  /** The brand's own channels someone else has taken over, and accounts posing as the brand not reported yet. */
  channelCounts: OwnChannelCounts | null;
  taskCounts: TaskCounts | null;
  /** Statements waiting for a decision from the person at this laptop. */
  waitingForMe: StatementSummary[];
};

/** One incident's figures, as `attention.summary` gives them for the person asking. */
export type IncidentAttention = { incidentId: string; title: string; counts: AttentionCounts };

export function attentionCounts(s: AttentionSources, now: number): AttentionCounts {
  const late = (timer: { dueAt: number } | null) => (timer !== null && timer.dueAt < now ? 1 : 0);
  return {
    alerts: s.alerts.filter((a) => a.incidentId === s.incidentId && a.acknowledgedAt === null).length,
    updateLate: late(s.updateTimer),
    sitrepLate: late(s.sitrepTimer),
    triageLate: s.triageCounts?.overdue ?? 0,
    pressLate: s.enquiryCounts?.overdue ?? 0,
    pressSoon: s.enquiryCounts?.dueSoon ?? 0,
    stakeholdersLate: s.stakeholderCounts?.overdue ?? 0,
    stakeholdersSoon: s.stakeholderCounts?.dueSoon ?? 0,
    claimsSpreading: s.claimCounts?.spreading ?? 0,
    channelsLost: s.channelCounts?.compromised ?? 0,
    impostorsUnreported: s.channelCounts?.unreported ?? 0,
    tasksLate: s.taskCounts?.overdue ?? 0,
    approvals: s.waitingForMe.filter((w) => w.incidentId === s.incidentId).length,
  };
}

export function attentionTotal(c: AttentionCounts): number {
  return ATTENTION_KINDS.reduce((sum, k) => sum + c[k], 0);
}

/**
 * The kinds that went up: one more alert, one more journalist past deadline, the update timer running out. A count
 * going down (an alert acknowledged) says nothing; when it rises again, that is news again.
 */
export function risenKinds(before: AttentionCounts, after: AttentionCounts): AttentionKind[] {
  return ATTENTION_KINDS.filter((k) => after[k] > before[k]);
}

/** The window title with the count in front, "(4) Data leak — Firebreak": seen in the taskbar and the browser tab. */
export function titleWithCount(count: string | null, name: string): string {
  return count ? `(${count}) ${name}` : name;
}

/**
 * The count a title carries, in whichever digits the UI language wrote it (Persian ۴, Arabic-Indic ٤, grouped as
 * 1,234 or ۱٬۲۳۴): the desktop app puts it on the dock or taskbar badge. 0 without one.
 */
export function countInTitle(title: string): number {
  const m = /^\(([\d۰-۹٠-٩,.\s٬\u00a0\u202f]+)\) /.exec(title);
  if (!m) return 0;
  const digits = m[1].replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\D/g, '');
  return digits ? Number(digits) : 0;
}
