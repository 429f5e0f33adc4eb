import { z } from 'zod';
import { MENTION_EXPORT_FORMATS, SORTS, type AuthorSuggestion, type MentionCopies, type MentionDetail, type Mention } from '../mentions';

const id = z.string().min(1).max(64);

export const mentionFilterSchema = z.strictObject({
  incidentId: id,
  query: z.string().max(500).optional(),
  platforms: z.array(z.string().max(100)).max(50).optional(),
  langs: z.array(z.string().max(20)).max(50).optional(),
  sentiment: z.array(z.enum(['negative', 'neutral', 'positive', 'unrated'])).max(4).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  author: z.string().max(300).optional(),
  authorSearch: z.string().max(300).optional(),
  hasUrl: z.boolean().optional(),
  batchId: id.optional(),
  /** The mentions posting the same words as this one (links, @handles and punctuation aside), itself included. */
  copyOf: z.number().int().positive().optional(),
  /** Any of these words, phrases or hashtags (a claim's, a topic's; a trailing `*` keeps a word's beginning). */
  anyOf: z.array(z.string().max(200)).max(30).optional(),
});

export const mentionSchemas = {
  'mentions.search': z.strictObject({
    filter: mentionFilterSchema,
    sort: z.enum(SORTS).default('time'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'mentions.facets': z.strictObject({ incidentId: id }),
  'mentions.authors': z.strictObject({ incidentId: id, typed: z.string().max(300), limit: z.number().int().min(1).max(50).default(8) }),
  'mentions.get': z.strictObject({ id: z.number().int().positive() }),
  'mentions.copies': z.strictObject({ id: z.number().int().positive() }),
  'mentions.export': z.strictObject({
    filter: mentionFilterSchema,
    sort: z.enum(SORTS).default('time'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    format: z.enum(MENTION_EXPORT_FORMATS).default('csv'),
    /** The reader's time zone: the CSV gets each time in it beside the UTC one. */
    timeZone: z.string().max(100).optional(),
    /** Only these mentions of the incident (those ticked in the list), whatever the filter's other conditions. */
    ids: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
    /** Named by the caller: `export.progress` events with it say how far the file is written. */
    progressId: z.string().min(1).max(64).optional(),
  }),
};

type In<K extends keyof typeof mentionSchemas> = z.input<(typeof mentionSchemas)[K]>;
export type MentionFilterInput = z.input<typeof mentionFilterSchema>;

export type MentionFacets = {
  platforms: { value: string; count: number }[];
  langs: { value: string; count: number }[];
  total: number;
  first: number | null;
  last: number | null;
};

export type MentionsApi = {
  /** `total` is exact up to 10,000; past that `totalCapped` is true and the UI shows "10,000+". */
  'mentions.search': (q: In<'mentions.search'>) => { rows: Mention[]; total: number; totalCapped: boolean };
  'mentions.facets': (q: In<'mentions.facets'>) => MentionFacets;
  /** Accounts whose name or handle begins with what was typed, most mentions first (the author box's suggestions). */
  'mentions.authors': (q: In<'mentions.authors'>) => AuthorSuggestion[];
  'mentions.get': (q: In<'mentions.get'>) => MentionDetail;
  /** How many mentions, from how many accounts, posted this one's words (null: too short to tell copying from coincidence). */
  'mentions.copies': (q: In<'mentions.copies'>) => MentionCopies | null;
  /** Writes every mention the filter keeps, in the list's order, as a file; fetch it from `api/download/<downloadId>`. */
  'mentions.export': (q: In<'mentions.export'>) => { downloadId: string; fileName: string; rows: number };
};
