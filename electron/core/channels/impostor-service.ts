import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { impostorAuthor, type Impostor, type ImpostorEvent, type ImpostorStatus, type OwnPlatform } from '../../../shared/own-channels';
import { readHistory, recordChange, recordChanges } from '../field-history';
import { notFound } from '../said-error';
import { givenTime } from '../clock-skew';
import { quotedDetail, systemLine } from '../timeline/system-line';
import type { TimelineRepo } from '../timeline/timeline-repo';

type ImpostorRow = {
  id: number; incident_id: string; platform: OwnPlatform; handle: string; url: string; status: ImpostorStatus; report_ref: string; note: string;
  spotted_at: number; reported_at: number | null; removed_at: number | null; created_by: string; created_at: number;
};

export type ImpostorInput = { platform: OwnPlatform; handle: string; url: string; reportRef: string; note: string; spottedAt?: number };
/** `at`: when it was reported or removed (the status given), if earlier than now. */
export type ImpostorPatch = Partial<Omit<ImpostorInput, 'spottedAt'> & { status: ImpostorStatus; at: number }>;

const TRACKED = { table: 'impostors', events: 'impostor_events', key: 'impostor_id' };
const COLUMNS = { platform: 'platform', handle: 'handle', url: 'url', reportRef: 'report_ref', note: 'note', status: 'status' } as const;
const STATUS_ORDER = { spotted: 0, reported: 1, removed: 2 } as const;
/** The time each status is reached at, and its line on the timeline. */
const TIMED = { reported: { column: 'reported_at', field: 'reportedAt', line: 'impostorReported' }, removed: { column: 'removed_at', field: 'removedAt', line: 'impostorRemoved' } } as const;

/**
 * Accounts posing as the brand in an incident, from spotted to reported to removed by their platform: never deleted,
 * every change kept with who and when; spotting one, reporting it and its removal go on the timeline at the time they
 * happened. `countPosts` counts an account's posts among the incident's mentions, as the explorer's author filter does.
 */
export class ImpostorService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly countPosts: (incidentId: string, author: string) => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Not reported yet first, then reported, then removed; the latest spotted first within each. */
  list(incidentId: string): Impostor[] {
    const rows = this.db.prepare('SELECT * FROM impostors WHERE incident_id = ?').all(incidentId) as ImpostorRow[];
    return rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.spotted_at - a.spotted_at || a.id - b.id).map((r) => this.toImpostor(r));
  }

  get(id: number): Impostor {
    const row = this.db.prepare('SELECT * FROM impostors WHERE id = ?').get(id) as ImpostorRow | undefined;
    if (!row) throw notFound('impostor', id);
    return this.toImpostor(row);
  }

  add(incidentId: string, input: ImpostorInput, actor: Actor): Impostor {
    return this.db.transaction(() => {
      const at = this.now();
      const spottedAt = givenTime(input.spottedAt, at, 'impostorInFuture');
      const r = this.db
        .prepare(`INSERT INTO impostors (incident_id, platform, handle, url, report_ref, note, spotted_at, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(incidentId, input.platform, input.handle, input.url, input.reportRef, input.note, spottedAt, actor.name, at, at);
      const id = Number(r.lastInsertRowid);
      this.writeLine(incidentId, id, 'impostorSpotted', 'impostor.spotted', input, spottedAt, actor, input.note);
      return this.get(id);
    })();
  }

  /** Records each changed field; reaching reported or removed sets its time (given, else now) and writes its line; going back clears the later times. */
  update(id: number, patch: ImpostorPatch, actor: Actor): Impostor {
    return this.db.transaction(() => {
      const before = this.get(id);
      const at = this.now();
      const when = patch.status && patch.status !== before.status ? givenTime(patch.at, at, 'impostorInFuture') : undefined;
      recordChanges(this.db, TRACKED, before, patch, COLUMNS, actor, at);
      if (when === undefined || !patch.status) return this.get(id);
      const reached = STATUS_ORDER[patch.status];
      for (const [status, t] of Object.entries(TIMED) as [keyof typeof TIMED, (typeof TIMED)[keyof typeof TIMED]][]) {
        const value = status === patch.status ? when : STATUS_ORDER[status] > reached ? null : undefined;
        if (value === undefined || value === before[t.field]) continue;
        this.db.prepare(`UPDATE impostors SET ${t.column} = ? WHERE id = ?`).run(value, id);
        recordChange(this.db, TRACKED, id, t.field, before[t.field], value, actor, at);
      }
      if (patch.status !== 'spotted') {
        const t = TIMED[patch.status];
        const after = { ...before, ...patch };
        this.writeLine(before.incidentId, id, t.line, `impostor.${patch.status}`, after, when, actor, patch.status === 'reported' ? after.reportRef : (patch.note ?? ''));
      }
      return this.get(id);
    })();
  }

  history(id: number): ImpostorEvent[] {
    this.get(id);
    return readHistory(this.db, TRACKED, id).map((change) => ({ ...change, impostorId: id }));
  }

  private writeLine(incidentId: string, id: number, key: 'impostorSpotted' | 'impostorReported' | 'impostorRemoved', kind: string, i: { platform: OwnPlatform; handle: string }, at: number, actor: Actor, detail: string): void {
    const { text, line } = systemLine(key, { name: i.handle, channel: i.platform }, detail.trim() ? quotedDetail(detail.trim()) : null);
    this.timeline.add({ incidentId, kind, author: actor.name, role: actor.role, occurredAt: at, text, ref: { impostorId: id, line } });
  }

  private toImpostor(r: ImpostorRow): Impostor {
    return {
      id: r.id, incidentId: r.incident_id, platform: r.platform, handle: r.handle, url: r.url, status: r.status, reportRef: r.report_ref, note: r.note,
      spottedAt: r.spotted_at, reportedAt: r.reported_at, removedAt: r.removed_at, createdBy: r.created_by, createdAt: r.created_at,
      mentions: this.countPosts(r.incident_id, impostorAuthor(r.handle)),
    };
  }
}
