import type { StateCreator } from 'zustand';
import type { Restoring } from '../../shared/events';
import { call } from '../api/client';
import type { StoreState } from './index';

export type Notice = { kind: 'success' | 'error'; text: string; key: number };

export type NoticeSlice = {
  notice: Notice | null;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(): void;
  /** In room mode: whether this laptop hears the room server's stream of changes (a banner says when it does not). */
  roomConnected: boolean;
  setRoomConnected(connected: boolean): void;
  /** The last change to an incident the room heard of (from any laptop): views that hold a snapshot compare against it. */
  incidentChange: { incidentId: string; at: number } | null;
  noteIncidentChange(incidentId: string): void;
  /** The incident the host laptop is restoring now (the room's writes wait until it is in); null when none. */
  restoring: Restoring | null;
  setRestoring(restoring: Restoring | null): void;
  loadRestoring(): Promise<void>;
};

export const createNoticeSlice: StateCreator<StoreState, [], [], NoticeSlice> = (set) => ({
  notice: null,
  notify: (kind, text) => set({ notice: { kind, text, key: Date.now() } }),
  dismissNotice: () => set({ notice: null }),
  roomConnected: true,
  setRoomConnected: (roomConnected) => set({ roomConnected }),
  incidentChange: null,
  noteIncidentChange: (incidentId) => set({ incidentChange: { incidentId, at: Date.now() } }),
  restoring: null,
  setRestoring: (restoring) => set({ restoring }),
  loadRestoring: async () => set({ restoring: await call('archive.restoring', {}) }),
});
