import type { Database } from 'better-sqlite3';
import type { Actor, Incident } from '../../../shared/domain';
import { en } from '../../../shared/locales/en';
import {
  CLOSED_STAKEHOLDER_STATUSES, heardFirst, isStakeholderDueSoon, isStakeholderOverdue, usualStakeholders,
  type KnownStakeholder, type Stakeholder, type StakeholderChannel, type StakeholderCounts, type StakeholderEvent, type StakeholderGroup, type StakeholderStatus,
} from '../../../shared/stakeholders';
import { readHistory, recordChanges } from '../field-history';
import { followStatus, type ClosingRecord } from '../closing-status';
import { notFound, saidError } from '../said-error';
import { requirePerson } from '../team/require-person';
import { latestPerKey } from '../known-contacts';
import { looseKey } from '../text-fold';
import { isInFuture } from '../clock-skew';
import { checkGivenWording, writeWordingVersion } from '../statements/given-wording';
import { quotedDetail, systemLine } from '../timeline/system-line';
import type { TimelineRepo } from '../timeline/timeline-repo';

type StakeholderRow = {
  id: number; incident_id: string; name: string; usual_key: string | null; stakeholder_group: StakeholderGroup; channel: StakeholderChannel; contact: string;
  owner_person_id: string | null; owner_person_name: string | null; due_at: number | null; status: StakeholderStatus; message: string;
  statement_id: string | null; statement_version: number | null; statement_title: string | null; closed_by: string | null; closed_at: number | null;
  created_by: string; created_at: number;
};

export type StakeholderInput = { name: string; group: StakeholderGroup; channel: StakeholderChannel; contact: string; dueAt: number | null; ownerPersonId: string | null };
export type StakeholderPatch = Partial<StakeholderInput & { status: StakeholderStatus; message: string; informedAt: number; statementId: string | null; statementVersion: number }>;

const STAKEHOLDER_SQL = `SELECT s.*, p.name AS owner_person_name, v.title AS statement_title FROM stakeholders s
  LEFT JOIN people p ON p.id = s.owner_person_id
  LEFT JOIN statement_versions v ON v.statement_id = s.statement_id AND v.version = s.statement_version`;
/** Still to inform first, the soonest due first (none last); then the others, the latest closed first. */
const STAKEHOLDER_ORDER = `CASE WHEN s.status = 'to_inform' THEN 0 ELSE 1 END, CASE WHEN s.status = 'to_inform' THEN s.due_at IS NULL END,
  CASE WHEN s.status = 'to_inform' THEN s.due_at END, s.closed_at DESC, s.id`;
const TRACKED = { table: 'stakeholders', events: 'stakeholder_events', key: 'stakeholder_id' };
const COLUMNS = {
  name: 'name', group: 'stakeholder_group', channel: 'channel', contact: 'contact', dueAt: 'due_at', ownerPersonId: 'owner_person_id',
  status: 'status', message: 'message', statementId: 'statement_id',
} as const;
const KNOWN_LIMIT = 500;
const CLOSING: ClosingRecord = { tracked: TRACKED, closed: CLOSED_STAKEHOLDER_STATUSES, timed: 'informed', timedField: 'informedAt', kindPrefix: 'stakeholder', refKey: 'stakeholderId' };

/**
 * Who must hear about the crisis from the brand: each stakeholder with who informs them, by when, and what they were
 * told. Nothing is deleted; each change is kept with who and when. Informing one (or deciding it is not needed) needs
 * the words said (or the reason) and goes on the timeline; the list says who heard it before the first public update.
 */
