import type { StateCreator } from 'zustand';
import type { ImportBatch, ImportJob, ImportSummary, QuarantinedRow } from '../../shared/mentions';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

export type ImportsSlice = {
  batches: ImportBatch[];
  jobs: Record<string, ImportJob>;
  finished: Record<string, ImportSummary>;
  quarantine: { rows: QuarantinedRow[]; total: number };
  loadBatches(incidentId: string): Promise<void>;
  loadQuarantine(incidentId: string): Promise<void>;
  onImportProgress(job: ImportJob): void;
  onImportFinished(jobId: string, summary: ImportSummary): void;
  undoBatch(batchId: string, incidentId: string): Promise<void>;
  retryQuarantined(id: number, record: Record<string, string>, incidentId: string): Promise<void>;
  dismissQuarantined(id: number, incidentId: string): Promise<void>;
};

export const createImportsSlice: StateCreator<StoreState, [], [], ImportsSlice> = (set, get) => ({
  batches: [],
  jobs: {},
  finished: {},
  quarantine: { rows: [], total: 0 },
  loadBatches: (incidentId) => applyNewest('import.batches', call('import.batches', { incidentId }), (batches) => set({ batches })),
  loadQuarantine: async (incidentId) => set({ quarantine: await call('quarantine.list', { incidentId, status: 'open', limit: 200 }) }),
  onImportProgress: (job) => set({ jobs: { ...get().jobs, [job.jobId]: job } }),
  onImportFinished: (jobId, summary) => {
    const { [jobId]: _done, ...jobs } = get().jobs;
    set({ jobs, finished: { ...get().finished, [jobId]: summary } });
  },
  undoBatch: async (batchId, incidentId) => {
    await call('import.undo', { batchId });
    await Promise.all([get().loadBatches(incidentId), get().loadQuarantine(incidentId)]);
  },
  retryQuarantined: async (id, record, incidentId) => {
    await call('quarantine.retry', { id, record });
    await Promise.all([get().loadBatches(incidentId), get().loadQuarantine(incidentId)]);
  },
  dismissQuarantined: async (id, incidentId) => {
    await call('quarantine.dismiss', { id });
    await get().loadQuarantine(incidentId);
  },
});
