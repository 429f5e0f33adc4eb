import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { OwnChannel, OwnChannelCounts } from '../../shared/own-channels';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's own channels and their counts (the header chip shows those taken over). */
export type ChannelsSlice = {
  channels: OwnChannel[];
  channelCounts: OwnChannelCounts | null;
  loadChannels(incidentId: string): Promise<void>;
  loadChannelCounts(incidentId: string): Promise<void>;
  addChannel(incidentId: string, channel: ArgOf<'channels.add'>['channel']): Promise<OwnChannel>;
  addKnownChannels(incidentId: string): Promise<OwnChannel[]>;
  updateChannel(incidentId: string, id: number, patch: ArgOf<'channels.update'>['patch']): Promise<void>;
};

export const createChannelsSlice: StateCreator<StoreState, [], [], ChannelsSlice> = (set, get) => ({
  channels: [],
  channelCounts: null,
  loadChannels: async (incidentId) => {
    const [channels, channelCounts] = await Promise.all([call('channels.list', { incidentId }), call('channels.counts', { incidentId })]);
    set({ channels, channelCounts });
  },
  loadChannelCounts: (incidentId) => applyNewest('channels.counts', call('channels.counts', { incidentId }), (channelCounts) => set({ channelCounts })),
  addChannel: async (incidentId, channel) => {
    const added = await call('channels.add', { incidentId, channel });
    await get().loadChannels(incidentId);
    return added;
  },
  addKnownChannels: async (incidentId) => {
    const added = await call('channels.addKnown', { incidentId });
    await get().loadChannels(incidentId);
    return added;
  },
  updateChannel: async (incidentId, id, patch) => {
    await call('channels.update', { id, patch });
    await get().loadChannels(incidentId);
  },
});
