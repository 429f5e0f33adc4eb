import { isDeadlineNear, isPastDeadline } from './deadline';

/**
 * Media enquiries: a journalist's questions to the brand (a call, an email, a message), logged with the outlet's
 * deadline, who answers, and what was said, so the room answers every outlet on time and with one voice.
 */
export const ENQUIRY_CHANNELS = ['phone', 'email', 'message', 'in_person', 'other'] as const;
export type EnquiryChannel = (typeof ENQUIRY_CHANNELS)[number];

/** new → answering → answered, or declined ("no comment", said and recorded); reopening is allowed. */
export const ENQUIRY_STATUSES = ['new', 'answering', 'answered', 'declined'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
/** Statuses that still owe the outlet an answer: they can be late. */
export const OPEN_ENQUIRY_STATUSES: readonly EnquiryStatus[] = ['new', 'answering'];
/** Statuses that close an enquiry: what was said to the outlet must be recorded. */
export const CLOSED_ENQUIRY_STATUSES: readonly EnquiryStatus[] = ['answered', 'declined'];

export type Enquiry = {
  id: number;
  incidentId: string;
  outlet: string;
  journalist: string;
  /** How to reach them back: a phone number, an address, a handle. */
  contact: string;
  channel: EnquiryChannel;
  question: string;
  receivedAt: number;
  /** The outlet's deadline (their publication or air time); null when they gave none. */
  deadlineAt: number | null;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  status: EnquiryStatus;
  /** What was said to the outlet, as said: the record of the brand's words. */
  answer: string;
  /** The approved statement the answer was taken from (its version), or null for the answerer's own words. */
  statementId: string | null;
  statementVersion: number | null;
  statementTitle: string | null;
  /** The post it was logged from, when a journalist asked in public (a mention of the incident). */
  mentionId: number | null;
  closedBy: string | null;
  closedAt: number | null;
  createdBy: string;
  createdAt: number;
};

export type EnquiryEvent = { id: number; enquiryId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/**
 * A journalist the room has dealt with before (any incident): picked when logging a new enquiry, it fills the outlet,
 * the journalist, how they got in touch and the latest contact details. `enquiries`: how many they sent.
 */
export type PressContact = { outlet: string; journalist: string; contact: string; channel: EnquiryChannel; lastAt: number; enquiries: number };

/** `dueSoon`: open, not yet late, due within ENQUIRY_DUE_SOON_MS. */
export type EnquiryCounts = { open: number; overdue: number; dueSoon: number; total: number };

/** An open enquiry whose deadline is this close is flagged: time to have the answer approved and ready. */
export const ENQUIRY_DUE_SOON_MS = 30 * 60_000;

export function isEnquiryDueSoon(e: Pick<Enquiry, 'status' | 'deadlineAt'>, now: number): boolean {
  return isDeadlineNear(e.deadlineAt, OPEN_ENQUIRY_STATUSES.includes(e.status), now, ENQUIRY_DUE_SOON_MS);
}

export function isEnquiryOverdue(e: Pick<Enquiry, 'status' | 'deadlineAt'>, now: number): boolean {
  return isPastDeadline(e.deadlineAt, OPEN_ENQUIRY_STATUSES.includes(e.status), now);
}
