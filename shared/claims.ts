/**
 * Claims: what people say about the brand that the room must check and answer — a rumour, a false or misleading
 * claim, a half-truth — each with the facts, the words that find it among the mentions, and the brand's answer.
 * Disinformation is fought claim by claim, with one answer everyone gives (a record, like the press desk's).
 */
export const CLAIM_VERDICTS = ['false', 'misleading', 'unverified', 'true'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** to answer → answered, or not answering (deliberately: answering would spread it further; why is said). */
export const CLAIM_STATUSES = ['to_answer', 'answered', 'not_answering'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Statuses that close one: the answer given (or why none is) must be recorded. */
export const CLOSED_CLAIM_STATUSES: readonly ClaimStatus[] = ['answered', 'not_answering'];

/** How a claim moves: over the last SPREAD_WINDOW_HOURS hours of mentions against the same length before. */
export const CLAIM_TRENDS = ['rising', 'steady', 'falling', 'quiet', 'unseen'] as const;
export type ClaimTrend = (typeof CLAIM_TRENDS)[number];

/** Hours shown on a claim's spread line, and the hours its trend compares (the latest against the ones before). */
export const SPREAD_HOURS = 24;
export const SPREAD_WINDOW_HOURS = 3;

/**
 * How far a claim has spread among the incident's mentions, counted against the latest mention imported (imports come
 * in batches: "the last hours" are those of the data, not of the clock).
 */
export type ClaimSpread = {
  /** Mentions carrying it, of them negative. */
  total: number;
  negative: number;
  firstSeen: number | null;
  lastSeen: number | null;
  /** Mentions per hour over the SPREAD_HOURS hours up to `until` (the incident's latest mention), oldest first. */
  hours: number[];
  until: number | null;
  trend: ClaimTrend;
  /** Once answered: the mentions in the `minutes` after the answer (up to `until`, SPREAD_HOURS at most) and in as many before it. */
  afterAnswer: { minutes: number; before: number; after: number } | null;
};

export type Claim = {
  id: number;
  incidentId: string;
  /** The claim as people make it ("Children were hospitalised after drinking it"). */
  claim: string;
  /** Words, phrases or hashtags that find it among the mentions: any of them (folded as the search folds). */
  terms: string[];
  verdict: ClaimVerdict;
  /** What is true, as the brand can show it. */
  facts: string;
  /** Where the facts come from: a lab report, an authority's statement, a link. */
  source: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  status: ClaimStatus;
  /** The brand's answer, as given (or why it is not answered). */
  answer: string;
  /** The approved statement the answer was taken from (its version); null for own words. */
  statementId: string | null;
  statementVersion: number | null;
  statementTitle: string | null;
  /** Who answered it (or decided not to) and when it was answered. */
  closedBy: string | null;
  closedAt: number | null;
  createdBy: string;
  createdAt: number;
  spread: ClaimSpread;
};

export type ClaimEvent = { id: number; claimId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/** `spreading`: still to answer and rising or steady among the latest mentions. */
export type ClaimCounts = { total: number; toAnswer: number; spreading: number; answered: number };

/** A claim a mention carries, for whoever answers that mention. */
export type MentionClaim = Pick<Claim, 'id' | 'claim' | 'verdict' | 'facts' | 'status' | 'answer' | 'statementTitle' | 'ownerPersonName'>;

/**
 * The trend of a claim from its hourly counts (oldest first): the last SPREAD_WINDOW_HOURS against the as many before.
 * A change of less than three mentions is steady, whatever its ratio (one post against none is not a surge).
 */
export function claimTrend(hours: readonly number[], total: number): ClaimTrend {
  if (total === 0) return 'unseen';
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const last = sum(hours.slice(-SPREAD_WINDOW_HOURS));
  const before = sum(hours.slice(-2 * SPREAD_WINDOW_HOURS, -SPREAD_WINDOW_HOURS));
  if (last === 0 && before === 0) return 'quiet';
  if (last - before >= 3 && last >= 1.5 * before) return 'rising';
  if (before - last >= 3 && last <= before / 1.5) return 'falling';
  return 'steady';
}

/** Still to answer and not gone quiet: what the room should answer first. */
export function isSpreading(c: Pick<Claim, 'status'> & { spread: Pick<ClaimSpread, 'trend'> }): boolean {
  return c.status === 'to_answer' && (c.spread.trend === 'rising' || c.spread.trend === 'steady');
}
