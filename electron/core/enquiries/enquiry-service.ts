import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import {
  CLOSED_ENQUIRY_STATUSES, isEnquiryDueSoon, isEnquiryOverdue, type Enquiry, type EnquiryChannel, type EnquiryCounts, type EnquiryEvent, type EnquiryStatus, type PressContact,
} from '../../../shared/enquiries';
import { recordChanges, readHistory } from '../field-history';
import { notFound, saidError } from '../said-error';
import { requirePerson } from '../team/require-person';
import { latestPerKey } from '../known-contacts';
import { looseKey } from '../text-fold';
import { isInFuture } from '../clock-skew';
import { checkGivenWording, writeWordingVersion } from '../statements/given-wording';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { quotedDetail, systemLine } from '../timeline/system-line';

type EnquiryRow = {
  id: number; incident_id: string; outlet: string; journalist: string; contact: string; channel: EnquiryChannel; question: string;
  received_at: number; deadline_at: number | null; owner_person_id: string | null; owner_person_name: string | null; status: EnquiryStatus;
  answer: string; statement_id: string | null; statement_version: number | null; statement_title: string | null; mention_id: number | null;
  closed_by: string | null; closed_at: number | null; created_by: string; created_at: number;
};

type Answer = { status: EnquiryStatus; answer: string; statementId: string | null; statementVersion: number };
export type EnquiryInput = {
  outlet: string; journalist: string; contact: string; channel: EnquiryChannel; question: string;
  deadlineAt: number | null; ownerPersonId: string | null; receivedAt?: number; mentionId?: number | null;
} & Partial<Answer>;
export type EnquiryPatch = Partial<Omit<EnquiryInput, 'receivedAt' | 'mentionId' | keyof Answer> & { receivedAt: number } & Answer>;

const ENQUIRY_SQL = `SELECT e.*, p.name AS owner_person_name, v.title AS statement_title FROM enquiries e
  LEFT JOIN people p ON p.id = e.owner_person_id
  LEFT JOIN statement_versions v ON v.statement_id = e.statement_id AND v.version = e.statement_version`;
/** Open first, the most pressing deadline first (none last); then the closed ones, the latest closed first. */
const ENQUIRY_ORDER = `CASE WHEN e.status IN ('new', 'answering') THEN 0 ELSE 1 END, CASE WHEN e.status IN ('new', 'answering') THEN e.deadline_at IS NULL END,
  CASE WHEN e.status IN ('new', 'answering') THEN e.deadline_at END, e.closed_at DESC, e.received_at, e.id`;
const PATCH_FIELDS = {
  outlet: 'outlet', journalist: 'journalist', contact: 'contact', channel: 'channel', question: 'question', receivedAt: 'received_at',
  deadlineAt: 'deadline_at', ownerPersonId: 'owner_person_id', status: 'status', answer: 'answer', statementId: 'statement_id',
} as const;
const TRACKED = { table: 'enquiries', events: 'enquiry_events', key: 'enquiry_id' };
const CONTACTS_LIMIT = 500;

/**
 * The press desk's log: every journalist's enquiry with the outlet's deadline, who answers it and what was said.
 * Nothing is deleted; each change is kept with who and when. An enquiry received and one answered or declined go on
 * the timeline, and closing one needs the words said to the outlet (or an approved statement's), so the record shows
 * what the brand told each outlet.
 */