export class StakeholderService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly incident: (id: string) => Incident,
    private readonly now: () => number = Date.now,
  ) {}

  list(incidentId: string, firstPublic = this.firstPublicAt(incidentId)): Stakeholder[] {
    const rows = this.db.prepare(`${STAKEHOLDER_SQL} WHERE s.incident_id = ? ORDER BY ${STAKEHOLDER_ORDER}`).all(incidentId) as StakeholderRow[];
    return rows.map((r) => toStakeholder(r, firstPublic));
  }

  get(id: number): Stakeholder {
    const row = this.db.prepare(`${STAKEHOLDER_SQL} WHERE s.id = ?`).get(id) as StakeholderRow | undefined;
    if (!row) throw notFound('stakeholder', id);
    return toStakeholder(row, this.firstPublicAt(row.incident_id));
  }

  add(incidentId: string, input: StakeholderInput, actor: Actor, usualKey: string | null = null): Stakeholder {
    return this.db.transaction(() => {
      if (input.ownerPersonId) requirePerson(this.db, input.ownerPersonId);
      const at = this.now();
      const r = this.db
        .prepare(`INSERT INTO stakeholders (incident_id, name, usual_key, stakeholder_group, channel, contact, owner_person_id, due_at, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(incidentId, input.name, usualKey, input.group, input.channel, input.contact, input.ownerPersonId, input.dueAt, actor.name, at, at);
      return this.get(Number(r.lastInsertRowid));
    })();
  }

  /**
   * The usual stakeholders for the incident's type of crisis that it does not list yet (by the usual entry, or by a
   * name written the same): due that many hours after the crisis was detected (or opened). Named in English, shown in
   * each reader's language; reached at the contact the room last noted for them in any crisis (the regulator's
   * breach address is found once).
   */
  addUsual(incidentId: string, actor: Actor): Stakeholder[] {
    const incident = this.incident(incidentId);
    const from = incident.detectedAt ?? incident.openedAt ?? incident.createdAt;
    return this.db.transaction(() => {
      const listed = this.db.prepare('SELECT name, usual_key FROM stakeholders WHERE incident_id = ?').all(incidentId) as { name: string; usual_key: string | null }[];
      const keys = new Set(listed.map((s) => s.usual_key));
      const names = new Set(listed.map((s) => looseKey(s.name)));
      const words = en.stakeholders.usual as Record<string, string>;
      const lastContact = this.db.prepare("SELECT contact FROM stakeholders WHERE usual_key = ? AND contact <> '' ORDER BY updated_at DESC, id DESC LIMIT 1").pluck();
      return usualStakeholders(incident.crisisType)
        .filter((u) => !keys.has(u.key) && !names.has(looseKey(words[u.key] ?? u.key)))
        .map((u) => {
          const dueAt = u.dueHours === null ? null : from + u.dueHours * 3_600_000;
          const contact = (lastContact.get(u.key) as string | undefined) ?? '';
          return this.add(incidentId, { name: words[u.key] ?? u.key, group: u.group, channel: u.channel, contact, dueAt, ownerPersonId: null }, actor, u.key);
        });
    })();
  }

  /**
   * Records each changed field. Marking one informed or not needed needs what was said (or why not) and goes on the
   * timeline with who and when (informed: at the time given, a call made before it was logged); reopening clears it.
   */
  update(id: number, patch: StakeholderPatch, actor: Actor): Stakeholder {
    return this.db.transaction(() => {
      const before = this.get(id);
      const changes = this.checked(before, patch);
      const status = changes.status ?? before.status;
      const at = this.now();
      recordChanges(this.db, TRACKED, before, changes, COLUMNS, actor, at);
      writeWordingVersion(this.db, 'stakeholders', id, changes);
      followStatus(this.db, this.timeline, CLOSING, before, status, changes.informedAt, actor, at, (closedAt) => this.writeLine(before, status, changes.message ?? before.message, closedAt, actor));
      return this.get(id);
    })();
  }

  history(id: number): StakeholderEvent[] {
    this.get(id);
    return readHistory(this.db, TRACKED, id).map((change) => ({ ...change, stakeholderId: id }));
  }

  counts(incidentId: string): StakeholderCounts {
    const now = this.now();
    const firstPublicAt = this.firstPublicAt(incidentId);
    const all = this.list(incidentId, firstPublicAt);
    return {
      total: all.length,
      open: all.filter((s) => s.status === 'to_inform').length,
      overdue: all.filter((s) => isStakeholderOverdue(s, now)).length,
      dueSoon: all.filter((s) => isStakeholderDueSoon(s, now)).length,
      informed: all.filter((s) => s.status === 'informed').length,
      beforePublic: all.filter((s) => s.beforePublic === true).length,
      firstPublicAt,
    };
  }

  /**
   * The room's own stakeholders (not the usual ones, which come by "add the usual") of every incident: one per name,
   * case and spacing aside, with its latest group and channel and the latest contact noted.
   */
  known(limit = KNOWN_LIMIT): KnownStakeholder[] {
    const rows = this.db
      .prepare('SELECT name, stakeholder_group, channel, contact, updated_at FROM stakeholders WHERE usual_key IS NULL ORDER BY updated_at DESC, id DESC')
      .all() as { name: string; stakeholder_group: StakeholderGroup; channel: StakeholderChannel; contact: string; updated_at: number }[];
    return latestPerKey(rows, (r) => looseKey(r.name), limit).map(({ row, count, contact }) => ({
      name: row.name, group: row.stakeholder_group, channel: row.channel, contact, lastAt: row.updated_at, listed: count,
    }));
  }

  /** The patch if it can be applied (the statement's version it names filled in); else why not. */
  private checked(before: Stakeholder, patch: StakeholderPatch): StakeholderPatch {
    if (patch.ownerPersonId) requirePerson(this.db, patch.ownerPersonId);
    const changes: StakeholderPatch = { ...patch };
    if (patch.statementId !== undefined && patch.statementId !== null) {
      // Staff and the board may be given an internal briefing; it stays inside the brand.
      changes.statementVersion = checkGivenWording(this.db, before.incidentId, patch.statementId, patch.statementVersion, { internal: true });
    }
    if (patch.informedAt !== undefined && isInFuture(patch.informedAt, this.now())) throw saidError('BAD_REQUEST', 'informedInFuture', {});
    const closed = CLOSED_STAKEHOLDER_STATUSES.includes(patch.status ?? before.status);
    if (closed && !(patch.message ?? before.message).trim()) throw saidError('BAD_REQUEST', 'messageRequired', {});
    return changes;
  }

  private writeLine(before: Stakeholder, status: StakeholderStatus, message: string, at: number, actor: Actor): void {
    const params = { name: before.name, ...(before.usualKey ? { usualKey: before.usualKey } : {}) };
    const { text, line } = systemLine(status === 'informed' ? 'stakeholderInformed' : 'stakeholderNotNeeded', params, quotedDetail(message));
    this.timeline.add({ incidentId: before.incidentId, kind: `stakeholder.${status}`, author: actor.name, role: actor.role, occurredAt: at, text, ref: { stakeholderId: before.id, line } });
  }

  /** The incident's first public update (a published statement writes one): who heard before it heard it from the brand first. */
  private firstPublicAt(incidentId: string): number | null {
    const row = this.db.prepare("SELECT MIN(occurred_at) AS at FROM timeline_entries WHERE incident_id = ? AND kind = 'public_update'").get(incidentId) as { at: number | null };
    return row.at;
  }

}

function toStakeholder(r: StakeholderRow, firstPublicAt: number | null): Stakeholder {
  const informed = r.status === 'informed' && r.closed_at !== null;
  return {
    id: r.id, incidentId: r.incident_id, name: r.name, usualKey: r.usual_key, group: r.stakeholder_group, channel: r.channel, contact: r.contact,
    ownerPersonId: r.owner_person_id, ownerPersonName: r.owner_person_name, dueAt: r.due_at, status: r.status, message: r.message,
    statementId: r.statement_id, statementVersion: r.statement_version, statementTitle: r.statement_title, closedBy: r.closed_by, closedAt: r.closed_at,
    beforePublic: informed ? heardFirst(r.closed_at!, firstPublicAt) : null,
    createdBy: r.created_by, createdAt: r.created_at,
  };
}
