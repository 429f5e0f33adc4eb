import type { StateCreator } from 'zustand';
import type { IncidentAttention } from '../../shared/attention';
import { call } from '../api/client';
import type { StoreState } from './index';

/** What needs someone now on each open incident, for the person at this laptop (window title, list, notifications). */
export type AttentionSlice = {
  attention: IncidentAttention[] | null;
  loadAttention(): Promise<IncidentAttention[]>;
};

export const createAttentionSlice: StateCreator<StoreState, [], [], AttentionSlice> = (set) => ({
  attention: null,
  loadAttention: async () => {
    const attention = await call('attention.summary', {});
    set({ attention });
    return attention;
  },
});
