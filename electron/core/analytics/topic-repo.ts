import type { Database } from 'better-sqlite3';
import type { Topic, TopicKind } from '../../../shared/analytics';
import { MentionCounts } from '../mentions/mention-counts';
import { topicFts } from '../mentions/topic-scopes';
import { notFound } from '../said-error';

export { topicFts };

type Row = { id: number; incident_id: string; name: string; kind: TopicKind; terms: string };
const toTopic = (r: Row): Topic => ({ id: r.id, incidentId: r.incident_id, name: r.name, kind: r.kind, terms: JSON.parse(r.terms) as string[] });

/** The brand, competitors and topics of an incident, each a set of words and hashtags. */
export class TopicRepo {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  list(incidentId: string): Topic[] {
    return (this.db.prepare('SELECT * FROM incident_topics WHERE incident_id = ? ORDER BY kind, id').all(incidentId) as Row[]).map(toTopic);
  }

  /** Saves a topic and counts its mentions again (one full-text query over the incident, in the same transaction). */
  save(incidentId: string, id: number | undefined, topic: Omit<Topic, 'id' | 'incidentId'>, by: string): Topic {
    return this.db.transaction(() => this.write(incidentId, id, topic, by))();
  }

  private write(incidentId: string, id: number | undefined, topic: Omit<Topic, 'id' | 'incidentId'>, by: string): Topic {
    const terms = JSON.stringify([...new Set(topic.terms.map((t) => t.trim()).filter(Boolean))]);
    if (id === undefined) {
      const r = this.db
        .prepare('INSERT INTO incident_topics (incident_id, name, kind, terms, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(incidentId, topic.name, topic.kind, terms, by, this.now());
      id = Number(r.lastInsertRowid);
    } else if (this.db.prepare('UPDATE incident_topics SET name = ?, kind = ?, terms = ? WHERE id = ? AND incident_id = ?').run(topic.name, topic.kind, terms, id, incidentId).changes === 0) {
      throw notFound('topic', id);
    }
    const saved = toTopic(this.db.prepare('SELECT * FROM incident_topics WHERE id = ?').get(id) as Row);
    new MentionCounts(this.db).rebuildTopic(incidentId, { id: saved.id, fts: topicFts(saved.terms) });
    return saved;
  }

  /** Recounts the topics a migration changed the matching of (0014: folded search text); once, at start-up. */
  recountPending(): void {
    const pending = this.db.prepare('SELECT p.topic_id AS id, t.incident_id, t.terms FROM pending_topic_recounts p LEFT JOIN incident_topics t ON t.id = p.topic_id').all() as { id: number; incident_id: string | null; terms: string | null }[];
    for (const p of pending) {
      this.db.transaction(() => {
        if (p.incident_id && p.terms) new MentionCounts(this.db).rebuildTopic(p.incident_id, { id: p.id, fts: topicFts(JSON.parse(p.terms) as string[]) });
        this.db.prepare('DELETE FROM pending_topic_recounts WHERE topic_id = ?').run(p.id);
      })();
    }
  }

  remove(id: number): { removed: boolean; incidentId: string | null } {
    const row = this.db.prepare('SELECT incident_id FROM incident_topics WHERE id = ?').get(id) as { incident_id: string } | undefined;
    if (!row) return { removed: false, incidentId: null };
    new MentionCounts(this.db).rebuildTopic(row.incident_id, { id, fts: null });
    this.db.prepare('DELETE FROM incident_topics WHERE id = ?').run(id);
    return { removed: true, incidentId: row.incident_id };
  }
}
