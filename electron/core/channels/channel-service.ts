import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { postingLine, type KnownChannel, type OwnChannel, type OwnChannelCounts, type OwnChannelEvent, type OwnPlatform, type PostingState } from '../../../shared/own-channels';
import { readHistory, recordChange, recordChanges } from '../field-history';
import { notFound } from '../said-error';
import { requirePerson } from '../team/require-person';
import { givenTime } from '../clock-skew';
import { quotedDetail, systemLine } from '../timeline/system-line';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { platformStatements, type PlatformStatements } from './channel-statements';

type ChannelRow = {
  id: number; incident_id: string; platform: OwnPlatform; name: string; url: string; keeper_person_id: string | null; keeper_person_name: string | null;
  posting: PostingState; posting_since: number; note: string; created_by: string; created_at: number;
};

export type ChannelInput = { platform: OwnPlatform; name: string; url: string; keeperPersonId: string | null; note: string; posting: PostingState; postingSince?: number };
export type ChannelPatch = Partial<ChannelInput>;

const CHANNEL_SQL = 'SELECT c.*, p.name AS keeper_person_name FROM own_channels c LEFT JOIN people p ON p.id = c.keeper_person_id';
const TRACKED = { table: 'own_channels', events: 'own_channel_events', key: 'own_channel_id' };
const COLUMNS = { platform: 'platform', name: 'name', url: 'url', keeperPersonId: 'keeper_person_id', note: 'note', posting: 'posting' } as const;
const POSTING_ORDER = { compromised: 0, paused: 1, as_usual: 2 } as const;
const KNOWN_LIMIT = 200;

/**
 * The brand's own channels in an incident: who holds each one's keys, whether its posts are held or it has been taken
 * over, and what the room's statements say on it. Never deleted; each change kept with who and when. Every change of
 * posting goes on the timeline at the time it happened.
 */
