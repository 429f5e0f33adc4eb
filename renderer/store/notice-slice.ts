import type { StateCreator } from 'zustand';
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
};

export const createNoticeSlice: StateCreator<StoreState, [], [], NoticeSlice> = (set) => ({
  notice: null,
  notify: (kind, text) => set({ notice: { kind, text, key: Date.now() } }),
  dismissNotice: () => set({ notice: null }),
  roomConnected: true,
  setRoomConnected: (roomConnected) => set({ roomConnected }),
  incidentChange: null,
  noteIncidentChange: (incidentId) => set({ incidentChange: { incidentId, at: Date.now() } }),
});
