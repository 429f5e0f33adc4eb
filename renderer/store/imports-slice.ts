import type { StateCreator } from 'zustand';
import type { ImportBatch, ImportJob, ImportSummary, QuarantinedRow } from '../../shared/mentions';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

export const QUARANTINE_PAGE = 200;

export type ImportsSlice = {
  batches: ImportBatch[];
  jobs: Record<string, ImportJob>;
  finished: Record<string, ImportSummary>;
  /** One page of the incident's open quarantined rows, from `offset` (a bad file can leave thousands). */
  quarantine: { incidentId: string | null; rows: QuarantinedRow[]; total: number; offset: number };
  loadBatches(incidentId: string): Promise<void>;
  /** The page from `offset`; without it, the page on screen again (after a fix or a dismissal), or the first. */
  loadQuarantine(incidentId: string, offset?: number): Promise<void>;
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
  quarantine: { incidentId: null, rows: [], total: 0, offset: 0 },
  loadBatches: (incidentId) => applyNewest('import.batches', call('import.batches', { incidentId }), (batches) => set({ batches })),
  loadQuarantine: async (incidentId, offset) => {
    const current = get().quarantine;
    let from = offset ?? (current.incidentId === incidentId ? current.offset : 0);
    let page = await call('quarantine.list', { incidentId, status: 'open', offset: from, limit: QUARANTINE_PAGE });
    // The last page's last row fixed or dismissed: show the page before it rather than an empty one.
    if (page.rows.length === 0 && from > 0) {
      from = Math.max(0, Math.floor((page.total - 1) / QUARANTINE_PAGE) * QUARANTINE_PAGE);
      page = await call('quarantine.list', { incidentId, status: 'open', offset: from, limit: QUARANTINE_PAGE });
    }
    set({ quarantine: { incidentId, ...page, offset: from } });
  },
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
