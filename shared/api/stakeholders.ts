import { z } from 'zod';
import { STAKEHOLDER_CHANNELS, STAKEHOLDER_GROUPS, STAKEHOLDER_STATUSES, type KnownStakeholder, type Stakeholder, type StakeholderCounts, type StakeholderEvent } from '../stakeholders';

const id = z.string().min(1).max(64);
const stakeholderId = z.number().int().positive();
const time = z.number().int().min(0);

const fields = {
  name: z.string().trim().min(1).max(200),
  group: z.enum(STAKEHOLDER_GROUPS),
  channel: z.enum(STAKEHOLDER_CHANNELS),
  contact: z.string().trim().max(300),
  dueAt: time.nullable(),
  ownerPersonId: id.nullable(),
};

export const stakeholderSchemas = {
  'stakeholders.list': z.strictObject({ incidentId: id }),
  'stakeholders.add': z.strictObject({
    incidentId: id,
    stakeholder: z.strictObject({
      ...fields,
      group: fields.group.default('other'),
      channel: fields.channel.default('email'),
      contact: fields.contact.default(''),
      dueAt: fields.dueAt.default(null),
      ownerPersonId: fields.ownerPersonId.default(null),
    }),
  }),
  /** Adds the usual stakeholders for the incident's type of crisis that it does not list yet (none twice). */
  'stakeholders.addUsual': z.strictObject({ incidentId: id }),
  'stakeholders.update': z.strictObject({
    id: stakeholderId,
    patch: z.strictObject({
      name: fields.name.optional(),
      group: fields.group.optional(),
      channel: fields.channel.optional(),
      contact: fields.contact.optional(),
      dueAt: fields.dueAt.optional(),
      ownerPersonId: fields.ownerPersonId.optional(),
      status: z.enum(STAKEHOLDER_STATUSES).optional(),
      /** What they were told (or why it is not needed). */
      message: z.string().trim().max(20_000).optional(),
      /** When they were informed, if earlier than now (a call made before it was logged); read with the status informed only. */
      informedAt: time.optional(),
      /** An approved (or published) statement of the incident the message was taken from; null: own words. */
      statementId: id.nullable().optional(),
      /** The version of that statement read: a statement changed since is refused. */
      statementVersion: z.number().int().positive().optional(),
    }),
  }),
  'stakeholders.history': z.strictObject({ id: stakeholderId }),
  'stakeholders.counts': z.strictObject({ incidentId: id }),
  'stakeholders.known': z.strictObject({}),
};

type In<K extends keyof typeof stakeholderSchemas> = z.input<(typeof stakeholderSchemas)[K]>;

export type StakeholdersApi = {
  /** The incident's stakeholders: those still to inform first, the soonest due first; then the others, latest closed first. */
  'stakeholders.list': (q: In<'stakeholders.list'>) => Stakeholder[];
  'stakeholders.add': (q: In<'stakeholders.add'>) => Stakeholder;
  /** The stakeholders added (none when the incident lists them all already). */
  'stakeholders.addUsual': (q: In<'stakeholders.addUsual'>) => Stakeholder[];
  /** Each changed field is kept in the history; marking one informed or not needed needs what was said, and informing goes on the timeline. */
  'stakeholders.update': (q: In<'stakeholders.update'>) => Stakeholder;
  'stakeholders.history': (q: In<'stakeholders.history'>) => StakeholderEvent[];
  'stakeholders.counts': (q: In<'stakeholders.counts'>) => StakeholderCounts;
  /** The room's own stakeholders of every incident, one line per name, the latest first (at most 500). */
  'stakeholders.known': (q: In<'stakeholders.known'>) => KnownStakeholder[];
};
