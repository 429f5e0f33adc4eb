import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Person, Role, RosterRow } from '../../shared/team';
import { call } from '../api/client';
import type { StoreState } from './index';

/** The people directory, the role catalogue, and the current incident's roster. */
export type TeamSlice = {
  people: Person[];
  roles: Role[];
  roster: RosterRow[];
  loadTeam(incidentId: string): Promise<void>;
  savePerson(person: ArgOf<'team.savePerson'>['person'], id?: string): Promise<Person>;
  saveRole(incidentId: string, role: ArgOf<'team.saveRole'>['role'], id?: string): Promise<void>;
  assignRole(arg: ArgOf<'team.assign'>): Promise<void>;
  endAssignment(incidentId: string, id: number): Promise<void>;
};

export const createTeamSlice: StateCreator<StoreState, [], [], TeamSlice> = (set, get) => ({
  people: [],
  roles: [],
  roster: [],
  loadTeam: async (incidentId) => {
    const [people, roles, roster] = await Promise.all([call('team.people', {}), call('team.roles', {}), call('team.roster', { incidentId })]);
    set({ people, roles, roster });
  },
  savePerson: async (person, id) => {
    const saved = await call('team.savePerson', { person, ...(id ? { id } : {}) });
    set({ people: await call('team.people', {}) });
    return saved;
  },
  saveRole: async (incidentId, role, id) => {
    await call('team.saveRole', { role, ...(id ? { id } : {}) });
    await get().loadTeam(incidentId);
  },
  assignRole: async (arg) => {
    await call('team.assign', arg);
    await get().loadTeam(arg.incidentId);
  },
  endAssignment: async (incidentId, id) => {
    await call('team.endAssignment', { id });
    await get().loadTeam(incidentId);
  },
});
