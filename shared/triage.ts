import type { Mention } from './mentions';
import type { StatementKind } from './statements';

export const TRIAGE_STATES = ['new', 'read', 'needs_response', 'responded', 'escalated', 'no_action'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** Where a mention may go from each state. Nothing is final for good: a reply may need a follow-up. */
export const TRIAGE_TRANSITIONS: Record<TriageState, readonly TriageState[]> = {
  new: ['read', 'needs_response', 'escalated', 'no_action'],
  read: ['needs_response', 'escalated', 'no_action'],
  needs_response: ['responded', 'escalated', 'no_action'],
  escalated: ['needs_response', 'responded', 'no_action'],
  responded: ['needs_response'],
  no_action: ['needs_response'],
};
/** Still waiting for someone: the queue shows these. */
export const OPEN_STATES: readonly TriageState[] = ['new', 'read', 'needs_response', 'escalated'];

/** Why a mention is where it is in the queue: the parts of its priority (0-100). */
export type PriorityParts = { negativity: number; reach: number; recency: number; influencer: number };

export type TriageItem = Mention & { triageState: TriageState; triageAssignee: string | null; triageAt: number | null; priority: number; parts: PriorityParts };

export type TriageEvent = { fromState: TriageState; toState: TriageState; assignee: string | null; note: string | null; by: string; at: number };
/** Which approved statement a reply was taken from, and whether the responder changed its words. */
export type ReplyWordingUse = { statementId: string; version: number; title: string; edited: boolean };
export type MentionResponse = { id: number; text: string; platform: string; by: string; at: number; wording: ReplyWordingUse | null };

/**
 * An approved statement offered as a reply to one mention: its approved version's text with `{author}` filled in
 * with the mention's author. Replies, FAQ answers and holding lines first; those in the mention's language first.
 */
export type ReplyWording = {
  statementId: string;
  version: number;
  kind: StatementKind;
  title: string;
  languages: string[];
  text: string;
  inMentionLanguage: boolean;
  published: boolean;
};

/** Counts for the incident header. Overdue: waiting for a response longer than the incident's response time. */
export type TriageCounts = { unread: number; awaiting: number; responded: number; overdue: number };
