import type { Database } from 'better-sqlite3';
import type { ReportMetrics, Span } from '../../../shared/review';
import { median } from './hourly-counts';

/**
 * The brand's own channels over the crisis, read from the timeline (each change of posting writes a line at the time
 * it happened, corrected times included): how many held their posts and how soon after detection the first did; the
 * accounts taken over and the longest one was out of the brand's hands (still lost: until `asOf`).
 */
export function channelMetrics(db: Database, incidentId: string, detectedAt: number | null, asOf: number): ReportMetrics['channels'] {
  const listed = db.prepare('SELECT COUNT(*) FROM own_channels WHERE incident_id = ?').pluck().get(incidentId) as number;
  const lines = db
    .prepare(`SELECT json_extract(ref, '$.ownChannelId') AS channel, kind, occurred_at FROM timeline_entries
      WHERE incident_id = ? AND kind LIKE 'channel.%' ORDER BY occurred_at, id`)
    .all(incidentId) as { channel: number; kind: string; occurred_at: number }[];
  const paused = new Set<number>();
  const lostSince = new Map<number, number>();
  const lostFor = new Map<number, number>();
  let firstPause: number | null = null;
  for (const l of lines) {
    const since = lostSince.get(l.channel);
    if (since !== undefined) {
      lostFor.set(l.channel, Math.max(lostFor.get(l.channel) ?? 0, l.occurred_at - since));
      lostSince.delete(l.channel);
    }
    if (l.kind === 'channel.paused') {
      paused.add(l.channel);
      firstPause ??= l.occurred_at;
    }
    if (l.kind === 'channel.compromised') lostSince.set(l.channel, l.occurred_at);
  }
  for (const [channel, since] of lostSince) lostFor.set(channel, Math.max(lostFor.get(channel) ?? 0, asOf - since));
  const longest: Span = lostFor.size ? Math.max(...lostFor.values()) : null;
  return {
    listed,
    paused: paused.size,
    detectionToPauseMs: detectedAt === null || firstPause === null ? null : firstPause - detectedAt,
    lost: lostFor.size,
    longestLostMs: longest,
  };
}

/** Accounts posing as the brand: how many were spotted, how many their platforms removed, and how fast (the median). */
export function impostorMetrics(db: Database, incidentId: string): ReportMetrics['impostors'] {
  const rows = db.prepare('SELECT spotted_at, removed_at FROM impostors WHERE incident_id = ?').all(incidentId) as { spotted_at: number; removed_at: number | null }[];
  const removed = rows.filter((r) => r.removed_at !== null);
  return { spotted: rows.length, removed: removed.length, medianToRemovalMs: median(removed.map((r) => r.removed_at! - r.spotted_at)) };
}
