import { z } from 'zod';
import { RANKS, type Assignment, type Person, type Role, type RosterRow } from '../team';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max).default('');

export const personSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  title: text(200),
  organisation: text(200),
  phone: text(50),
  email: text(200),
  languages: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  notes: text(2000),
});

export const teamSchemas = {
  'team.people': z.strictObject({}),
  'team.savePerson': z.strictObject({ id: id.optional(), person: personSchema }),
  'team.roles': z.strictObject({}),
  'team.saveRole': z.strictObject({ id: id.optional(), role: z.strictObject({ name: z.string().trim().min(1).max(100), duties: text(1000), required: z.boolean().default(false) }) }),
  'team.assign': z.strictObject({
    incidentId: id,
    personId: id,
    roleId: id,
    rank: z.enum(RANKS).default('primary'),
    shiftStart: z.number().int().nullable().optional(),
    shiftEnd: z.number().int().nullable().optional(),
    handover: text(2000),
  }),
  'team.endAssignment': z.strictObject({ id: z.number().int().positive(), note: z.string().max(2000).optional() }),
  'team.roster': z.strictObject({ incidentId: id, at: z.number().int().optional() }),
  'team.assignments': z.strictObject({ incidentId: id }),
};

type In<K extends keyof typeof teamSchemas> = z.input<(typeof teamSchemas)[K]>;

export type TeamApi = {
  'team.people': (q: In<'team.people'>) => Person[];
  'team.savePerson': (q: In<'team.savePerson'>) => Person;
  'team.roles': (q: In<'team.roles'>) => Role[];
  'team.saveRole': (q: In<'team.saveRole'>) => Role;
  /** Puts a person in a role on an incident (primary or backup, optionally for a shift); it goes on the timeline. */
  'team.assign': (q: In<'team.assign'>) => Assignment;
  'team.endAssignment': (q: In<'team.endAssignment'>) => Assignment;
  'team.roster': (q: In<'team.roster'>) => RosterRow[];
  /** Every assignment ever made on the incident, ended ones included. */
  'team.assignments': (q: In<'team.assignments'>) => Assignment[];
};
