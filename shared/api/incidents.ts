import { z } from 'zod';
import {
  CRISIS_LEVELS,
  CRISIS_TYPES,
  INCIDENT_STATUSES,
  INCIDENT_TIME_FIELDS,
  PHASES,
  epochMs,
  type Incident,
  type IncidentChange,
} from '../domain';
import { SITREP_CADENCES } from '../sitrep';

const title = z.string().trim().min(1, 'title is required').max(300);
const shortText = z.string().trim().max(300);
const longText = z.string().max(20_000);
const id = z.string().min(1).max(64);
const level = z.union(CRISIS_LEVELS.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]);

export const newIncidentSchema = z.strictObject({
  title,
  organisation: shortText.default(''),
  description: longText.default(''),
  status: z.enum(['monitoring', 'active']).default('active'),
  level: level.nullable().default(null),
  crisisType: z.enum(CRISIS_TYPES).nullable().default(null),
  phase: z.enum(PHASES).default('during'),
  owner: shortText.default(''),
  detectedAt: epochMs.nullable().default(null),
});
export type NewIncident = z.input<typeof newIncidentSchema>;

/** Plain fields; status and times have their own methods because they carry rules and history. */
export const incidentPatchSchema = z.strictObject({
  title: title.optional(),
  organisation: shortText.optional(),
  description: longText.optional(),
  level: level.nullable().optional(),
  crisisType: z.enum(CRISIS_TYPES).nullable().optional(),
  phase: z.enum(PHASES).optional(),
  owner: shortText.optional(),
  sitrepEveryMinutes: z.number().int().refine((m) => SITREP_CADENCES.includes(m), { message: `one of ${SITREP_CADENCES.join(', ')} minutes` }).nullable().optional(),
});

export const incidentSchemas = {
  'incidents.list': z.strictObject({
    status: z.enum(INCIDENT_STATUSES).optional(),
    level: level.optional(),
    crisisType: z.enum(CRISIS_TYPES).optional(),
    archived: z.boolean().default(false),
    search: z.string().max(300).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  }),
  'incidents.get': z.strictObject({ id }),
  'incidents.create': newIncidentSchema,
  'incidents.update': z.strictObject({ id, patch: incidentPatchSchema }),
  'incidents.setStatus': z.strictObject({
    id,
    status: z.enum(INCIDENT_STATUSES),
    reason: z.string().max(2000).optional(),
  }),
  'incidents.setTime': z.strictObject({
    id,
    field: z.enum(INCIDENT_TIME_FIELDS),
    value: epochMs.nullable(),
    reason: z.string().max(2000).optional(),
  }),
  'incidents.setArchived': z.strictObject({ id, archived: z.boolean() }),
  'incidents.history': z.strictObject({ id }),
};

type In<K extends keyof typeof incidentSchemas> = z.input<(typeof incidentSchemas)[K]>;

export type IncidentsApi = {
  'incidents.list': (q: In<'incidents.list'>) => Incident[];
  'incidents.get': (q: In<'incidents.get'>) => Incident;
  'incidents.create': (input: In<'incidents.create'>) => Incident;
  'incidents.update': (input: In<'incidents.update'>) => Incident;
  'incidents.setStatus': (input: In<'incidents.setStatus'>) => Incident;
  'incidents.setTime': (input: In<'incidents.setTime'>) => Incident;
  'incidents.setArchived': (input: In<'incidents.setArchived'>) => Incident;
  'incidents.history': (q: In<'incidents.history'>) => IncidentChange[];
};
