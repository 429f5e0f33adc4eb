import type { Database } from 'better-sqlite3';
import type { ChannelStatement, ChannelWaiting } from '../../../shared/own-channels';
import { channelsNotOutYet, type Publication, type StatementKind } from '../../../shared/statements';

/** What the incident's statements say of each platform: published there, and approved for it but not out there. */
export type PlatformStatements = { published(platform: string): ChannelStatement[]; waiting(platform: string): ChannelWaiting[] };

type Published = { statement_id: string; title: string; version: number; published_at: number; channel: string };
type Approved = { id: string; title: string; kind: StatementKind; version: number; state: 'approved' | 'published'; channels: string; publications: string };

/**
 * Read once per list. A withdrawn statement is out of use (not listed); what waits is what the statement's own pane
 * says is not out yet (channelsNotOutYet: its approved version not published on a platform it names; never a reply
 * wording, given mention by mention).
 */
export function platformStatements(db: Database, incidentId: string): PlatformStatements {
  const published = db
    .prepare(`SELECT p.statement_id, v.title, p.version, MAX(p.published_at) AS published_at, p.channel FROM statement_publications p
      JOIN statements s ON s.id = p.statement_id JOIN statement_versions v ON v.statement_id = p.statement_id AND v.version = p.version
      WHERE s.incident_id = ? AND s.state <> 'withdrawn' GROUP BY p.channel, p.statement_id ORDER BY published_at DESC`)
    .all(incidentId) as Published[];
  const approved = db
    .prepare(`SELECT s.id, v.title, s.kind, s.version, s.state, v.channels,
        (SELECT json_group_array(json_object('channel', p.channel, 'version', p.version)) FROM statement_publications p WHERE p.statement_id = s.id) AS publications
      FROM statements s JOIN statement_versions v ON v.statement_id = s.id AND v.version = s.version
      WHERE s.incident_id = ? AND s.state IN ('approved', 'published') ORDER BY s.created_at`)
    .all(incidentId) as Approved[];
  const waiting = approved.map((a) => ({
    ...a,
    notOut: channelsNotOutYet({ ...a, channels: JSON.parse(a.channels) as string[], publications: JSON.parse(a.publications) as Pick<Publication, 'channel' | 'version'>[] }),
  }));
  return {
    published: (platform) =>
      published.filter((p) => p.channel === platform).map((p) => ({ statementId: p.statement_id, title: p.title, version: p.version, publishedAt: p.published_at })),
    waiting: (platform) =>
      waiting.filter((a) => a.notOut.includes(platform)).map((a) => ({ statementId: a.id, title: a.title, version: a.version, state: a.state })),
  };
}