export class ChannelService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly now: () => number = Date.now,
  ) {}

  /** Taken over first, then held, then as usual; by platform and name within each. */
  list(incidentId: string): OwnChannel[] {
    const statements = platformStatements(this.db, incidentId);
    const rows = this.db.prepare(`${CHANNEL_SQL} WHERE c.incident_id = ?`).all(incidentId) as ChannelRow[];
    return rows
      .map((r) => toChannel(r, statements))
      .sort((a, b) => POSTING_ORDER[a.posting] - POSTING_ORDER[b.posting] || a.platform.localeCompare(b.platform) || a.name.localeCompare(b.name) || a.id - b.id);
  }

  get(id: number): OwnChannel {
    const row = this.db.prepare(`${CHANNEL_SQL} WHERE c.id = ?`).get(id) as ChannelRow | undefined;
    if (!row) throw notFound('channel', id);
    return toChannel(row, platformStatements(this.db, row.incident_id));
  }

  add(incidentId: string, input: ChannelInput, actor: Actor): OwnChannel {
    return this.db.transaction(() => {
      if (input.keeperPersonId) requirePerson(this.db, input.keeperPersonId);
      const at = this.now();
      const since = givenTime(input.postingSince, at, 'postingInFuture');
      const r = this.db
        .prepare(`INSERT INTO own_channels (incident_id, platform, name, url, keeper_person_id, posting, posting_since, note, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(incidentId, input.platform, input.name, input.url, input.keeperPersonId, input.posting, since, input.note, actor.name, at, at);
      const id = Number(r.lastInsertRowid);
      // Listed already held or lost: that is news of its own for the timeline.
      if (input.posting !== 'as_usual') this.writeLine(id, incidentId, input, 'as_usual', input.posting, since, actor, input.note);
      return this.get(id);
    })();
  }

  /** Records each changed field; a new posting state (at the time given, else now) goes on the timeline. */
  update(id: number, patch: ChannelPatch, actor: Actor): OwnChannel {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (patch.keeperPersonId) requirePerson(this.db, patch.keeperPersonId);
      const at = this.now();
      const moved = patch.posting !== undefined && patch.posting !== before.posting;
      const since = moved ? givenTime(patch.postingSince, at, 'postingInFuture') : undefined;
      recordChanges(this.db, TRACKED, before, patch, COLUMNS, actor, at);
      if (moved && since !== undefined && patch.posting) {
        this.db.prepare('UPDATE own_channels SET posting_since = ? WHERE id = ?').run(since, id);
        recordChange(this.db, TRACKED, id, 'postingSince', before.postingSince, since, actor, at);
        // The note written with the move says why (a login alert nobody asked for): it goes on the line.
        this.writeLine(id, before.incidentId, { ...before, ...patch }, before.posting, patch.posting, since, actor, patch.note !== undefined && patch.note !== before.note ? patch.note : '');
      }
      return this.get(id);
    })();
  }

  history(id: number): OwnChannelEvent[] {
    this.get(id);
    return readHistory(this.db, TRACKED, id).map((change) => ({ ...change, ownChannelId: id }));
  }

  counts(incidentId: string): OwnChannelCounts {
    const all = this.list(incidentId);
    return {
      total: all.length,
      paused: all.filter((c) => c.posting === 'paused').length,
      compromised: all.filter((c) => c.posting === 'compromised').length,
      waiting: all.filter((c) => c.waiting.length > 0).length,
      unreported: this.db.prepare("SELECT COUNT(*) FROM impostors WHERE incident_id = ? AND status = 'spotted'").pluck().get(incidentId) as number,
    };
  }

  /** The brand's channels listed in any incident, one per platform and name (the latest listing), newest first. */
  known(limit = KNOWN_LIMIT): KnownChannel[] {
    type Row = { platform: OwnPlatform; name: string; url: string; keeper_person_id: string | null; created_at: number };
    const rows = this.db.prepare('SELECT platform, name, url, keeper_person_id, created_at FROM own_channels ORDER BY created_at DESC, id DESC').iterate() as Iterable<Row>;
    const byKey = new Map<string, KnownChannel>();
    for (const r of rows) {
      const key = `${r.platform}\n${r.name.toLocaleLowerCase()}`;
      if (!byKey.has(key)) byKey.set(key, { platform: r.platform, name: r.name, url: r.url, keeperPersonId: r.keeper_person_id, lastAt: r.created_at });
      if (byKey.size >= limit) break;
    }
    return [...byKey.values()];
  }

  /** The brand's known channels the incident does not list yet, added as usual (the added ones). */
  addKnown(incidentId: string, actor: Actor): OwnChannel[] {
    return this.db.transaction(() => {
      const listed = new Set(this.list(incidentId).map((c) => `${c.platform}\n${c.name.toLocaleLowerCase()}`));
      return this.known()
        .filter((k) => !listed.has(`${k.platform}\n${k.name.toLocaleLowerCase()}`))
        .map((k) => this.add(incidentId, { platform: k.platform, name: k.name, url: k.url, keeperPersonId: k.keeperPersonId, note: '', posting: 'as_usual' }, actor));
    })();
  }

  private writeLine(id: number, incidentId: string, c: { platform: OwnPlatform; name: string }, from: PostingState, to: PostingState, at: number, actor: Actor, note: string): void {
    const { text, line } = systemLine(postingLine(from, to), { name: c.name, channel: c.platform }, note.trim() ? quotedDetail(note.trim()) : null);
    this.timeline.add({ incidentId, kind: `channel.${to}`, author: actor.name, role: actor.role, occurredAt: at, text, ref: { ownChannelId: id, line } });
  }
}

function toChannel(r: ChannelRow, statements: PlatformStatements): OwnChannel {
  return {
    id: r.id, incidentId: r.incident_id, platform: r.platform, name: r.name, url: r.url, keeperPersonId: r.keeper_person_id, keeperPersonName: r.keeper_person_name,
    posting: r.posting, postingSince: r.posting_since, note: r.note, createdBy: r.created_by, createdAt: r.created_at,
    published: statements.published(r.platform), waiting: statements.waiting(r.platform),
  };
}
