import { z } from 'zod';
import { TRIAGE_STATES, type MentionResponse, type ReplyWording, type TriageCounts, type TriageEvent, type TriageItem } from '../triage';
import { mentionFilterSchema } from './mentions';

const ids = z.array(z.number().int().positive()).min(1).max(5000);

export const triageSchemas = {
  /** The queue: open mentions by priority (or the states asked for), within the explorer's filter. */
  'triage.queue': z.strictObject({
    filter: mentionFilterSchema,
    states: z.array(z.enum(TRIAGE_STATES)).max(6).optional(),
    assignee: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).default(200),
  }),
  'triage.setState': z.strictObject({ mentionIds: ids, state: z.enum(TRIAGE_STATES), assignee: z.string().max(200).nullable().optional(), note: z.string().max(2000).optional() }),
  'triage.markRead': z.strictObject({ mentionId: z.number().int().positive() }),
  'triage.assign': z.strictObject({ mentionIds: ids, assignee: z.string().trim().max(200).nullable() }),
  'triage.respond': z.strictObject({
    mentionId: z.number().int().positive(),
    text: z.string().trim().min(1).max(10_000),
    platform: z.string().max(100).optional(),
    /** The approved statement (and the version approved) the reply was taken from; none for the responder's own words. */
    wording: z.strictObject({ statementId: z.string().min(1).max(64), version: z.number().int().positive() }).optional(),
  }),
  'triage.wordings': z.strictObject({ mentionId: z.number().int().positive() }),
  'triage.history': z.strictObject({ mentionId: z.number().int().positive() }),
  'triage.counts': z.strictObject({ incidentId: z.string().min(1).max(64) }),
};

type In<K extends keyof typeof triageSchemas> = z.input<(typeof triageSchemas)[K]>;

export type TriageApi = {
  'triage.queue': (q: In<'triage.queue'>) => TriageItem[];
  /** All or none: a mention that cannot make the move refuses the call (INVALID_TRANSITION, naming it). */
  'triage.setState': (q: In<'triage.setState'>) => { updated: number };
  'triage.markRead': (q: In<'triage.markRead'>) => { ok: true };
  'triage.assign': (q: In<'triage.assign'>) => { updated: number };
  /** A wording no longer approved at that version (withdrawn, edited since) is refused: CONFLICT, `wordingStale`. */
  'triage.respond': (q: In<'triage.respond'>) => MentionResponse;
  'triage.wordings': (q: In<'triage.wordings'>) => ReplyWording[];
  'triage.history': (q: In<'triage.history'>) => { events: TriageEvent[]; responses: MentionResponse[] };
  'triage.counts': (q: In<'triage.counts'>) => TriageCounts;
};
