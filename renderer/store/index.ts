import { create } from 'zustand';
import { createIncidentsSlice, type IncidentsSlice } from './incidents-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createRouteSlice, type RouteSlice } from './route-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type StoreState = SessionSlice & RouteSlice & NoticeSlice & IncidentsSlice;

/** One store built from feature slices; components select narrowly. */
export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createRouteSlice(...a),
  ...createNoticeSlice(...a),
  ...createIncidentsSlice(...a),
}));
