import type { Mention } from './mentions';

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
export type MentionResponse = { id: number; text: string; platform: string; by: string; at: number };

/** Counts for the incident header. Overdue: waiting for a response longer than the incident's response time. */
export type TriageCounts = { unread: number; awaiting: number; responded: number; overdue: number };
