import { z } from 'zod';
import type { IncidentAttention } from '../attention';

export const attentionSchemas = {
  /** For the person asking: what needs someone now on each incident not closed or archived (newest first). */
  'attention.summary': z.strictObject({}),
};

type In<K extends keyof typeof attentionSchemas> = z.input<(typeof attentionSchemas)[K]>;

export type AttentionApi = {
  'attention.summary': (q: In<'attention.summary'>) => IncidentAttention[];
};
