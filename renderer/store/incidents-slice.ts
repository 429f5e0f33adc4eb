import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Incident, IncidentChange, IncidentStatus, IncidentTimeField } from '../../shared/domain';
import { call } from '../api/client';
import type { StoreState } from './index';

export type IncidentFilters = Omit<ArgOf<'incidents.list'>, 'limit'>;

export type IncidentsSlice = {
  filters: IncidentFilters;
  incidents: Incident[];
  incidentsLoaded: boolean;
  current: Incident | null;
  currentHistory: IncidentChange[];
  setFilters(patch: Partial<IncidentFilters>): Promise<void>;
  loadIncidents(): Promise<void>;
  loadCurrent(id: string): Promise<void>;
  createIncident(input: ArgOf<'incidents.create'>): Promise<Incident>;
  updateIncident(id: string, patch: ArgOf<'incidents.update'>['patch']): Promise<void>;
  setStatus(id: string, status: IncidentStatus, reason?: string): Promise<void>;
  setTime(id: string, field: IncidentTimeField, value: number | null, reason?: string): Promise<void>;
  setArchived(id: string, archived: boolean): Promise<void>;
  loadDemo(): Promise<Incident>;
};

export const createIncidentsSlice: StateCreator<StoreState, [], [], IncidentsSlice> = (set, get) => {
  /** After any change: refresh the open incident (and its history) and the list behind it. */
  const refresh = async (id: string) => {
    await Promise.all([get().loadCurrent(id), get().loadIncidents()]);
  };
  return {
    filters: { archived: false },
    incidents: [],
    incidentsLoaded: false,
    current: null,
    currentHistory: [],
    setFilters: async (patch) => {
      set({ filters: { ...get().filters, ...patch } });
      await get().loadIncidents();
    },
    loadIncidents: async () => {
      const incidents = await call('incidents.list', get().filters);
      set({ incidents, incidentsLoaded: true });
    },
    loadCurrent: async (id) => {
      const [current, currentHistory] = await Promise.all([
        call('incidents.get', { id }),
        call('incidents.history', { id }),
      ]);
      set({ current, currentHistory });
    },
    createIncident: async (input) => {
      const created = await call('incidents.create', input);
      await get().loadIncidents();
      return created;
    },
    updateIncident: async (id, patch) => {
      await call('incidents.update', { id, patch });
      await refresh(id);
    },
    setStatus: async (id, status, reason) => {
      await call('incidents.setStatus', { id, status, reason });
      await refresh(id);
    },
    setTime: async (id, field, value, reason) => {
      await call('incidents.setTime', { id, field, value, reason });
      await refresh(id);
    },
    setArchived: async (id, archived) => {
      await call('incidents.setArchived', { id, archived });
      await refresh(id);
    },
    loadDemo: async () => {
      const demo = await call('demo.load', {});
      await get().loadIncidents();
      return demo;
    },
  };
};
