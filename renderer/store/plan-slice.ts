import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { AppliedPlaybook, Playbook, Task, TaskCounts } from '../../shared/plan';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The playbook library, and the current incident's applied playbooks, tasks and task counts. */
export type PlanSlice = {
  playbooks: Playbook[];
  appliedPlaybooks: AppliedPlaybook[];
  tasks: Task[];
  taskCounts: TaskCounts | null;
  loadPlan(incidentId: string): Promise<void>;
  loadTaskCounts(incidentId: string): Promise<void>;
  applyPlaybook(incidentId: string, playbookId: string, from: 'opened' | 'now'): Promise<void>;
  savePlaybook(playbook: ArgOf<'plan.savePlaybook'>['playbook'], id?: string): Promise<void>;
  addTask(incidentId: string, task: ArgOf<'plan.addTask'>['task']): Promise<void>;
  updateTask(incidentId: string, id: number, patch: ArgOf<'plan.updateTask'>['patch']): Promise<void>;
};

export const createPlanSlice: StateCreator<StoreState, [], [], PlanSlice> = (set, get) => ({
  playbooks: [],
  appliedPlaybooks: [],
  tasks: [],
  taskCounts: null,
  loadPlan: async (incidentId) => {
    const [playbooks, appliedPlaybooks, tasks, taskCounts] = await Promise.all([
      call('plan.playbooks', {}), call('plan.applied', { incidentId }), call('plan.tasks', { incidentId }), call('plan.counts', { incidentId }),
    ]);
    set({ playbooks, appliedPlaybooks, tasks, taskCounts });
  },
  loadTaskCounts: (incidentId) => applyNewest('plan.counts', call('plan.counts', { incidentId }), (taskCounts) => set({ taskCounts })),
  applyPlaybook: async (incidentId, playbookId, from) => {
    await call('plan.apply', { incidentId, playbookId, from });
    await get().loadPlan(incidentId);
  },
  savePlaybook: async (playbook, id) => {
    await call('plan.savePlaybook', { playbook, ...(id ? { id } : {}) });
    set({ playbooks: await call('plan.playbooks', {}) });
  },
  addTask: async (incidentId, task) => {
    await call('plan.addTask', { incidentId, task });
    await get().loadPlan(incidentId);
  },
  updateTask: async (incidentId, id, patch) => {
    await call('plan.updateTask', { id, patch });
    await get().loadPlan(incidentId);
  },
});