export class EnquiryService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly now: () => number = Date.now,
  ) {}

  list(incidentId: string): Enquiry[] {
    return (this.db.prepare(`${ENQUIRY_SQL} WHERE e.incident_id = ? ORDER BY ${ENQUIRY_ORDER}`).all(incidentId) as EnquiryRow[]).map(toEnquiry);
  }

  get(id: number): Enquiry {
    const row = this.db.prepare(`${ENQUIRY_SQL} WHERE e.id = ?`).get(id) as EnquiryRow | undefined;
    if (!row) throw notFound('enquiry', id);
    return toEnquiry(row);
  }

  /** Logs an enquiry; one answered on the spot (a phone call) can be logged with its answer, as a change right after. */
  add(incidentId: string, input: EnquiryInput, actor: Actor): Enquiry {
    return this.db.transaction(() => {
      if (input.ownerPersonId) requirePerson(this.db, input.ownerPersonId);
      const mentionId = input.mentionId ?? null;
      if (mentionId !== null && !this.db.prepare('SELECT 1 FROM mentions WHERE id = ? AND incident_id = ?').get(mentionId, incidentId)) throw notFound('mention', mentionId);
      const at = this.now();
      const receivedAt = input.receivedAt ?? at;
      checkTimes(receivedAt, input.deadlineAt, at);
      const r = this.db
        .prepare(`INSERT INTO enquiries (incident_id, outlet, journalist, contact, channel, question, received_at, deadline_at, owner_person_id, mention_id, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(incidentId, input.outlet, input.journalist, input.contact, input.channel, input.question, receivedAt, input.deadlineAt, input.ownerPersonId, mentionId, actor.name, at, at);
      const id = Number(r.lastInsertRowid);
      const { text, line } = systemLine('enquiryReceived', { outlet: input.outlet }, quotedDetail(input.question));
      this.timeline.add({ incidentId, kind: 'enquiry.received', author: actor.name, role: actor.role, occurredAt: receivedAt, text, ref: { enquiryId: id, line, ...(mentionId ? { mentionIds: [mentionId] } : {}) } });
      const { status, answer, statementId, statementVersion } = input;
      if ((status && status !== 'new') || answer || statementId) return this.update(id, { status, answer, statementId, statementVersion }, actor);
      return this.get(id);
    })();
  }

  /**
   * Records each changed field. Answering or declining needs what was said (typed, or an approved statement's words)
   * and goes on the timeline with who and when (so does a switch between the two; a corrected answer stays in the
   * enquiry's history); reopening clears who closed it.
   */
  update(id: number, patch: EnquiryPatch, actor: Actor): Enquiry {
    return this.db.transaction(() => {
      const before = this.get(id);
      const changes = this.checked(before, patch);
      const status = changes.status ?? before.status;
      const answer = changes.answer ?? before.answer;
      const at = this.now();
      this.write(before, changes, actor, at);
      // Closing, or switching between answered and declined (the room declined, then gave an interview after all).
      if (CLOSED_ENQUIRY_STATUSES.includes(status) && status !== before.status) {
        const { text, line } = systemLine(status === 'answered' ? 'enquiryAnswered' : 'enquiryDeclined', { outlet: before.outlet }, quotedDetail(answer));
        this.timeline.add({ incidentId: before.incidentId, kind: `enquiry.${status}`, author: actor.name, role: actor.role, occurredAt: at, text, ref: { enquiryId: id, line } });
      }
      return this.get(id);
    })();
  }

  /** The patch if it can be applied (the statement's version it names filled in); else why not. */
  private checked(before: Enquiry, patch: EnquiryPatch): EnquiryPatch {
    if (patch.ownerPersonId) requirePerson(this.db, patch.ownerPersonId);
    const changes: EnquiryPatch = { ...patch };
    if (patch.statementId !== undefined && patch.statementId !== null) {
      changes.statementVersion = checkGivenWording(this.db, before.incidentId, patch.statementId, patch.statementVersion, { internal: false });
    }
    if (patch.receivedAt !== undefined || patch.deadlineAt !== undefined) {
      checkTimes(patch.receivedAt ?? before.receivedAt, patch.deadlineAt === undefined ? before.deadlineAt : patch.deadlineAt, this.now(), patch.receivedAt !== undefined);
    }
    const closed = CLOSED_ENQUIRY_STATUSES.includes(patch.status ?? before.status);
    if (closed && !(patch.answer ?? before.answer).trim()) throw saidError('BAD_REQUEST', 'answerRequired', {});
    return changes;
  }

  /** Each changed field, and a line in the enquiry's history for it; who closed it and when follow its status. */
  private write(before: Enquiry, changes: EnquiryPatch, actor: Actor, at: number): void {
    const id = before.id;
    recordChanges(this.db, TRACKED, before, changes, PATCH_FIELDS, actor, at);
    writeWordingVersion(this.db, 'enquiries', id, changes);
    if (changes.status !== undefined && changes.status !== before.status) {
      const closed = CLOSED_ENQUIRY_STATUSES.includes(changes.status);
      this.db.prepare('UPDATE enquiries SET closed_by = ?, closed_at = ? WHERE id = ?').run(closed ? actor.name : null, closed ? at : null, id);
    }
  }

  history(id: number): EnquiryEvent[] {
    this.get(id);
    return readHistory(this.db, TRACKED, id).map((change) => ({ ...change, enquiryId: id }));
  }

  /**
   * Who the room has dealt with: one line per outlet and journalist (case and spaces aside), with the latest way they
   * got in touch and the latest contact details given (an enquiry logged without them does not blank them).
   */
  contacts(limit = CONTACTS_LIMIT): PressContact[] {
    const rows = this.db.prepare('SELECT outlet, journalist, contact, channel, received_at FROM enquiries ORDER BY received_at DESC, id DESC').all() as
      { outlet: string; journalist: string; contact: string; channel: EnquiryChannel; received_at: number }[];
    return latestPerKey(rows, (r) => `${looseKey(r.outlet)}\u0000${looseKey(r.journalist)}`, limit).map(({ row, count, contact }) => ({
      outlet: row.outlet, journalist: row.journalist, contact, channel: row.channel, lastAt: row.received_at, enquiries: count,
    }));
  }

  counts(incidentId: string): EnquiryCounts {
    const now = this.now();
    const rows = this.db.prepare('SELECT status, deadline_at FROM enquiries WHERE incident_id = ?').all(incidentId) as { status: EnquiryStatus; deadline_at: number | null }[];
    return {
      total: rows.length,
      open: rows.filter((r) => !CLOSED_ENQUIRY_STATUSES.includes(r.status)).length,
      overdue: rows.filter((r) => isEnquiryOverdue({ status: r.status, deadlineAt: r.deadline_at }, now)).length,
      dueSoon: rows.filter((r) => isEnquiryDueSoon({ status: r.status, deadlineAt: r.deadline_at }, now)).length,
    };
  }

}

/** When an enquiry came and the outlet's deadline must make sense together (a typo in a date is caught here). */
function checkTimes(receivedAt: number, deadlineAt: number | null, now: number, receivedChanged = true): void {
  if (receivedChanged && isInFuture(receivedAt, now)) throw saidError('BAD_REQUEST', 'receivedInFuture', {});
  if (deadlineAt !== null && deadlineAt < receivedAt) throw saidError('BAD_REQUEST', 'deadlineBeforeReceived', {});
}

function toEnquiry(r: EnquiryRow): Enquiry {
  return {
    id: r.id, incidentId: r.incident_id, outlet: r.outlet, journalist: r.journalist, contact: r.contact, channel: r.channel, question: r.question,
    receivedAt: r.received_at, deadlineAt: r.deadline_at, ownerPersonId: r.owner_person_id, ownerPersonName: r.owner_person_name, status: r.status,
    answer: r.answer, statementId: r.statement_id, statementVersion: r.statement_version, statementTitle: r.statement_title, mentionId: r.mention_id,
    closedBy: r.closed_by, closedAt: r.closed_at, createdBy: r.created_by, createdAt: r.created_at,
  };
}
