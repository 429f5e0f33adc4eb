import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { isOverdue, type AppliedPlaybook, type Task, type TaskCounts, type TaskEvent, type TaskStatus } from '../../../shared/plan';
import { notFound, saidError } from '../said-error';
import { requirePerson } from '../team/require-person';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { systemLine } from '../timeline/system-line';
import type { PlaybookRepo } from './playbook-repo';

type TaskRow = {
  id: number; incident_id: string; title: string; notes: string; owner_person_id: string | null; owner_person_name: string | null;
  owner_role_id: string | null; due_at: number | null; status: TaskStatus; playbook_id: string | null; seed_key: string | null;
  mention_ids: string; created_by: string; created_at: number; done_by: string | null; done_at: number | null; from_review: number;
};
type EventRow = { id: number; task_id: number; field: string; old_value: string | null; new_value: string | null; actor: string; at: number };

export type TaskInput = { title: string; notes: string; ownerPersonId: string | null; ownerRoleId: string | null; dueAt: number | null };
export type TaskPatch = Partial<TaskInput & { status: TaskStatus }>;

const TASK_SQL = 'SELECT t.*, p.name AS owner_person_name FROM tasks t LEFT JOIN people p ON p.id = t.owner_person_id';
/** Open work first, soonest due first; finished work after it, cancelled last. */
const TASK_ORDER = `CASE t.status WHEN 'doing' THEN 0 WHEN 'todo' THEN 0 WHEN 'done' THEN 1 ELSE 2 END, t.due_at IS NULL, t.due_at, t.id`;
const PATCH_FIELDS = { title: 'title', notes: 'notes', ownerPersonId: 'owner_person_id', ownerRoleId: 'owner_role_id', dueAt: 'due_at', status: 'status' } as const;

/**
 * An incident's tasks: made from a playbook's checklist, by hand, or by escalating mentions. Tasks are never deleted
 * (cancelled instead, a trigger refuses deletion); every change is kept with who and when, and "done" goes on the
 * incident's timeline.
 */
