import { z } from 'zod';
import type { TimelineEntry } from '../analytics';
import { SITREP_PERIODS, type SitrepTimer, type SituationReport } from '../sitrep';

const incidentId = z.string().min(1).max(64);

export const sitrepSchemas = {
  /** Where the crisis stands and what changed in a period (`since`, an epoch ms, wins over `period`; default: since the last report sent). */
  'sitrep.get': z.strictObject({ incidentId, period: z.enum(SITREP_PERIODS).default('last'), since: z.number().int().min(0).optional() }),
  /** The report went out: a line on the timeline, from which the next one starts. */
  'sitrep.markSent': z.strictObject({ incidentId }),
  /** When the next report is due on the incident's schedule (set with incidents.update `sitrepEveryMinutes`); null without one. */
  'sitrep.timer': z.strictObject({ incidentId }),
};

type In<K extends keyof typeof sitrepSchemas> = z.input<(typeof sitrepSchemas)[K]>;

export type SitrepApi = {
  'sitrep.get': (q: In<'sitrep.get'>) => SituationReport;
  'sitrep.markSent': (q: In<'sitrep.markSent'>) => TimelineEntry;
  'sitrep.timer': (q: In<'sitrep.timer'>) => SitrepTimer | null;
};
