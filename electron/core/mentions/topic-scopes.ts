import type { Database } from 'better-sqlite3';
import type { TopicScope } from './mention-counts';
import { foldText } from '../text-fold';

/**
 * A topic's (or a claim's) words as one FTS5 expression: any of them, each a quoted phrase (a hashtag matches its
 * word), folded as the index is. A trailing `*` keeps the last word's beginning: `hospital*` finds "hospitalised",
 * `больниц*` every case of "больница".
 */
export function topicFts(terms: readonly string[]): string | null {
  const parts = terms.flatMap((t) => {
    const prefix = /\*\s*$/.test(t);
    const words = foldText(t.replace(/^#/, '').replace(/["*]/g, ' ').trim());
    return words ? [`"${words}"${prefix ? '*' : ''}`] : [];
  });
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
