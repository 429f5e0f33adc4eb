import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Claim, ClaimCounts } from '../../shared/claims';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's claims with their spread, and their counts (the header chip). */
export type ClaimsSlice = {
  claims: Claim[];
  claimCounts: ClaimCounts | null;
  loadClaims(incidentId: string): Promise<void>;
  loadClaimCounts(incidentId: string): Promise<void>;
  addClaim(incidentId: string, claim: ArgOf<'claims.add'>['claim']): Promise<Claim>;
  updateClaim(incidentId: string, id: number, patch: ArgOf<'claims.update'>['patch']): Promise<void>;
};

export const createClaimsSlice: StateCreator<StoreState, [], [], ClaimsSlice> = (set, get) => ({
  claims: [],
  claimCounts: null,
  loadClaims: async (incidentId) => {
    const [claims, claimCounts] = await Promise.all([call('claims.list', { incidentId }), call('claims.counts', { incidentId })]);
    set({ claims, claimCounts });
  },
  loadClaimCounts: (incidentId) => applyNewest('claims.counts', call('claims.counts', { incidentId }), (claimCounts) => set({ claimCounts })),
  addClaim: async (incidentId, claim) => {
    const added = await call('claims.add', { incidentId, claim });
    await get().loadClaims(incidentId);
    return added;
  },
  updateClaim: async (incidentId, id, patch) => {
    await call('claims.update', { id, patch });
    await get().loadClaims(incidentId);
  },
});
