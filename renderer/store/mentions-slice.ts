import type { StateCreator } from 'zustand';
import type { MentionFacets, MentionFilterInput } from '../../shared/api/mentions';
import type { Mention, MentionDetail, MentionSort } from '../../shared/mentions';
import { call } from '../api/client';
import type { StoreState } from './index';

export const PAGE_SIZE = 100;

export type ExplorerFilter = Omit<MentionFilterInput, 'incidentId'>;

/**
 * The explorer holds pages of the current result, fetched as the virtual list scrolls to them; a new filter or
 * sort starts a new generation so late answers for the old one are dropped.
 */
export type MentionsSlice = {
  explorerIncident: string | null;
  filter: ExplorerFilter;
  sort: MentionSort;
  pages: Record<number, Mention[]>;
  total: number;
  totalCapped: boolean;
  generation: number;
  facets: MentionFacets | null;
  selectedMention: MentionDetail | null;
  openExplorer(incidentId: string): Promise<void>;
  setMentionFilter(patch: Partial<ExplorerFilter>): Promise<void>;
  setSort(sort: MentionSort): Promise<void>;
  ensurePage(page: number): Promise<void>;
  refreshExplorer(): Promise<void>;
  selectMention(id: number | null): Promise<void>;
  /** How far each export asked for from this window is written (the share done), by the id it was asked with. */
  exportProgress: Record<string, number>;
  beginExport(progressId: string): void;
  onExportProgress(progressId: string, done: number, total: number): void;
  forgetExport(progressId: string): void;
};

const loading = new Set<string>();

export const createMentionsSlice: StateCreator<StoreState, [], [], MentionsSlice> = (set, get) => {
  const fetchPage = async (page: number, generation: number) => {
    const { explorerIncident, filter, sort } = get();
    if (!explorerIncident) return;
    const key = `${generation}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const result = await call('mentions.search', { filter: { ...filter, incidentId: explorerIncident }, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      // Past the capped count, keep growing the list as pages keep coming back full.
      const seen = page * PAGE_SIZE + result.rows.length;
      set({ pages: { ...get().pages, [page]: result.rows }, total: result.totalCapped ? Math.max(get().total, seen + (result.rows.length === PAGE_SIZE ? PAGE_SIZE : 0)) : result.total, totalCapped: result.totalCapped });
    } finally {
      loading.delete(key);
    }
  };
  const restart = async () => {
    const generation = get().generation + 1;
    set({ generation, pages: {}, total: 0, totalCapped: false });
    await fetchPage(0, generation);
  };
  return {
    explorerIncident: null,
    filter: {},
    sort: 'time',
    pages: {},
    total: 0,
    totalCapped: false,
    generation: 0,
    facets: null,
    selectedMention: null,
    openExplorer: async (incidentId) => {
      if (get().explorerIncident !== incidentId) set({ explorerIncident: incidentId, filter: {}, selectedMention: null });
      await get().refreshExplorer();
    },
    refreshExplorer: async () => {
      const incidentId = get().explorerIncident;
      if (!incidentId) return;
      const [facets] = await Promise.all([call('mentions.facets', { incidentId }), restart()]);
      set({ facets });
    },
    setMentionFilter: async (patch) => {
      set({ filter: { ...get().filter, ...patch } });
      await restart();
    },
    setSort: async (sort) => {
      set({ sort });
      await restart();
    },
    ensurePage: async (page) => {
      if (!get().pages[page]) await fetchPage(page, get().generation);
    },
    selectMention: async (id) => set({ selectedMention: id === null ? null : await call('mentions.get', { id }) }),
    exportProgress: {},
    beginExport: (progressId) => set({ exportProgress: { ...get().exportProgress, [progressId]: 0 } }),
    // Every laptop hears every export's progress: only those begun here are kept.
    onExportProgress: (progressId, done, total) => {
      if (progressId in get().exportProgress) set({ exportProgress: { ...get().exportProgress, [progressId]: total ? done / total : 1 } });
    },
    forgetExport: (progressId) => {
      const { [progressId]: _gone, ...rest } = get().exportProgress;
      set({ exportProgress: rest });
    },
  };
};
