import type { CrisisType } from './domain';

export const STATEMENT_KINDS = ['holding', 'public', 'social_reply', 'faq', 'internal'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'withdrawn', 'rejected'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];
/** States whose words may be given out (a reply, an answer to a journalist): approved, or already published. */
export const APPROVED_STATES: readonly StatementState[] = ['approved', 'published'];
/** States whose text can still be changed (a change in review or after approval starts the approvals again). */
export const EDITABLE_STATES: readonly StatementState[] = ['draft', 'in_review', 'changes_requested', 'approved'];

export const CHANNELS = ['x', 'facebook', 'instagram', 'tiktok', 'telegram', 'vk', 'youtube', 'website', 'press', 'internal'] as const;

export const DECISIONS = ['approved', 'changes_requested', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a version's hash covers: exactly what is printed and published. */
export type StatementContent = { title: string; body: string; languages: string[]; channels: string[] };

/** Just the content of a version (what an edit sends back). */
export function contentOf(v: StatementContent): StatementContent {
  return { title: v.title, body: v.body, languages: v.languages, channels: v.channels };
}

export type StatementVersion = StatementContent & { version: number; hash: string; author: string; createdAt: number };

export type ApprovalStep = {
  step: number;
  roleId: string;
  /** Who should act: the delegated backup, else the role's primary holders on the roster. */
  holders: string[];
  backups: string[];
  delegatedTo: string | null;
  decision: { decision: Decision; person: string; asBackup: boolean; reason: string | null; at: number } | null;
  /** Waiting on this step since (the submission or the previous approval); null unless it is the current step. */
  waitingSince: number | null;
};

export type StatementSummary = {
  id: string;
  incidentId: string;
  kind: StatementKind;
  state: StatementState;
  version: number;
  title: string;
  languages: string[];
  channels: string[];
  hash: string;
  updatedAt: number;
  /** The step waiting for a decision, if in review. */
  waiting: { step: number; roleId: string; holders: string[]; since: number } | null;
};

export type StatementComment = { id: number; version: number; author: string; text: string; quote: string; suggestion: string | null; createdAt: number };
export type Publication = { id: number; version: number; channel: string; location: string; publishedAt: number; by: string };
export type KeyMessage = { id: number; text: string; createdBy: string; createdAt: number };
export type KeyMessageCoverage = { id: number; text: string; contained: boolean };

export type StatementDetail = StatementSummary & {
  current: StatementVersion;
  versions: StatementVersion[];
  steps: ApprovalStep[];
  /** Approvals given to earlier versions: no longer valid since the text changed. */
  voided: { version: number; step: number; person: string; at: number }[];
  comments: StatementComment[];
  publications: Publication[];
  coverage: KeyMessageCoverage[];
  /** `{placeholder}`s still in the text: submission is refused while any remain. */
  placeholders: string[];
  createdBy: string;
  createdAt: number;
};

export type StatementTemplate = { id: string; kind: StatementKind; crisisType: CrisisType | null; lang: string; title: string; body: string; builtin: boolean };

export type AuditEntry = { seq: number; statementId: string | null; action: string; actor: string; at: number; payload: Record<string, unknown>; prevHash: string; hash: string };
/** Why an audit chain does not hold at an entry: a code the UI words (`statements.auditWhy`), with its figures. */
export const AUDIT_BREAKS = ['missing', 'unlinked', 'unreadable', 'changed'] as const;
export type AuditBreak = { seq: number; code: (typeof AUDIT_BREAKS)[number]; params: Record<string, number>; reason: string };
/** `firstBroken.reason` says the break in English (command line, archives); `code` and `params` let the UI word it. */
export type AuditVerification = { ok: boolean; entries: number; firstBroken: AuditBreak | null };

/** Approval chains: per crisis level (0 = unclassified), the roles that approve, in order. */
export type ApprovalChains = Record<string, string[]>;

export const PLACEHOLDER_PATTERN = /\{([a-z_]+)\}/g;
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => `{${m[1]}}`))];
}

/**
 * Filled in when a responder answers a mention with the approved text: the mention's author ("Hi {author}, ..."),
 * so it may stay in the statements written to be replies, and is approved as it is.
 */
export const AUTHOR_PLACEHOLDER = '{author}';
export const REPLY_KINDS: readonly StatementKind[] = ['social_reply', 'faq'];

/** The placeholders the writer must still fill before submitting: all of them, but `{author}` in a reply. */
export function openPlaceholders(kind: StatementKind, text: string): string[] {
  return placeholdersIn(text).filter((p) => p !== AUTHOR_PLACEHOLDER || !REPLY_KINDS.includes(kind));
}

/**
 * The channels an approved statement names that its approved version is not published on yet (none for a reply
 * wording, given mention by mention, or a statement not approved or withdrawn): the channels' tab says the same of each channel.
 */
export function channelsNotOutYet(s: Pick<StatementDetail, 'state' | 'kind' | 'version' | 'channels'> & { publications: readonly Pick<Publication, 'channel' | 'version'>[] }): string[] {
  if (!APPROVED_STATES.includes(s.state) || s.kind === 'social_reply') return [];
  return s.channels.filter((c) => !s.publications.some((p) => p.channel === c && p.version === s.version));
}
