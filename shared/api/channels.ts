import { z } from 'zod';
import { OWN_PLATFORMS, POSTING_STATES, type KnownChannel, type OwnChannel, type OwnChannelCounts, type OwnChannelEvent } from '../own-channels';
import { linkField } from './link-field';

const id = z.string().min(1).max(64);
const channelId = z.number().int().positive();
const time = z.number().int().min(0);

const fields = {
  platform: z.enum(OWN_PLATFORMS),
  name: z.string().trim().min(1).max(200),
  url: linkField,
  keeperPersonId: id.nullable(),
  note: z.string().trim().max(5000),
  posting: z.enum(POSTING_STATES),
  /** When it entered that posting state, if earlier than now (posts held before anyone logged it). */
  postingSince: time.optional(),
};

export const channelSchemas = {
  'channels.list': z.strictObject({ incidentId: id }),
  'channels.add': z.strictObject({
    incidentId: id,
    channel: z.strictObject({
      ...fields,
      url: fields.url.default(''),
      keeperPersonId: fields.keeperPersonId.default(null),
      note: fields.note.default(''),
      posting: fields.posting.default('as_usual'),
    }),
  }),
  /** Lists, as usual, the brand's channels known from any incident that this one does not list yet. */
  'channels.addKnown': z.strictObject({ incidentId: id }),
  'channels.update': z.strictObject({
    id: channelId,
    patch: z.strictObject({
      platform: fields.platform.optional(),
      name: fields.name.optional(),
      url: fields.url.optional(),
      keeperPersonId: fields.keeperPersonId.optional(),
      note: fields.note.optional(),
      posting: fields.posting.optional(),
      /** Read with a new posting state only. */
      postingSince: fields.postingSince,
    }),
  }),
  'channels.history': z.strictObject({ id: channelId }),
  'channels.counts': z.strictObject({ incidentId: id }),
  'channels.known': z.strictObject({}),
};

type In<K extends keyof typeof channelSchemas> = z.input<(typeof channelSchemas)[K]>;

export type ChannelsApi = {
  /** The incident's own channels, taken over first, then those holding their posts; each with what was published on it and what waits. */
  'channels.list': (q: In<'channels.list'>) => OwnChannel[];
  'channels.add': (q: In<'channels.add'>) => OwnChannel;
  /** The channels added (none when the incident lists them all already). */
  'channels.addKnown': (q: In<'channels.addKnown'>) => OwnChannel[];
  /** Each changed field is kept in the history; a new posting state goes on the timeline. */
  'channels.update': (q: In<'channels.update'>) => OwnChannel;
  'channels.history': (q: In<'channels.history'>) => OwnChannelEvent[];
  'channels.counts': (q: In<'channels.counts'>) => OwnChannelCounts;
  /** The brand's channels listed in any incident, one per platform and name, the latest first (at most 200). */
  'channels.known': (q: In<'channels.known'>) => KnownChannel[];
};