export class TaskService {
  constructor(
    private readonly db: Database,
    private readonly playbooks: PlaybookRepo,
    private readonly team: TeamService,
    private readonly timeline: TimelineRepo,
    private readonly openedAt: (incidentId: string) => number | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** One task per checklist step, due at the step's target time counted from the opening (or from now). */
  apply(incidentId: string, playbookId: string, from: 'opened' | 'now', actor: Actor): Task[] {
    const playbook = this.playbooks.get(playbookId);
    return this.db.transaction(() => {
      const at = this.now();
      const applied = this.db.prepare('INSERT OR IGNORE INTO incident_playbooks (incident_id, playbook_id, applied_by, applied_at) VALUES (?, ?, ?, ?)').run(incidentId, playbookId, actor.name, at);
      if (applied.changes === 0) throw saidError('CONFLICT', 'playbookApplied', { playbookId, name: playbook.name });
      const start = from === 'opened' ? (this.openedAt(incidentId) ?? at) : at;
      const ids = playbook.steps.map((s) =>
        this.insert(incidentId, { title: s.action, notes: '', ownerPersonId: null, ownerRoleId: s.roleId, dueAt: s.dueMinutes === null ? null : start + s.dueMinutes * 60_000 }, actor, at, { playbookId, seedKey: s.seedKey }));
      const { text, line } = systemLine('playbookApplied', { playbookId, name: playbook.name, count: ids.length, strategy: playbook.strategy });
      this.timeline.add({ incidentId, kind: 'playbook.applied', author: actor.name, role: actor.role, occurredAt: at, text, ref: { playbookId, line } });
      return this.byIds(incidentId, ids);
    })();
  }

  add(incidentId: string, input: TaskInput, actor: Actor, links: { mentionIds?: number[]; fromReview?: boolean } = {}): Task {
    return this.db.transaction(() => this.get(this.insert(incidentId, input, actor, this.now(), links)))();
  }

  /** Records each changed field; done → the timeline (with who and when), reopening clears it. */
  update(id: number, patch: TaskPatch, actor: Actor): Task {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (patch.ownerPersonId) requirePerson(this.db, patch.ownerPersonId);
      if (patch.ownerRoleId) this.checkRole(patch.ownerRoleId);
      const at = this.now();
      const record = this.db.prepare('INSERT INTO task_events (task_id, field, old_value, new_value, actor, at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const [key, column] of Object.entries(PATCH_FIELDS) as [keyof TaskPatch, string][]) {
        const value = patch[key];
        if (value === undefined || value === before[key]) continue;
        this.db.prepare(`UPDATE tasks SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, at, id);
        record.run(id, key, before[key] === null ? null : String(before[key]), value === null ? null : String(value), actor.name, at);
      }
      if (patch.status && patch.status !== before.status) {
        const done = patch.status === 'done';
        this.db.prepare('UPDATE tasks SET done_by = ?, done_at = ? WHERE id = ?').run(done ? actor.name : null, done ? at : null, id);
        if (done) {
          this.timeline.add({ incidentId: before.incidentId, kind: 'task.done', author: actor.name, role: actor.role, occurredAt: at, text: before.title, ref: { taskId: id, ...(before.seedKey ? { seedKey: before.seedKey } : {}) } });
        }
      }
      return this.get(id);
    })();
  }

  list(incidentId: string): Task[] {
    return this.rows(`${TASK_SQL} WHERE t.incident_id = ? ORDER BY ${TASK_ORDER}`, incidentId, incidentId);
  }

  get(id: number): Task {
    const row = this.db.prepare(`${TASK_SQL} WHERE t.id = ?`).get(id) as TaskRow | undefined;
    if (!row) throw notFound('task', id);
    return this.toTasks([row], row.incident_id)[0];
  }

  history(id: number): TaskEvent[] {
    this.get(id);
    return (this.db.prepare('SELECT * FROM task_events WHERE task_id = ? ORDER BY id').all(id) as EventRow[]).map((r) => ({
      id: r.id, taskId: r.task_id, field: r.field, from: r.old_value, to: r.new_value, actor: r.actor, at: r.at,
    }));
  }

  applied(incidentId: string): AppliedPlaybook[] {
    const rows = this.db.prepare(`SELECT ip.playbook_id, ip.applied_by, ip.applied_at,
        (SELECT COUNT(*) FROM tasks t WHERE t.incident_id = ip.incident_id AND t.playbook_id = ip.playbook_id AND t.status = 'done') AS done,
        (SELECT COUNT(*) FROM tasks t WHERE t.incident_id = ip.incident_id AND t.playbook_id = ip.playbook_id AND t.status <> 'cancelled') AS total
      FROM incident_playbooks ip WHERE ip.incident_id = ? ORDER BY ip.applied_at`).all(incidentId) as { playbook_id: string; applied_by: string; applied_at: number; done: number; total: number }[];
    return rows.map((r) => ({ playbook: this.playbooks.get(r.playbook_id), appliedBy: r.applied_by, appliedAt: r.applied_at, done: r.done, total: r.total }));
  }

  counts(incidentId: string): TaskCounts {
    const now = this.now();
    const rows = this.db.prepare("SELECT status, due_at FROM tasks WHERE incident_id = ? AND status <> 'cancelled'").all(incidentId) as { status: TaskStatus; due_at: number | null }[];
    return {
      total: rows.length,
      done: rows.filter((r) => r.status === 'done').length,
      open: rows.filter((r) => r.status !== 'done').length,
      overdue: rows.filter((r) => isOverdue({ status: r.status, dueAt: r.due_at }, now)).length,
    };
  }

  private insert(incidentId: string, input: TaskInput, actor: Actor, at: number, extra: { playbookId?: string; seedKey?: string | null; mentionIds?: number[]; fromReview?: boolean }): number {
    if (input.ownerPersonId) requirePerson(this.db, input.ownerPersonId);
    if (input.ownerRoleId) this.checkRole(input.ownerRoleId);
    const r = this.db
      .prepare(`INSERT INTO tasks (incident_id, title, notes, owner_person_id, owner_role_id, due_at, status, playbook_id, seed_key, mention_ids, created_by, created_at, updated_at, from_review)
        VALUES (?, ?, ?, ?, ?, ?, 'todo', ?, ?, ?, ?, ?, ?, ?)`)
      .run(incidentId, input.title, input.notes, input.ownerPersonId, input.ownerRoleId, input.dueAt, extra.playbookId ?? null, extra.seedKey ?? null,
        JSON.stringify(extra.mentionIds ?? []), actor.name, at, at, extra.fromReview ? 1 : 0);
    return Number(r.lastInsertRowid);
  }

  private byIds(incidentId: string, ids: number[]): Task[] {
    return ids.length ? this.rows(`${TASK_SQL} WHERE t.id IN (${ids.map(() => '?').join(', ')}) ORDER BY t.id`, incidentId, ...ids) : [];
  }

  private rows(sql: string, incidentId: string, ...params: unknown[]): Task[] {
    return this.toTasks(this.db.prepare(sql).all(...params) as TaskRow[], incidentId);
  }

  /** Role-owned tasks name who holds the role now, so the room knows whom to chase. */
  private toTasks(rows: TaskRow[], incidentId: string): Task[] {
    const holders = new Map(rows.some((r) => r.owner_role_id) ? this.team.roster(incidentId).map((r) => [r.role.id, r.now.map((a) => a.personName)]) : []);
    return rows.map((r) => ({
      id: r.id, incidentId: r.incident_id, title: r.title, notes: r.notes, ownerPersonId: r.owner_person_id, ownerPersonName: r.owner_person_name,
      ownerRoleId: r.owner_role_id, ownerRoleHolders: r.owner_role_id ? (holders.get(r.owner_role_id) ?? []) : [], dueAt: r.due_at, status: r.status,
      playbookId: r.playbook_id, seedKey: r.seed_key, mentionIds: JSON.parse(r.mention_ids) as number[], createdBy: r.created_by, createdAt: r.created_at,
      doneBy: r.done_by, doneAt: r.done_at, fromReview: r.from_review === 1,
    }));
  }


  private checkRole(id: string): void {
    if (!this.db.prepare('SELECT 1 FROM roles WHERE id = ?').get(id)) throw notFound('role', id);
  }
}
