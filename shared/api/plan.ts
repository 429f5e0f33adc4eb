import { z } from 'zod';
import { CRISIS_TYPES } from '../domain';
import { TASK_STATUSES, type AppliedPlaybook, type Playbook, type Task, type TaskCounts, type TaskEvent } from '../plan';

const id = z.string().min(1).max(64);
const taskId = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max).default('');

const stepSchema = z.strictObject({
  action: z.string().trim().min(1).max(500),
  roleId: id.nullable().default(null),
  dueMinutes: z.number().int().min(0).max(60 * 24 * 90).nullable().default(null),
  seedKey: z.string().max(100).nullable().default(null),
});

const taskFields = {
  title: z.string().trim().min(1).max(500),
  notes: text(5000),
  ownerPersonId: id.nullable().default(null),
  ownerRoleId: id.nullable().default(null),
  dueAt: z.number().int().nullable().default(null),
};

export const planSchemas = {
  'plan.playbooks': z.strictObject({}),
  'plan.savePlaybook': z.strictObject({
    id: id.optional(),
    playbook: z.strictObject({
      name: z.string().trim().min(1).max(200),
      crisisType: z.enum(CRISIS_TYPES).nullable().default(null),
      strategy: text(2000),
      result: text(2000),
      steps: z.array(stepSchema).max(100),
    }),
  }),
  /** `from`: deadlines count from the incident's opening (the plan's promise) or from now (a plan adopted late). */
  'plan.apply': z.strictObject({ incidentId: id, playbookId: id, from: z.enum(['opened', 'now']).default('opened') }),
  'plan.applied': z.strictObject({ incidentId: id }),
  'plan.tasks': z.strictObject({ incidentId: id }),
  'plan.addTask': z.strictObject({ incidentId: id, task: z.strictObject(taskFields) }),
  'plan.updateTask': z.strictObject({
    id: taskId,
    patch: z.strictObject({
      title: taskFields.title.optional(),
      notes: z.string().trim().max(5000).optional(),
      ownerPersonId: id.nullable().optional(),
      ownerRoleId: id.nullable().optional(),
      dueAt: z.number().int().nullable().optional(),
      status: z.enum(TASK_STATUSES).optional(),
    }),
  }),
  'plan.taskHistory': z.strictObject({ id: taskId }),
  'plan.counts': z.strictObject({ incidentId: id }),
};

type In<K extends keyof typeof planSchemas> = z.input<(typeof planSchemas)[K]>;

export type PlanApi = {
  'plan.playbooks': (q: In<'plan.playbooks'>) => Playbook[];
  /** Edits a playbook (its checklist replaced as given) or adds one; tasks already made from it keep their text. */
  'plan.savePlaybook': (q: In<'plan.savePlaybook'>) => Playbook;
  /** Creates one task per checklist step, due at the step's target time; once per playbook and incident. */
  'plan.apply': (q: In<'plan.apply'>) => Task[];
  'plan.applied': (q: In<'plan.applied'>) => AppliedPlaybook[];
  /** Every task of the incident, open ones first by due time; cancelled ones kept last. */
  'plan.tasks': (q: In<'plan.tasks'>) => Task[];
  'plan.addTask': (q: In<'plan.addTask'>) => Task;
  /** Each changed field is kept in the task's history; "done" goes on the timeline. */
  'plan.updateTask': (q: In<'plan.updateTask'>) => Task;
  'plan.taskHistory': (q: In<'plan.taskHistory'>) => TaskEvent[];
  'plan.counts': (q: In<'plan.counts'>) => TaskCounts;
};
