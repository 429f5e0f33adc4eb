import { z } from 'zod';
import type { Restoring } from '../events';
import { UI_LANGUAGES } from '../locales';
import { CRISIS_LEVELS, CRISIS_TYPES, type Incident } from '../domain';
import type { Task } from '../plan';
import type { AfterActionReport, ComparedIncident, PastCrisis, PlaybookLesson, Review } from '../review';
import { importSourceSchema } from './imports';

const id = z.string().min(1).max(64);
const longText = z.string().max(20_000).default('');
const count = z.number().int().min(0).max(1e13).nullable();

export const reviewInputSchema = z.strictObject({
  summary: longText,
  wentWell: longText,
  wentWrong: longText,
  planChanges: longText,
  audience: z.array(z.strictObject({ platform: z.string().trim().max(100), account: z.string().trim().max(300), before: count, after: count })).max(200).default([]),
  costs: z.array(z.strictObject({ item: z.string().trim().min(1).max(300), amount: z.number().finite().min(0), currency: z.string().trim().min(1).max(10) })).max(200).default([]),
  lessons: z.array(z.strictObject({ text: z.string().trim().min(1).max(2000), playbookId: id.nullable().default(null) })).max(200).default([]),
});

export const REPORT_FORMATS = ['html', 'json'] as const;

export const reviewSchemas = {
  'review.get': z.strictObject({ incidentId: id }),
  'review.save': z.strictObject({ incidentId: id, review: reviewInputSchema }),
  'review.addActionItem': z.strictObject({
    incidentId: id,
    task: z.strictObject({
      title: z.string().trim().min(1).max(500),
      notes: z.string().trim().max(5000).default(''),
      ownerPersonId: id.nullable().default(null),
      ownerRoleId: id.nullable().default(null),
      dueAt: z.number().int().nullable().default(null),
    }),
  }),
  'review.render': z.strictObject({
    incidentId: id,
    format: z.enum(REPORT_FORMATS),
    lang: z.enum(UI_LANGUAGES).default('en'),
    timeZone: z.string().max(100).default('UTC'),
  }),
  'review.pastCrises': z.strictObject({
    search: z.string().max(300).optional(),
    level: z.union(CRISIS_LEVELS.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]).optional(),
    crisisType: z.enum(CRISIS_TYPES).optional(),
    /** A year as the reader's calendar has it: the client sends its local start and end. */
    closedFrom: z.number().int().optional(),
    closedTo: z.number().int().optional(),
  }),
  'review.compare': z.strictObject({ incidentIds: z.array(id).min(1).max(6) }),
  'review.lessons': z.strictObject({ playbookId: id }),
  'archive.export': z.strictObject({ incidentId: id }),
  'archive.import': z.strictObject({ source: importSourceSchema, onConflict: z.enum(['replace', 'keep-both']).optional() }),
  'archive.restoring': z.strictObject({}),
};

type In<K extends keyof typeof reviewSchemas> = z.input<(typeof reviewSchemas)[K]>;

export type ReviewApi = {
  /** The after-action report: figures computed from the record now, the written review, action items. */
  'review.get': (q: In<'review.get'>) => AfterActionReport;
  /** Saves the written review whole (lessons replaced as given). */
  'review.save': (q: In<'review.save'>) => Review;
  /** An action item becomes a task of the incident, marked as coming from the review. */
  'review.addActionItem': (q: In<'review.addActionItem'>) => Task;
  /** The report as a self-contained HTML file or JSON, for saving; a PDF is the HTML printed by Chromium. */
  'review.render': (q: In<'review.render'>) => { fileName: string; content: string; type: string };
  'review.pastCrises': (q: In<'review.pastCrises'>) => PastCrisis[];
  'review.compare': (q: In<'review.compare'>) => ComparedIncident[];
  /** Lessons of past reviews about a playbook, newest first. */
  'review.lessons': (q: In<'review.lessons'>) => PlaybookLesson[];
  /** Writes the incident's `.firebreak` archive; fetch it from `api/download/<downloadId>`. */
  'archive.export': (q: In<'archive.export'>) => { downloadId: string; fileName: string; bytes: number };
  /** Verifies and restores an archive; CONFLICT (with the title) when the incident is already here and no choice was given. */
  'archive.import': (q: In<'archive.import'>) => Incident;
  /**
   * The incident being written into the room now (an archive or a backup restored on the host laptop), null when none:
   * meanwhile every write is refused (`roomRestoring`); a window opened meanwhile reads it (the event says the rest).
   */
  'archive.restoring': (q: In<'archive.restoring'>) => Restoring | null;
};
