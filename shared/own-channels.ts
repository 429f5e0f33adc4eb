import { CHANNELS } from './statements';

/**
 * The brand's own channels: the accounts and pages it speaks from (an X account, a Facebook page, a Telegram channel,
 * the website's news page). In a crisis the room holds their scheduled posts (a cheerful promotion going out in the
 * middle of it is a crisis of its own), knows who holds each one's keys, sees at once when one is taken over, and
 * checks that every channel carries what was approved for it: the brand says the same thing everywhere.
 */
export const OWN_PLATFORMS = CHANNELS.filter((c) => c !== 'press' && c !== 'internal');
export type OwnPlatform = (typeof OWN_PLATFORMS)[number];

/** as usual → paused (scheduled and routine posts held) → as usual; compromised: someone else controls it. */
export const POSTING_STATES = ['as_usual', 'paused', 'compromised'] as const;
export type PostingState = (typeof POSTING_STATES)[number];

/** A statement published on the channel's platform (the latest version published there). */
export type ChannelStatement = { statementId: string; title: string; version: number; publishedAt: number };
/** A statement approved for the channel's platform and not published there yet. */
export type ChannelWaiting = { statementId: string; title: string; version: number; state: 'approved' | 'published' };

export type OwnChannel = {
  id: number;
  incidentId: string;
  platform: OwnPlatform;
  /** The account as people find it: "@NorthwindDrinks", "Northwind Orange (page)". */
  name: string;
  /** Its address (http or https), or ''. */
  url: string;
  /** Who holds its keys (the login, the two-factor device): the person to call to post, pause or lock it. */
  keeperPersonId: string | null;
  keeperPersonName: string | null;
  posting: PostingState;
  /** Since when it is in that state (a pause made before anyone logged it keeps its own time). */
  postingSince: number;
  note: string;
  createdBy: string;
  createdAt: number;
  /** What the room published on this platform, the latest first. */
  published: ChannelStatement[];
  /** Approved for this platform and not out on it yet: the channel is behind the others. */
  waiting: ChannelWaiting[];
};

export type OwnChannelEvent = { id: number; ownChannelId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/**
 * `compromised`: taken over now; `waiting`: channels with an approved statement not out on them; `paused`: holding
 * posts; `unreported`: accounts posing as the brand nobody has reported to their platform yet.
 */
export type OwnChannelCounts = { total: number; paused: number; compromised: number; waiting: number; unreported: number };

/** A channel of the brand listed in an earlier crisis or this one: picked when adding one (the brand's accounts stay the same). */
export type KnownChannel = { platform: OwnPlatform; name: string; url: string; keeperPersonId: string | null; lastAt: number };

/** The timeline line a move from `from` to `to` writes: regaining an account is its own news. */
export function postingLine(from: PostingState, to: PostingState): 'channelPaused' | 'channelResumed' | 'channelCompromised' | 'channelRecovered' {
  if (to === 'compromised') return 'channelCompromised';
  if (from === 'compromised') return 'channelRecovered';
  return to === 'paused' ? 'channelPaused' : 'channelResumed';
}

/** spotted → reported to the platform → removed by it (going back clears the times after it). */
export const IMPOSTOR_STATUSES = ['spotted', 'reported', 'removed'] as const;
export type ImpostorStatus = (typeof IMPOSTOR_STATUSES)[number];

/**
 * An account posing as the brand: a fake "support" account offering refunds for card details, a copy of the brand's
 * page spreading the false claims. The room reports it to its platform and warns people on the brand's own channels.
 */
export type Impostor = {
  id: number;
  incidentId: string;
  platform: OwnPlatform;
  /** As it shows itself: "@NorthwindRefunds". */
  handle: string;
  url: string;
  status: ImpostorStatus;
  /** The platform's case or ticket number, once reported. */
  reportRef: string;
  note: string;
  spottedAt: number;
  reportedAt: number | null;
  removedAt: number | null;
  createdBy: string;
  createdAt: number;
  /** Its posts among the incident's mentions (by its handle, as the explorer's author filter finds them). */
  mentions: number;
};

export type ImpostorEvent = { id: number; impostorId: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/** The handle as the mentions store it (without the @ people type): the explorer's author filter. */
export function impostorAuthor(handle: string): string {
  return handle.trim().replace(/^@/, '');
}
