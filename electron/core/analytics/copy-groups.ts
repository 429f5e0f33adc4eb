import { MIN_COPY_ACCOUNTS, type CopyGroup } from '../../../shared/analytics';
import { accountKey } from '../mentions/account-key';
import { copyKey } from '../mentions/copies';

export type CopySample = { id: number; text: string; author: string | null; handle: string | null; platform: string; followers: number | null; at: number };

/** One text's posts: its earliest, how many, its last time, and per account its first time and largest follower count. */
type Posts = { key: string; first: CopySample; mentions: number; last: number; accounts: Map<string, { at: number; followers: number }>; platforms: Set<string> };

/**
 * The mentions grouped by their words (copies.ts says what counts as the same words). Mentions naming no author are
 * counted as mentions, never as accounts: an export without authors cannot show a campaign.
 */
function byWords(rows: Iterable<CopySample>): Posts[] {
  const groups = new Map<string, Posts>();
  for (const r of rows) {
    const key = copyKey(r.text);
    if (!key) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, first: r, mentions: 0, last: r.at, accounts: new Map(), platforms: new Set() }));
    g.mentions++;
    g.last = Math.max(g.last, r.at);
    g.platforms.add(r.platform);
    if (r.at < g.first.at || (r.at === g.first.at && r.id < g.first.id)) g.first = r;
    const id = accountKey(r);
    if (id === null) continue;
    const seen = g.accounts.get(id);
    // -1: no follower count in the export.
    g.accounts.set(id, { at: Math.min(seen?.at ?? r.at, r.at), followers: Math.max(seen?.followers ?? -1, r.followers ?? -1) });
  }
  return [...groups.values()];
}

/** The texts several accounts posted word for word, most accounts first (the dashboard's card). */
export function copyGroups(rows: Iterable<CopySample>, limit = 10): CopyGroup[] {
  return byWords(rows)
    .filter((g) => g.accounts.size >= MIN_COPY_ACCOUNTS)
    .sort((a, b) => b.accounts.size - a.accounts.size || b.mentions - a.mentions || a.first.at - b.first.at)
    .slice(0, limit)
    .map((g) => ({
      mentionId: g.first.id,
      text: g.first.text,
      mentions: g.mentions,
      accounts: g.accounts.size,
      platforms: [...g.platforms].sort(),
      first: g.first.at,
      last: g.last,
      medianFollowers: median([...g.accounts.values()].map((a) => a.followers).filter((n) => n >= 0)),
    }));
}

/** A text that reached `accounts` accounts within `size` ms, from `start` (its first account in that span). */
export type CopyBurst = { key: string; start: number; accounts: number; total: number; first: CopySample };

/**
 * The texts that at least `minAccounts` accounts started posting within `size` ms of each other (each account
 * counted at its first copy), with the busiest such span: the early warning's copy-paste campaign. A campaign spread
 * thinly over days is the dashboard card's, not an alarm.
 */
export function copyBursts(rows: Iterable<CopySample>, size: number, minAccounts: number): CopyBurst[] {
  const out: CopyBurst[] = [];
  for (const g of byWords(rows)) {
    if (g.accounts.size < minAccounts) continue;
    const times = [...g.accounts.values()].map((a) => a.at).sort((a, b) => a - b);
    let best = { start: 0, accounts: 0 };
    for (let lo = 0, hi = 0; hi < times.length; hi++) {
      while (times[hi] - times[lo] >= size) lo++;
      if (hi - lo + 1 > best.accounts) best = { start: times[lo], accounts: hi - lo + 1 };
    }
    if (best.accounts >= minAccounts) out.push({ key: g.key, ...best, total: g.accounts.size, first: g.first });
  }
  return out;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = values.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
