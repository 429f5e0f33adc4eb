import type { Database } from 'better-sqlite3';
import type { Actor } from '../../shared/domain';
import { recordChange, type TrackedTable } from './field-history';
import type { TimelineRepo } from './timeline/timeline-repo';

/**
 * A record that is closed with what was said (a stakeholder informed or not needed, a claim answered or not
 * answered): who closed it and when follow its status. `timed` is the status that happened at a time people may give
 * (informed at, answered at: a call or a post made before anyone logged it), kept as `timedField` in the history.
 * Its timeline line is found by `refKey` in the entry's ref.
 */
export type ClosingRecord = {
  tracked: TrackedTable;
  closed: readonly string[];
  timed: string;
  timedField: string;
  /** The timeline kind of a closing line is `${kindPrefix}.${status}`. */
  kindPrefix: string;
  refKey: string;
};

/**
 * Closes, reopens or re-times the record after its fields were written: closed by the actor at the time given (else
 * now; the timed status keeps its time unless a new one is given), with a line on the timeline written by
 * `writeLine`; cleared when reopened. A corrected time is kept in the history and moves the line, as a correction the
 * timeline keeps (the first time stays known).
 */
export function followStatus(
  db: Database, timeline: TimelineRepo, r: ClosingRecord,
  before: { id: number; incidentId: string; status: string; closedAt: number | null },
  status: string, givenAt: number | undefined, actor: Actor, at: number, writeLine: (closedAt: number) => void,
): void {
  const closedAt = status === r.timed ? (givenAt ?? (status === before.status && before.closedAt !== null ? before.closedAt : at)) : at;
  if (status !== before.status) {
    const closed = r.closed.includes(status);
    db.prepare(`UPDATE ${r.tracked.table} SET closed_by = ?, closed_at = ? WHERE id = ?`).run(closed ? actor.name : null, closed ? closedAt : null, before.id);
    if (closed) writeLine(closedAt);
  } else if (status === r.timed && closedAt !== before.closedAt) {
    db.prepare(`UPDATE ${r.tracked.table} SET closed_at = ?, updated_at = ? WHERE id = ?`).run(closedAt, at, before.id);
    recordChange(db, r.tracked, before.id, r.timedField, before.closedAt, closedAt, actor, at);
    const line = db
      .prepare(`SELECT id FROM timeline_entries WHERE incident_id = ? AND kind = ? AND json_extract(ref, '$.${r.refKey}') = ? ORDER BY id DESC LIMIT 1`)
      .pluck().get(before.incidentId, `${r.kindPrefix}.${r.timed}`, before.id) as number | undefined;
    if (line !== undefined) timeline.update(line, { occurredAt: closedAt }, actor);
  }
}
