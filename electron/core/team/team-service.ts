import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { notFound, saidError } from '../said-error';
import type { Assignment, Person, Rank, Role, RosterRow } from '../../../shared/team';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { systemLine } from '../timeline/system-line';

type PersonRow = Omit<Person, 'languages'> & { languages: string };
type RoleRow = { id: string; name: string; duties: string; required: number; builtin: number };
type AssignmentRow = {
  id: number; incident_id: string; person_id: string; person_name: string; role_id: string; rank: Rank; shift_start: number | null;
  shift_end: number | null; handover: string; assigned_by: string; assigned_at: number; ended_by: string | null; ended_at: number | null;
};

const toPerson = (r: PersonRow): Person => ({ ...r, languages: JSON.parse(r.languages) as string[] });
const toRole = (r: RoleRow): Role => ({ id: r.id, name: r.name, duties: r.duties, required: r.required === 1, builtin: r.builtin === 1 });
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id, incidentId: r.incident_id, personId: r.person_id, personName: r.person_name, roleId: r.role_id, rank: r.rank,
  shiftStart: r.shift_start, shiftEnd: r.shift_end, handover: r.handover, assignedBy: r.assigned_by, assignedAt: r.assigned_at,
  endedBy: r.ended_by, endedAt: r.ended_at,
});

export type PersonInput = Omit<Person, 'id'>;
export type AssignInput = { incidentId: string; personId: string; roleId: string; rank: Rank; shiftStart?: number | null; shiftEnd?: number | null; handover?: string };

const ASSIGNMENT_SQL = 'SELECT a.*, p.name AS person_name FROM role_assignments a JOIN people p ON p.id = a.person_id';

/**
 * The crisis team: people, the role catalogue, and who holds which role on an incident and when. Every assignment
 * and its end go on the incident's timeline; assignments are ended, never deleted, so the record shows who held
 * what at any moment.
 */
