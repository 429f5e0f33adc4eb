import { z } from 'zod';
import { IMPOSTOR_STATUSES, OWN_PLATFORMS, type Impostor, type ImpostorEvent } from '../own-channels';
import { linkField } from './link-field';

const id = z.string().min(1).max(64);
const impostorId = z.number().int().positive();
const time = z.number().int().min(0);

const fields = {
  platform: z.enum(OWN_PLATFORMS),
  handle: z.string().trim().min(1).max(200),
  url: linkField,
  reportRef: z.string().trim().max(300),
  note: z.string().trim().max(5000),
};

export const impostorSchemas = {
  'impostors.list': z.strictObject({ incidentId: id }),
  'impostors.add': z.strictObject({
    incidentId: id,
    impostor: z.strictObject({ ...fields, url: fields.url.default(''), reportRef: fields.reportRef.default(''), note: fields.note.default(''), spottedAt: time.optional() }),
  }),
  'impostors.update': z.strictObject({
    id: impostorId,
    patch: z.strictObject({
      platform: fields.platform.optional(),
      handle: fields.handle.optional(),
      url: fields.url.optional(),
      reportRef: fields.reportRef.optional(),
      note: fields.note.optional(),
      status: z.enum(IMPOSTOR_STATUSES).optional(),
      /** When it was reported or removed (the status given), if earlier than now. */
      at: time.optional(),
    }),
  }),
  'impostors.history': z.strictObject({ id: impostorId }),
};

type In<K extends keyof typeof impostorSchemas> = z.input<(typeof impostorSchemas)[K]>;

export type ImpostorsApi = {
  /** Accounts posing as the brand: not reported yet first, then reported, then removed; each with its posts among the mentions. */
  'impostors.list': (q: In<'impostors.list'>) => Impostor[];
  /** Spotting one goes on the timeline (at `spottedAt`, else now). */
  'impostors.add': (q: In<'impostors.add'>) => Impostor;
  /** Each changed field is kept in the history; reporting one and its removal go on the timeline. */
  'impostors.update': (q: In<'impostors.update'>) => Impostor;
  'impostors.history': (q: In<'impostors.history'>) => ImpostorEvent[];
};
