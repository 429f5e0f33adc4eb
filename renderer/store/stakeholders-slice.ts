import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Stakeholder, StakeholderCounts } from '../../shared/stakeholders';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's stakeholders and their counts (the header chip). */
export type StakeholdersSlice = {
  stakeholders: Stakeholder[];
  stakeholderCounts: StakeholderCounts | null;
  loadStakeholders(incidentId: string): Promise<void>;
  loadStakeholderCounts(incidentId: string): Promise<void>;
  addStakeholder(incidentId: string, stakeholder: ArgOf<'stakeholders.add'>['stakeholder']): Promise<Stakeholder>;
  /** How many were added (none when all the usual ones are listed). */
  addUsualStakeholders(incidentId: string): Promise<number>;
  updateStakeholder(incidentId: string, id: number, patch: ArgOf<'stakeholders.update'>['patch']): Promise<void>;
};

export const createStakeholdersSlice: StateCreator<StoreState, [], [], StakeholdersSlice> = (set, get) => ({
  stakeholders: [],
  stakeholderCounts: null,
  loadStakeholders: async (incidentId) => {
    const [stakeholders, stakeholderCounts] = await Promise.all([call('stakeholders.list', { incidentId }), call('stakeholders.counts', { incidentId })]);
    set({ stakeholders, stakeholderCounts });
  },
  loadStakeholderCounts: (incidentId) => applyNewest('stakeholders.counts', call('stakeholders.counts', { incidentId }), (stakeholderCounts) => set({ stakeholderCounts })),
  addStakeholder: async (incidentId, stakeholder) => {
    const added = await call('stakeholders.add', { incidentId, stakeholder });
    await get().loadStakeholders(incidentId);
    return added;
  },
  addUsualStakeholders: async (incidentId) => {
    const added = await call('stakeholders.addUsual', { incidentId });
    await get().loadStakeholders(incidentId);
    return added.length;
  },
  updateStakeholder: async (incidentId, id, patch) => {
    await call('stakeholders.update', { id, patch });
    await get().loadStakeholders(incidentId);
  },
});