export class TeamService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly now: () => number = Date.now,
  ) {}

  people(): Person[] {
    return (this.db.prepare('SELECT id, name, title, organisation, phone, email, languages, notes FROM people ORDER BY name COLLATE NOCASE').all() as PersonRow[]).map(toPerson);
  }

  savePerson(id: string | undefined, input: PersonInput, actor: Actor): Person {
    const at = this.now();
    const values = [input.name, input.title, input.organisation, input.phone, input.email, JSON.stringify(input.languages), input.notes];
    if (id === undefined) {
      id = randomUUID();
      this.db.prepare(`INSERT INTO people (id, name, title, organisation, phone, email, languages, notes, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, ...values, actor.name, at, at);
    } else if (this.db.prepare('UPDATE people SET name = ?, title = ?, organisation = ?, phone = ?, email = ?, languages = ?, notes = ?, updated_at = ? WHERE id = ?').run(...values, at, id).changes === 0) {
      throw notFound('person', id);
    }
    return this.person(id);
  }

  roles(): Role[] {
    return (this.db.prepare('SELECT * FROM roles ORDER BY sort, name').all() as RoleRow[]).map(toRole);
  }

  /** Edits a role (name, duties, required) or adds one; built-in roles can be edited, not removed. */
  saveRole(id: string | undefined, input: { name: string; duties: string; required: boolean }): Role {
    if (id === undefined) {
      id = `custom-${randomUUID().slice(0, 8)}`;
      const sort = ((this.db.prepare('SELECT MAX(sort) FROM roles').pluck().get() as number | null) ?? 0) + 1;
      this.db.prepare('INSERT INTO roles (id, name, duties, required, sort, builtin) VALUES (?, ?, ?, ?, ?, 0)').run(id, input.name, input.duties, input.required ? 1 : 0, sort);
    } else if (this.db.prepare('UPDATE roles SET name = ?, duties = ?, required = ? WHERE id = ?').run(input.name, input.duties, input.required ? 1 : 0, id).changes === 0) {
      throw notFound('role', id);
    }
    return toRole(this.db.prepare('SELECT * FROM roles WHERE id = ?').get(id) as RoleRow);
  }

  assign(input: AssignInput, actor: Actor): Assignment {
    const person = this.person(input.personId);
    const role = this.role(input.roleId);
    if (input.shiftStart != null && input.shiftEnd != null && input.shiftEnd <= input.shiftStart) {
      throw saidError('BAD_REQUEST', 'shiftOrder', {});
    }
    return this.db.transaction(() => {
      const at = this.now();
      const r = this.db
        .prepare(`INSERT INTO role_assignments (incident_id, person_id, role_id, rank, shift_start, shift_end, handover, assigned_by, assigned_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(input.incidentId, person.id, role.id, input.rank, input.shiftStart ?? null, input.shiftEnd ?? null, input.handover ?? '', actor.name, at);
      const { text, line } = systemLine('roleAssigned', { person: person.name, roleId: role.id, role: role.name, rank: input.rank }, input.handover);
      this.timeline.add({
        incidentId: input.incidentId, kind: 'role.assigned', author: actor.name, role: actor.role, occurredAt: at, text, ref: { field: role.id, to: person.name, line },
      });
      return this.assignment(Number(r.lastInsertRowid));
    })();
  }

  endAssignment(id: number, actor: Actor, note?: string): Assignment {
    const a = this.assignment(id);
    if (a.endedAt !== null) return a;
    return this.db.transaction(() => {
      const at = this.now();
      this.db.prepare('UPDATE role_assignments SET ended_by = ?, ended_at = ?, handover = CASE WHEN ? = \'\' THEN handover ELSE ? END WHERE id = ?').run(actor.name, at, note ?? '', note ?? '', id);
      const { text, line } = systemLine('roleEnded', { person: a.personName, roleId: a.roleId, role: this.role(a.roleId).name }, note);
      this.timeline.add({
        incidentId: a.incidentId, kind: 'role.ended', author: actor.name, role: actor.role, occurredAt: at, text, ref: { field: a.roleId, from: a.personName, line },
      });
      return this.assignment(id);
    })();
  }

  assignments(incidentId: string): Assignment[] {
    return (this.db.prepare(`${ASSIGNMENT_SQL} WHERE a.incident_id = ? ORDER BY a.assigned_at, a.id`).all(incidentId) as AssignmentRow[]).map(toAssignment);
  }

  /** Who holds each role at `at`: on shift and not ended; next = the earliest shift still to come. */
  roster(incidentId: string, at = this.now()): RosterRow[] {
    const live = this.assignments(incidentId).filter((a) => a.endedAt === null);
    const rankOrder = (x: Assignment, y: Assignment) => (x.rank === y.rank ? (x.shiftStart ?? 0) - (y.shiftStart ?? 0) : x.rank === 'primary' ? -1 : 1);
    return this.roles().map((role) => {
      const mine = live.filter((a) => a.roleId === role.id);
      const now = mine.filter((a) => (a.shiftStart ?? -Infinity) <= at && at < (a.shiftEnd ?? Infinity)).sort(rankOrder);
      const next = mine.filter((a) => (a.shiftStart ?? -Infinity) > at).sort((x, y) => x.shiftStart! - y.shiftStart!);
      return { role, now, next, gap: role.required && now.length === 0 };
    });
  }

  private person(id: string): Person {
    const row = this.db.prepare('SELECT id, name, title, organisation, phone, email, languages, notes FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    if (!row) throw notFound('person', id);
    return toPerson(row);
  }

  private role(id: string): Role {
    const row = this.db.prepare('SELECT * FROM roles WHERE id = ?').get(id) as RoleRow | undefined;
    if (!row) throw notFound('role', id);
    return toRole(row);
  }

  private assignment(id: number): Assignment {
    const row = this.db.prepare(`${ASSIGNMENT_SQL} WHERE a.id = ?`).get(id) as AssignmentRow | undefined;
    if (!row) throw notFound('assignment', id);
    return toAssignment(row);
  }
}
