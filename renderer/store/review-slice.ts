import type { StateCreator } from 'zustand';
import type { AfterActionReport, ReviewInput } from '../../shared/review';
import { call } from '../api/client';
import type { StoreState } from './index';

export type ReviewSlice = {
  report: AfterActionReport | null;
  loadReview(incidentId: string): Promise<void>;
  saveReview(incidentId: string, review: ReviewInput): Promise<void>;
};

export const createReviewSlice: StateCreator<StoreState, [], [], ReviewSlice> = (set, get) => ({
  report: null,
  loadReview: async (incidentId) => {
    const report = await call('review.get', { incidentId });
    // A slow answer for an incident the user already left must not replace the one on screen.
    const route = get().route;
    if (route.name === 'incident' && route.id !== incidentId) return;
    set({ report });
  },
  saveReview: async (incidentId, review) => {
    await call('review.save', { incidentId, review });
    await get().loadReview(incidentId);
  },
});
