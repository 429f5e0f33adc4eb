import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Enquiry, EnquiryCounts } from '../../shared/enquiries';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's media enquiries and their counts (the header chip). */
export type EnquiriesSlice = {
  enquiries: Enquiry[];
  enquiryCounts: EnquiryCounts | null;
  loadEnquiries(incidentId: string): Promise<void>;
  loadEnquiryCounts(incidentId: string): Promise<void>;
  addEnquiry(incidentId: string, enquiry: ArgOf<'enquiries.add'>['enquiry']): Promise<void>;
  updateEnquiry(incidentId: string, id: number, patch: ArgOf<'enquiries.update'>['patch']): Promise<void>;
};

export const createEnquiriesSlice: StateCreator<StoreState, [], [], EnquiriesSlice> = (set, get) => ({
  enquiries: [],
  enquiryCounts: null,
  loadEnquiries: async (incidentId) => {
    const [enquiries, enquiryCounts] = await Promise.all([call('enquiries.list', { incidentId }), call('enquiries.counts', { incidentId })]);
    set({ enquiries, enquiryCounts });
  },
  loadEnquiryCounts: (incidentId) => applyNewest('enquiries.counts', call('enquiries.counts', { incidentId }), (enquiryCounts) => set({ enquiryCounts })),
  addEnquiry: async (incidentId, enquiry) => {
    await call('enquiries.add', { incidentId, enquiry });
    await get().loadEnquiries(incidentId);
  },
  updateEnquiry: async (incidentId, id, patch) => {
    await call('enquiries.update', { id, patch });
    await get().loadEnquiries(incidentId);
  },
});
