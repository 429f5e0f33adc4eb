/** Counts by shown sentiment; `unrated` = no tool value and not scored yet. */
export type SentimentCounts = { negative: number; neutral: number; positive: number; unrated: number };

export const BUCKETS = { '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type BucketSize = keyof typeof BUCKETS;

export type VolumePoint = SentimentCounts & { t: number };

export type Breakdown = SentimentCounts & { value: string };

export type Dashboard = {
  bucket: BucketSize;
  volume: VolumePoint[];
  platforms: Breakdown[];
  langs: Breakdown[];
  total: number;
  /**
   * `rollup` when the filter allows the pre-aggregated counts, `mentions` when it needs the rows (text, author, ...),
   * `memory` for a search answered from the in-memory copy of the mentions' facts.
   */
  source: 'rollup' | 'mentions' | 'memory';
};

export const TOPIC_KINDS = ['brand', 'competitor', 'topic'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export type Topic = { id: number; incidentId: string; name: string; kind: TopicKind; terms: string[] };
export type ShareOfVoice = { topics: (SentimentCounts & { id: number; name: string; kind: TopicKind; total: number })[] };

export type TopAuthor = { author: string; handle: string | null; platform: string; mentions: number; reach: number | null; followers: number | null; influencer: boolean; repeat: boolean };
/** `negatives`: all negative mentions in the filter; `sample`: how many of the newest were grouped (`sampled` when fewer). */
export type TopAuthors = { byReach: TopAuthor[]; byFollowers: TopAuthor[]; negatives: number; sample: number; sampled: boolean };

/**
 * One text posted word for word (links, @handles and punctuation aside) by several accounts: a copy-paste campaign,
 * bots, or a call to "share before they delete it". `mentionId` and `text`: its earliest post in the sample.
 */
export type CopyGroup = {
  mentionId: number;
  text: string;
  mentions: number;
  accounts: number;
  platforms: string[];
  first: number;
  last: number;
  /** The middle follower count of its accounts (null: the export gave none). Low: throwaway accounts. */
  medianFollowers: number | null;
};
/** A text from fewer accounts than this is one person repeating themselves (the top authors' "repeat author"). */
export const MIN_COPY_ACCOUNTS = 3;
/** `sample`: how many of the newest mentions were compared (`sampled` when the filter holds more). */
export type Copies = { groups: CopyGroup[]; sample: number; sampled: boolean };

export type TermLift = { term: string; hashtag: boolean; count: number; share: number; baselineCount: number; baselineShare: number; z: number };
export type TopTerms = { terms: TermLift[]; negatives: number; baseline: { kind: 'before' | 'rest'; mentions: number }; sampled: boolean };

export const SENSITIVITIES = ['low', 'medium', 'high'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export type AlertSettings = {
  sensitivity: Sensitivity;
  /** Fewer mentions than this in a window never alarm. */
  minCount: number;
  /** Window compared against the `baselineWindows` before it. */
  windowMinutes: number;
  baselineWindows: number;
  /** An author with at least this many followers posting a negative mention raises an alert. */
  followerThreshold: number;
  newTerms: boolean;
  /** Alert when at least `copyAccounts` accounts post the same words within one window (a copy-paste campaign). */
  copies: boolean;
  copyAccounts: number;
};

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  sensitivity: 'medium',
  minCount: 20,
  windowMinutes: 60,
  baselineWindows: 12,
  followerThreshold: 100_000,
  newTerms: true,
  copies: true,
  copyAccounts: 10,
};

export const ALERT_KINDS = ['volume', 'negative_share', 'influencer', 'new_term', 'copies'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type Alert = {
  id: number;
  incidentId: string;
  kind: AlertKind;
  windowStart: number;
  windowEnd: number;
  observed: number;
  baseline: number | null;
  /** `text`: the copied words as first posted (copies), cut to a line. */
  detail: { z?: number; author?: string; platform?: string; followers?: number; term?: string; share?: number; mentionId?: number; text?: string; accounts?: number };
  /** The explorer filter that shows the mentions behind the alert. */
  filter: { from?: number; to?: number; sentiment?: ('negative' | 'neutral' | 'positive' | 'unrated')[]; author?: string; query?: string; copyOf?: number };
  raisedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
};

/** Entries people write; the rest (imports, alerts, status and level changes) are written by Firebreak. */
export const TIMELINE_KINDS = ['observation', 'decision', 'action', 'public_update', 'note'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * A line Firebreak writes on the timeline, as a key of `timeline.line` in the UI strings and what it quotes (names,
 * figures, the file), so each reader sees it in their language; the entry's `text` holds it in English.
 */
export const SYSTEM_LINES = ['imported', 'roleAssigned', 'roleEnded', 'escalated', 'published', 'playbookApplied', 'sitrepSent', 'enquiryReceived', 'enquiryAnswered', 'enquiryDeclined', 'stakeholderInformed', 'stakeholderNotNeeded', 'claimLogged', 'claimAnswered', 'claimNotAnswered', 'channelPaused', 'channelResumed', 'channelCompromised', 'channelRecovered', 'impostorSpotted', 'impostorReported', 'impostorRemoved'] as const;
export type SystemLine = { key: (typeof SYSTEM_LINES)[number]; params: Record<string, string | number> };

export type TimelineEntry = {
  id: number;
  incidentId: string;
  /** A person's kind (TIMELINE_KINDS) or a system kind such as `alert.raised`, `import.finished`, `incident.status`. */
  kind: string;
  /** When it happened; corrected times keep the first value in `originalOccurredAt`. */
  occurredAt: number;
  originalOccurredAt: number | null;
  author: string;
  role: string;
  text: string;
  tags: string[];
  keyEvent: boolean;
  ref: { alertId?: number; batchId?: string; field?: string; from?: string | null; to?: string | null; mentionIds?: number[]; taskId?: number; seedKey?: string; playbookId?: string; statementId?: string; enquiryId?: number; stakeholderId?: number; claimId?: number; ownChannelId?: number; impostorId?: number; line?: SystemLine } | null;
  createdAt: number;
};

export type TimelineEdit = { field: string; oldValue: string | null; newValue: string | null; reason: string | null; editedBy: string; editedAt: number };
