import { z } from 'zod';
import { UI_LANGUAGES } from '../locales';
import { SENSITIVITIES, TIMELINE_KINDS, TOPIC_KINDS, type Alert, type AlertSettings, type Copies, type Dashboard, type ShareOfVoice, type TimelineEdit, type TimelineEntry, type Topic, type TopAuthors, type TopTerms } from '../analytics';
import type { UpdateTimer } from '../update-timer';
import { mentionFilterSchema } from './mentions';

const id = z.string().min(1).max(64);
const chartQuery = z.strictObject({
  filter: mentionFilterSchema,
  /** The viewer's offset from UTC, so day buckets start at local midnight. */
  tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
});
const topic = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(TOPIC_KINDS),
  terms: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
});

export const alertSettingsSchema = z.strictObject({
  sensitivity: z.enum(SENSITIVITIES),
  minCount: z.number().int().min(1).max(1_000_000),
  windowMinutes: z.number().int().min(5).max(1440).multipleOf(5),
  baselineWindows: z.number().int().min(2).max(96),
  followerThreshold: z.number().int().min(1).max(10_000_000_000),
  newTerms: z.boolean(),
  copies: z.boolean().default(true),
  copyAccounts: z.number().int().min(3).max(1_000_000).default(10),
});

export const analyticsSchemas = {
  'analytics.dashboard': chartQuery,
  'analytics.shareOfVoice': chartQuery,
  'analytics.topAuthors': chartQuery,
  'analytics.topTerms': chartQuery,
  'analytics.copies': chartQuery,
  'topics.list': z.strictObject({ incidentId: id }),
  'topics.save': z.strictObject({ incidentId: id, id: z.number().int().positive().optional(), topic }),
  'topics.remove': z.strictObject({ id: z.number().int().positive() }),
  'alerts.list': z.strictObject({ incidentId: id }),
  'alerts.acknowledge': z.strictObject({ id: z.number().int().positive() }),
  'alerts.settings': z.strictObject({ incidentId: id }),
  'alerts.saveSettings': z.strictObject({ incidentId: id, settings: alertSettingsSchema }),
  'alerts.evaluate': z.strictObject({ incidentId: id }),
  'timeline.list': z.strictObject({
    incidentId: id,
    kinds: z.array(z.string().max(40)).max(20).optional(),
    author: z.string().max(200).optional(),
    tag: z.string().max(50).optional(),
    query: z.string().max(200).optional(),
    keyOnly: z.boolean().optional(),
    /** The reader's language: the query also matches the lines Firebreak wrote as that language words them. */
    lang: z.enum(UI_LANGUAGES).optional(),
  }),
  'timeline.add': z.strictObject({
    incidentId: id,
    kind: z.enum(TIMELINE_KINDS),
    text: z.string().trim().min(1).max(10_000),
    /** When it happened, if not now (a scribe catching up). */
    occurredAt: z.number().int().optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    keyEvent: z.boolean().default(false),
    mentionIds: z.array(z.number().int().positive()).max(100).optional(),
  }),
  'timeline.update': z.strictObject({
    id: z.number().int().positive(),
    occurredAt: z.number().int().optional(),
    keyEvent: z.boolean().optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    reason: z.string().max(2000).optional(),
  }),
  'timeline.edits': z.strictObject({ id: z.number().int().positive() }),
  'timeline.facets': z.strictObject({ incidentId: id }),
  'timeline.updateTimer': z.strictObject({ incidentId: id }),
};

type In<K extends keyof typeof analyticsSchemas> = z.input<(typeof analyticsSchemas)[K]>;

export type AnalyticsApi = {
  'analytics.dashboard': (q: In<'analytics.dashboard'>) => Dashboard;
  'analytics.shareOfVoice': (q: In<'analytics.shareOfVoice'>) => ShareOfVoice;
  'analytics.topAuthors': (q: In<'analytics.topAuthors'>) => TopAuthors;
  'analytics.topTerms': (q: In<'analytics.topTerms'>) => TopTerms;
  /** The texts several accounts posted word for word (a copy-paste campaign), among the filter's newest mentions. */
  'analytics.copies': (q: In<'analytics.copies'>) => Copies;
  'topics.list': (q: In<'topics.list'>) => Topic[];
  'topics.save': (q: In<'topics.save'>) => Topic;
  'topics.remove': (q: In<'topics.remove'>) => { removed: boolean };
  'alerts.list': (q: In<'alerts.list'>) => Alert[];
  'alerts.acknowledge': (q: In<'alerts.acknowledge'>) => Alert;
  'alerts.settings': (q: In<'alerts.settings'>) => AlertSettings;
  'alerts.saveSettings': (q: In<'alerts.saveSettings'>) => AlertSettings;
  /** Runs the detectors now (they also run after every import and scoring pass); returns the alerts raised. */
  'alerts.evaluate': (q: In<'alerts.evaluate'>) => Alert[];
  'timeline.list': (q: In<'timeline.list'>) => TimelineEntry[];
  'timeline.add': (q: In<'timeline.add'>) => TimelineEntry;
  /** Corrects the event time (the original is kept), the key-event flag or the tags; each change is recorded. */
  'timeline.update': (q: In<'timeline.update'>) => TimelineEntry;
  'timeline.edits': (q: In<'timeline.edits'>) => TimelineEdit[];
  'timeline.facets': (q: In<'timeline.facets'>) => { authors: string[]; tags: string[] };
  /** When the next public update is due (null unless the incident is active or contained); a public update on the timeline resets it. */
  'timeline.updateTimer': (q: In<'timeline.updateTimer'>) => UpdateTimer | null;
};
