import type { Database } from 'better-sqlite3';
import type { TopicScope } from './mention-counts';
import { foldText } from '../text-fold';

/** A topic's words as one FTS5 expression: any of them, each a quoted phrase (a hashtag matches its word), folded as the index is. */
export function topicFts(terms: readonly string[]): string | null {
  const parts = terms.map((t) => foldText(t.replace(/^#/, '').replace(/"/g, ' ').trim())).filter(Boolean).map((t) => `"${t}"`);
  return parts.length ? parts.join(' OR ') : null;
}

/** The incident's share-of-voice topics, as the counts need them. */
export function topicScopes(db: Database, incidentId: string): TopicScope[] {
  const rows = db.prepare('SELECT id, terms FROM incident_topics WHERE incident_id = ?').all(incidentId) as { id: number; terms: string }[];
  return rows.flatMap((r) => {
    const fts = topicFts(JSON.parse(r.terms) as string[]);
    return fts ? [{ id: r.id, fts }] : [];
  });
}
