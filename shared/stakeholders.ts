import { isDeadlineNear, isPastDeadline } from './deadline';
import type { CrisisType } from './domain';

/**
 * Stakeholders: the people who must hear about the crisis from the brand, not from the news — staff, the board, a
 * regulator with a legal deadline, customers affected, partners, a platform's support. Each with who informs them,
 * by when, and what they were told (a record, like the press desk's).
 */
export const STAKEHOLDER_GROUPS = ['employees', 'leadership', 'regulator', 'customers', 'partners', 'investors', 'authorities', 'platforms', 'community', 'other'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const STAKEHOLDER_CHANNELS = ['email', 'phone', 'meeting', 'message', 'letter', 'intranet', 'post', 'other'] as const;
export type StakeholderChannel = (typeof STAKEHOLDER_CHANNELS)[number];

/** to inform → informed, or not needed (why is said); reopening is allowed. */
export const STAKEHOLDER_STATUSES = ['to_inform', 'informed', 'not_needed'] as const;
export type StakeholderStatus = (typeof STAKEHOLDER_STATUSES)[number];
/** Statuses that close one: what they were told (or why not) must be recorded. */
export const CLOSED_STAKEHOLDER_STATUSES: readonly StakeholderStatus[] = ['informed', 'not_needed'];

export type Stakeholder = {
  id: number;
  incidentId: string;
  /** As written; one added from the usual list keeps its English name and `usualKey`, and shows in the reader's language. */
  name: string;
  usualKey: string | null;
  group: StakeholderGroup;
  channel: StakeholderChannel;
  /** How to reach them: a name, an address, a number. */
  contact: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  /** By when they must hear (a regulator's legal deadline, "before the press release"); null: no time set. */
  dueAt: number | null;
  status: StakeholderStatus;
  /** What they were told, as told (or why informing them is not needed). */
  message: string;
  /** The approved statement the message was taken from (its version); null for own words. */
  statementId: string | null;
  statementVersion: number | null;
  statementTitle: string | null;
  /** Who informed them (or decided it was not needed) and when they were informed. */
  closedBy: string | null;
  closedAt: number | null;
  /** Informed before the incident's first public update (or none yet): they heard it from the brand first. Null while not informed. */
  beforePublic: boolean | null;
  createdBy: string;
  createdAt: number;
};

export type StakeholderEvent = { id: number; stakeholderId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/**
 * A stakeholder of the room's own (not from the usual list) listed in an earlier crisis or this one: picked when adding
 * one, it fills the name, group, channel and the latest contact noted. `listed`: how many times it was listed.
 */
export type KnownStakeholder = { name: string; group: StakeholderGroup; channel: StakeholderChannel; contact: string; lastAt: number; listed: number };

/** `dueSoon`: still to inform, not yet late, due within STAKEHOLDER_DUE_SOON_MS. `firstPublicAt`: the first public update. */
export type StakeholderCounts = { total: number; open: number; overdue: number; dueSoon: number; informed: number; beforePublic: number; firstPublicAt: number | null };

/** Informed at `informedAt`, they heard it from the brand first: before its first public update, or with none yet. */
export function heardFirst(informedAt: number, firstPublicAt: number | null): boolean {
  return firstPublicAt === null || informedAt <= firstPublicAt;
}

/** A stakeholder due this soon is flagged: an hour is what a letter to a regulator or a staff note takes to approve. */
export const STAKEHOLDER_DUE_SOON_MS = 60 * 60_000;

export function isStakeholderOverdue(s: Pick<Stakeholder, 'status' | 'dueAt'>, now: number): boolean {
  return isPastDeadline(s.dueAt, s.status === 'to_inform', now);
}

export function isStakeholderDueSoon(s: Pick<Stakeholder, 'status' | 'dueAt'>, now: number): boolean {
  return isDeadlineNear(s.dueAt, s.status === 'to_inform', now, STAKEHOLDER_DUE_SOON_MS);
}

/** One of the usual stakeholders: its name is the UI string `stakeholders.usual.<key>`; due `dueHours` after detection. */
export type UsualStakeholder = { key: string; group: StakeholderGroup; channel: StakeholderChannel; dueHours: number | null };

/** Whoever the crisis: staff (before the public, so no hour), the board, and the people answering customers. */
const EVERY_CRISIS: UsualStakeholder[] = [
  { key: 'staff', group: 'employees', channel: 'intranet', dueHours: null },
  { key: 'board', group: 'leadership', channel: 'phone', dueHours: 1 },
  { key: 'frontline', group: 'employees', channel: 'meeting', dueHours: 1 },
];

/**
 * Who crisis plans list for each kind of crisis, on top of EVERY_CRISIS. A personal-data breach is reported to the
 * data protection authority within 72 hours of becoming aware of it (GDPR art. 33), and those affected told without
 * undue delay; a hijacked account is reported to the platform at once.
 */
export const USUAL_STAKEHOLDERS: Record<CrisisType, UsualStakeholder[]> = {
  negative_reviews: [
    { key: 'complainant', group: 'customers', channel: 'phone', dueHours: 2 },
    { key: 'retailers', group: 'partners', channel: 'email', dueHours: 24 },
  ],
  viral_activity: [
    { key: 'partners', group: 'partners', channel: 'email', dueHours: 8 },
    { key: 'investors', group: 'investors', channel: 'email', dueHours: 24 },
  ],
  confidential_information: [
    { key: 'dataAuthority', group: 'regulator', channel: 'letter', dueHours: 72 },
    { key: 'affectedCustomers', group: 'customers', channel: 'email', dueHours: 72 },
    { key: 'insurer', group: 'partners', channel: 'phone', dueHours: 24 },
  ],
  unauthorised_access: [
    { key: 'platformSupport', group: 'platforms', channel: 'other', dueHours: 1 },
    { key: 'followers', group: 'customers', channel: 'post', dueHours: 4 },
    { key: 'police', group: 'authorities', channel: 'other', dueHours: 24 },
  ],
  false_information: [
    { key: 'platformTrust', group: 'platforms', channel: 'other', dueHours: 4 },
    { key: 'retailers', group: 'partners', channel: 'email', dueHours: 8 },
    { key: 'factCheckers', group: 'community', channel: 'email', dueHours: 8 },
  ],
  user_conflicts: [
    { key: 'moderators', group: 'community', channel: 'message', dueHours: 1 },
    { key: 'platformTrust', group: 'platforms', channel: 'other', dueHours: 4 },
  ],
};

/** The usual stakeholders of a crisis of this type (every crisis's when its type is not set yet). */
export function usualStakeholders(type: CrisisType | null): UsualStakeholder[] {
  return [...EVERY_CRISIS, ...(type ? USUAL_STAKEHOLDERS[type] : [])];
}
