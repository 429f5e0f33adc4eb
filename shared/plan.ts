import type { CrisisType } from './domain';

export type PlaybookStep = {
  action: string;
  roleId: string | null;
  /** Target time after the incident opened, in minutes; null = no deadline. */
  dueMinutes: number | null;
  /** Seeded steps only: the i18n key (`playbooks.<seedKey>`) its text is shown under while unchanged. */
  seedKey: string | null;
};

export type Playbook = {
  id: string;
  name: string;
  /** The crisis type it is the default plan for; null = any. */
  crisisType: CrisisType | null;
  strategy: string;
  result: string;
  builtin: boolean;
  steps: PlaybookStep[];
};

export const TASK_STATUSES = ['todo', 'doing', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses that still need someone: they can be late. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['todo', 'doing'];

export type Task = {
  id: number;
  incidentId: string;
  title: string;
  notes: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  ownerRoleId: string | null;
  /** Who holds the owner role on the roster now (primary first): whom to chase. */
  ownerRoleHolders: string[];
  dueAt: number | null;
  status: TaskStatus;
  playbookId: string | null;
  seedKey: string | null;
  mentionIds: number[];
  createdBy: string;
  createdAt: number;
  doneBy: string | null;
  doneAt: number | null;
  /** An action item of the after-action review. */
  fromReview: boolean;
};

export type TaskEvent = { id: number; taskId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/** A playbook in use on an incident and how far its tasks are. */
export type AppliedPlaybook = { playbook: Playbook; appliedBy: string; appliedAt: number; done: number; total: number };

export type TaskCounts = { open: number; overdue: number; done: number; total: number };

export function isOverdue(task: Pick<Task, 'status' | 'dueAt'>, now: number): boolean {
  return task.dueAt !== null && task.dueAt < now && OPEN_TASK_STATUSES.includes(task.status);
}
