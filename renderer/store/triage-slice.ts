import type { StateCreator } from 'zustand';
import type { MentionResponse, TriageCounts, TriageEvent, TriageItem, TriageState } from '../../shared/triage';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest, newest } from './newest';

/** The triage queue of the current incident (same filter as the explorer), the selected mention and the header counts. */
export type TriageSlice = {
  triageQueue: TriageItem[];
  triageStates: TriageState[] | null;
  /** Another list was asked for and has not arrived: the rows shown are the previous list's (a slow room). */
  triageListPending: boolean;
  triageSelected: number | null;
  /** Kept while it is worked on, even when its new state takes it out of the list being viewed. */
  triageSelectedItem: TriageItem | null;
  triageHistory: { events: TriageEvent[]; responses: MentionResponse[] } | null;
  triageCounts: TriageCounts | null;
  loadTriage(incidentId: string): Promise<void>;
  setTriageStates(incidentId: string, states: TriageState[] | null): Promise<void>;
  selectTriage(id: number | null): Promise<void>;
  triageSetState(incidentId: string, ids: number[], state: TriageState, extra?: { assignee?: string | null; note?: string }): Promise<void>;
  triageAssign(incidentId: string, ids: number[], assignee: string | null): Promise<void>;
  /** `wording`: the approved statement (and its version) the reply was taken from. */
  triageRespond(incidentId: string, id: number, text: string, wording?: { statementId: string; version: number }): Promise<void>;
  loadTriageCounts(incidentId: string): Promise<void>;
};

export const createTriageSlice: StateCreator<StoreState, [], [], TriageSlice> = (set, get) => ({
  triageQueue: [],
  triageStates: null,
  triageListPending: false,
  triageSelected: null,
  triageSelectedItem: null,
  triageHistory: null,
  triageCounts: null,
  loadTriage: async (incidentId) => {
    if (get().explorerIncident !== incidentId) set({ explorerIncident: incidentId, filter: {}, selectedMention: null });
    const states = get().triageStates;
    const got = await newest('triage.queue', call('triage.queue', { filter: { ...get().filter, incidentId }, ...(states ? { states } : {}), limit: 200 }));
    if (!got) return; // a newer load is on its way, and reads the history and counts after it
    const queue = got.value;
    set({ triageQueue: queue, triageListPending: false });
    const id = get().triageSelected;
    if (id !== null) {
      const history = await call('triage.history', { mentionId: id });
      const current = queue.find((m) => m.id === id) ?? get().triageSelectedItem;
      const state = history.events.at(-1)?.toState;
      set({ triageHistory: history, triageSelectedItem: current && state ? { ...current, triageState: state } : current });
    }
    await get().loadTriageCounts(incidentId);
  },
  setTriageStates: async (incidentId, triageStates) => {
    set({ triageStates, triageListPending: true });
    await get().loadTriage(incidentId);
  },
  selectTriage: async (id) => {
    const item = id === null ? null : (get().triageQueue.find((m) => m.id === id) ?? null);
    set({ triageSelected: id, triageSelectedItem: item, triageHistory: null });
    if (id === null) return;
    if (item?.triageState === 'new') {
      await call('triage.markRead', { mentionId: id });
      set({ triageSelectedItem: { ...item, triageState: 'read' } });
    }
    set({ triageHistory: await call('triage.history', { mentionId: id }) });
  },
  triageSetState: async (incidentId, ids, state, extra = {}) => {
    await call('triage.setState', { mentionIds: ids, state, ...extra });
    await get().loadTriage(incidentId);
  },
  triageAssign: async (incidentId, ids, assignee) => {
    await call('triage.assign', { mentionIds: ids, assignee });
    await get().loadTriage(incidentId);
  },
  triageRespond: async (incidentId, id, text, wording) => {
    await call('triage.respond', { mentionId: id, text, ...(wording ? { wording } : {}) });
    await get().loadTriage(incidentId);
  },
  loadTriageCounts: (incidentId) => applyNewest('triage.counts', call('triage.counts', { incidentId }), (triageCounts) => set({ triageCounts })),
});
