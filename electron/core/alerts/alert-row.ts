import type { Database } from 'better-sqlite3';
import type { Alert, AlertKind } from '../../../shared/analytics';

export type AlertRow = {
  id: number; incident_id: string; kind: AlertKind; window_start: number; window_end: number; observed: number; baseline: number | null;
  detail: string; filter: string; raised_at: number; acknowledged_by: string | null; acknowledged_at: number | null;
};

export const toAlert = (r: AlertRow): Alert => ({
  id: r.id, incidentId: r.incident_id, kind: r.kind, windowStart: r.window_start, windowEnd: r.window_end, observed: r.observed,
  baseline: r.baseline, detail: JSON.parse(r.detail) as Alert['detail'], filter: JSON.parse(r.filter) as Alert['filter'],
  raisedAt: r.raised_at, acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at,
});

/** An incident's alerts, newest first; `limit` of them, or all. */
export function alertsOf(db: Database, incidentId: string, limit = -1): Alert[] {
  return (db.prepare('SELECT * FROM alerts WHERE incident_id = ? ORDER BY window_start DESC, id DESC LIMIT ?').all(incidentId, limit) as AlertRow[]).map(toAlert);
}
