import { z } from 'zod';
import { ENQUIRY_CHANNELS, ENQUIRY_STATUSES, type Enquiry, type EnquiryCounts, type EnquiryEvent, type PressContact } from '../enquiries';

const id = z.string().min(1).max(64);
const enquiryId = z.number().int().positive();
const time = z.number().int().min(0);
const answer = z.string().trim().max(20_000);
const version = z.number().int().positive();

const fields = {
  outlet: z.string().trim().min(1).max(200),
  journalist: z.string().trim().max(200),
  contact: z.string().trim().max(300),
  channel: z.enum(ENQUIRY_CHANNELS),
  question: z.string().trim().min(1).max(10_000),
  deadlineAt: time.nullable(),
  ownerPersonId: id.nullable(),
};

export const enquirySchemas = {
  'enquiries.list': z.strictObject({ incidentId: id }),
  /** `receivedAt` defaults to now; a call taken before it was logged says when it came. */
  'enquiries.add': z.strictObject({
    incidentId: id,
    enquiry: z.strictObject({
      ...fields,
      journalist: fields.journalist.default(''),
      contact: fields.contact.default(''),
      channel: fields.channel.default('phone'),
      deadlineAt: fields.deadlineAt.default(null),
      ownerPersonId: fields.ownerPersonId.default(null),
      receivedAt: time.optional(),
      /** Logged from a mention of the incident: a journalist asking in public. */
      mentionId: z.number().int().positive().nullable().default(null),
      /** Answered on the spot: logged with its status and what was said (as `enquiries.update` takes them). */
      status: z.enum(ENQUIRY_STATUSES).optional(),
      answer: answer.optional(),
      statementId: id.nullable().optional(),
      statementVersion: version.optional(),
    }),
  }),
  'enquiries.update': z.strictObject({
    id: enquiryId,
    patch: z.strictObject({
      outlet: fields.outlet.optional(),
      journalist: fields.journalist.optional(),
      contact: fields.contact.optional(),
      channel: fields.channel.optional(),
      question: fields.question.optional(),
      receivedAt: time.optional(),
      deadlineAt: fields.deadlineAt.optional(),
      ownerPersonId: fields.ownerPersonId.optional(),
      status: z.enum(ENQUIRY_STATUSES).optional(),
      answer: answer.optional(),
      /** An approved (or published) statement of the incident the answer was taken from; null: own words. */
      statementId: id.nullable().optional(),
      /** The version of that statement the answer was read from: a statement changed since is refused. */
      statementVersion: version.optional(),
    }),
  }),
  'enquiries.history': z.strictObject({ id: enquiryId }),
  'enquiries.counts': z.strictObject({ incidentId: id }),
  'enquiries.contacts': z.strictObject({}),
};

type In<K extends keyof typeof enquirySchemas> = z.input<(typeof enquirySchemas)[K]>;

export type EnquiriesApi = {
  /** Every enquiry of the incident: open ones first, soonest deadline first; then the closed ones, newest first. */
  'enquiries.list': (q: In<'enquiries.list'>) => Enquiry[];
  /** Logs an enquiry (answered on the spot: with its status and answer); it goes on the timeline. */
  'enquiries.add': (q: In<'enquiries.add'>) => Enquiry;
  /** Each changed field is kept in the enquiry's history; answering or declining needs what was said, and goes on the timeline. */
  'enquiries.update': (q: In<'enquiries.update'>) => Enquiry;
  'enquiries.history': (q: In<'enquiries.history'>) => EnquiryEvent[];
  'enquiries.counts': (q: In<'enquiries.counts'>) => EnquiryCounts;
  /** The journalists of every incident's enquiries, one line per outlet and journalist, the latest first (at most 500). */
  'enquiries.contacts': (q: In<'enquiries.contacts'>) => PressContact[];
};
