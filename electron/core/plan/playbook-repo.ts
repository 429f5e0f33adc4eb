import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Actor, CrisisType } from '../../../shared/domain';
import type { Playbook, PlaybookStep } from '../../../shared/plan';
import { notFound } from '../said-error';

type PlaybookRow = { id: string; name: string; crisis_type: CrisisType | null; strategy: string; result: string; builtin: number };
type StepRow = { playbook_id: string; action: string; role_id: string | null; due_minutes: number | null; seed_key: string | null };

export type PlaybookInput = Omit<Playbook, 'id' | 'builtin'>;

/**
 * The playbook library: one seeded per crisis type, editable, extendable. A playbook is a template: editing it
 * replaces its checklist, and never touches the tasks incidents already made from it.
 */
export class PlaybookRepo {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  list(): Playbook[] {
    const steps = this.db.prepare('SELECT * FROM playbook_steps ORDER BY playbook_id, position').all() as StepRow[];
    const rows = this.db.prepare('SELECT * FROM playbooks ORDER BY sort, name').all() as PlaybookRow[];
    return rows.map((r) => toPlaybook(r, steps.filter((s) => s.playbook_id === r.id)));
  }

  get(id: string): Playbook {
    const row = this.db.prepare('SELECT * FROM playbooks WHERE id = ?').get(id) as PlaybookRow | undefined;
    if (!row) throw notFound('playbook', id);
    return toPlaybook(row, this.db.prepare('SELECT * FROM playbook_steps WHERE playbook_id = ? ORDER BY position').all(id) as StepRow[]);
  }

  save(id: string | undefined, input: PlaybookInput, actor: Actor): Playbook {
    const unknownRole = input.steps.find((s) => s.roleId !== null && !this.db.prepare('SELECT 1 FROM roles WHERE id = ?').get(s.roleId));
    if (unknownRole?.roleId) throw notFound('role', unknownRole.roleId);
    return this.db.transaction(() => {
      const at = this.now();
      const fields = [input.name, input.crisisType, input.strategy, input.result, actor.name, at];
      if (id === undefined) {
        id = `custom-${randomUUID().slice(0, 8)}`;
        const sort = ((this.db.prepare('SELECT MAX(sort) FROM playbooks').pluck().get() as number | null) ?? 0) + 1;
        this.db.prepare('INSERT INTO playbooks (name, crisis_type, strategy, result, updated_by, updated_at, id, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...fields, id, sort);
      } else if (this.db.prepare('UPDATE playbooks SET name = ?, crisis_type = ?, strategy = ?, result = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(...fields, id).changes === 0) {
        throw notFound('playbook', id);
      }
      this.db.prepare('DELETE FROM playbook_steps WHERE playbook_id = ?').run(id);
      const insert = this.db.prepare('INSERT INTO playbook_steps (playbook_id, position, action, role_id, due_minutes, seed_key) VALUES (?, ?, ?, ?, ?, ?)');
      input.steps.forEach((s, i) => insert.run(id, i + 1, s.action, s.roleId, s.dueMinutes, s.seedKey));
      return this.get(id!);
    })();
  }
}

function toPlaybook(r: PlaybookRow, steps: StepRow[]): Playbook {
  return {
    id: r.id, name: r.name, crisisType: r.crisis_type, strategy: r.strategy, result: r.result, builtin: r.builtin === 1,
    steps: steps.map((s): PlaybookStep => ({ action: s.action, roleId: s.role_id, dueMinutes: s.due_minutes, seedKey: s.seed_key })),
  };
}
