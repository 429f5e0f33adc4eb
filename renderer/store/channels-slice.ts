import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { Impostor, OwnChannel, OwnChannelCounts } from '../../shared/own-channels';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's own channels, the accounts posing as the brand, and their counts (the header shows those taken over and the fakes not reported). */
export type ChannelsSlice = {
  channels: OwnChannel[];
  impostors: Impostor[];
  channelCounts: OwnChannelCounts | null;
  loadChannels(incidentId: string): Promise<void>;
  loadChannelCounts(incidentId: string): Promise<void>;
  addChannel(incidentId: string, channel: ArgOf<'channels.add'>['channel']): Promise<OwnChannel>;
  addKnownChannels(incidentId: string): Promise<OwnChannel[]>;
  updateChannel(incidentId: string, id: number, patch: ArgOf<'channels.update'>['patch']): Promise<void>;
  addImpostor(incidentId: string, impostor: ArgOf<'impostors.add'>['impostor']): Promise<Impostor>;
  updateImpostor(incidentId: string, id: number, patch: ArgOf<'impostors.update'>['patch']): Promise<void>;
};

export const createChannelsSlice: StateCreator<StoreState, [], [], ChannelsSlice> = (set, get) => ({
  channels: [],
  impostors: [],
  channelCounts: null,
  loadChannels: async (incidentId) => {
    const [channels, impostors, channelCounts] = await Promise.all([
      call('channels.list', { incidentId }), call('impostors.list', { incidentId }), call('channels.counts', { incidentId }),
    ]);
    set({ channels, impostors, channelCounts });
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
  addImpostor: async (incidentId, impostor) => {
    const added = await call('impostors.add', { incidentId, impostor });
    await get().loadChannels(incidentId);
    return added;
  },
  updateImpostor: async (incidentId, id, patch) => {
    await call('impostors.update', { id, patch });
    await get().loadChannels(incidentId);
  },
});
