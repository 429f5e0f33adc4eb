import { z } from 'zod';
import {
  DELIMITERS,
  ENCODINGS,
  MAPPABLE_FIELDS,
  type ImportBatch,
  type ImportJob,
  type ImportPreview,
  type QuarantinedRow,
} from '../mentions';

const id = z.string().min(1).max(64);

/** Where the file is: a path on this machine (desktop app, CLI) or a file uploaded to the room server. */
export const importSourceSchema = z.union([
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ uploadId: z.string().regex(/^[\w-]{8,64}$/) }),
]);

export const importOptionsSchema = z.strictObject({
  preset: z.string().max(100).optional(),
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  dateOrder: z.enum(['day-first', 'month-first']).optional(),
  timezone: z.string().max(64).optional(),
  mapping: z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string().max(500)).optional(),
});

export const importSchemas = {
  'import.preview': z.strictObject({ source: importSourceSchema, options: importOptionsSchema.default({}) }),
  'import.start': z.strictObject({ incidentId: id, source: importSourceSchema, options: importOptionsSchema.default({}) }),
  'import.cancel': z.strictObject({ jobId: id }),
  'import.jobs': z.strictObject({ incidentId: id.optional() }),
  'import.batches': z.strictObject({ incidentId: id }),
  'import.undo': z.strictObject({ batchId: id }),
  'import.presets': z.strictObject({}),
  'import.savePreset': z.strictObject({ name: z.string().trim().min(1).max(100), basePreset: z.string().min(1).max(100), options: importOptionsSchema }),
  'quarantine.list': z.strictObject({
    incidentId: id,
    batchId: id.optional(),
    status: z.enum(['open', 'fixed', 'dismissed']).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'quarantine.retry': z.strictObject({ id: z.number().int().positive(), record: z.record(z.string().max(500), z.string().max(1_000_000)) }),
  'quarantine.dismiss': z.strictObject({ id: z.number().int().positive() }),
  'quarantine.export': z.strictObject({ incidentId: id, batchId: id.optional() }),
};

type In<K extends keyof typeof importSchemas> = z.input<(typeof importSchemas)[K]>;

export type PresetList = {
  builtIn: { id: string; label: string; kind: 'tabular' | 'json' }[];
  saved: { name: string; basePreset: string; createdBy: string; createdAt: number }[];
};

export type ImportsApi = {
  'import.preview': (q: In<'import.preview'>) => ImportPreview;
  /** Returns at once; progress and the summary arrive as events. */
  'import.start': (q: In<'import.start'>) => { job: ImportJob; batchId: string };
  'import.cancel': (q: In<'import.cancel'>) => { cancelled: boolean };
  'import.jobs': (q: In<'import.jobs'>) => ImportJob[];
  'import.batches': (q: In<'import.batches'>) => ImportBatch[];
  'import.undo': (q: In<'import.undo'>) => ImportBatch;
  'import.presets': (q: In<'import.presets'>) => PresetList;
  'import.savePreset': (q: In<'import.savePreset'>) => PresetList;
  'quarantine.list': (q: In<'quarantine.list'>) => { rows: QuarantinedRow[]; total: number };
  'quarantine.retry': (q: In<'quarantine.retry'>) => { row: QuarantinedRow; mentionId: number | null; duplicate: boolean };
  'quarantine.dismiss': (q: In<'quarantine.dismiss'>) => QuarantinedRow;
  'quarantine.export': (q: In<'quarantine.export'>) => { fileName: string; csv: string };
};
