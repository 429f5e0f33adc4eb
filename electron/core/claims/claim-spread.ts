import type { Database } from 'better-sqlite3';
import { SPREAD_HOURS, claimTrend, type ClaimSpread } from '../../../shared/claims';
import { timeSpan } from '../mentions/mention-query';
import { topicFts } from '../mentions/topic-scopes';

const HOUR = 3_600_000;

/**
 * How far a claim has spread among the incident's mentions: its matches' times and sentiment, read from the narrow
 * facts through the full-text index and counted in one pass as they come (a claim in half of a million mentions is
 * 500,000 short rows: never held at once). `until`: the incident's latest mention, read once per list.
 */
export function claimSpread(db: Database, incidentId: string, terms: readonly string[], answeredAt: number | null, until = timeSpan(db, incidentId).last): ClaimSpread {
  const fts = topicFts(terms); // any of its words, as a share-of-voice topic's
  const hours = new Array<number>(SPREAD_HOURS).fill(0);
  // Once answered: the mentions in the time since the answer (up to the latest mention, a day at most) and in as long before it.
  const span = answeredAt !== null && until !== null && until > answeredAt ? Math.min(until - answeredAt, SPREAD_HOURS * HOUR) : null;
  let total = 0;
  let negative = 0;
  let firstSeen: number | null = null;
  let lastSeen: number | null = null;
  let before = 0;
  let after = 0;
  if (fts && until !== null) {
    const rows = db.prepare('SELECT m.published_at, m.sentiment FROM mentions_fts f CROSS JOIN mention_facts m ON m.id = f.rowid WHERE mentions_fts MATCH ? AND m.incident_id = ?').raw().iterate(fts, incidentId) as Iterable<[number, number | null]>;
    for (const [at, sentiment] of rows) {
      total++;
      if (sentiment === -1) negative++;
      firstSeen = firstSeen === null || at < firstSeen ? at : firstSeen;
      lastSeen = lastSeen === null || at > lastSeen ? at : lastSeen;
      // Hour i counts (until - (SPREAD_HOURS - i) h, until - (SPREAD_HOURS - i - 1) h]: the last one ends at the latest mention.
      const back = Math.floor((until - at) / HOUR);
      if (back >= 0 && back < SPREAD_HOURS) hours[SPREAD_HOURS - 1 - back]++;
      if (span !== null && at > answeredAt! && at <= answeredAt! + span) after++;
      else if (span !== null && at <= answeredAt! && at > answeredAt! - span) before++;
    }
  }
  return {
    total, negative, firstSeen, lastSeen, hours, until: total ? until : null,
    trend: claimTrend(hours, total),
    afterAnswer: span === null ? null : { minutes: Math.round(span / 60_000), before, after },
  };
}

/** How many of the incident's mentions published since `since` carry the claim (a situation report's period). */
export function claimMentionsSince(db: Database, incidentId: string, terms: readonly string[], since: number): number {
  const fts = topicFts(terms);
  if (!fts) return 0;
  return db
    .prepare('SELECT COUNT(*) FROM mentions_fts f CROSS JOIN mention_facts m ON m.id = f.rowid WHERE mentions_fts MATCH ? AND m.incident_id = ? AND m.published_at >= ?')
    .pluck().get(fts, incidentId, since) as number;
}
