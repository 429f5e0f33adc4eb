import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import type { PlaybookLesson, Review, ReviewInput } from '../../../shared/review';

type ReviewRow = {
  summary: string; went_well: string; went_wrong: string; plan_changes: string; audience: string; costs: string;
  updated_by: string; updated_at: number;
};

export const EMPTY_REVIEW: Review = {
  summary: '', wentWell: '', wentWrong: '', planChanges: '', audience: [], costs: [], lessons: [], updatedBy: null, updatedAt: null,
};

/** The written part of an after-action review: one document per incident, saved whole. */
export class ReviewRepo {
  constructor(private readonly db: Database) {}

  get(incidentId: string): Review {
    const r = this.db.prepare('SELECT * FROM reviews WHERE incident_id = ?').get(incidentId) as ReviewRow | undefined;
    const lessons = this.db
      .prepare('SELECT text, playbook_id FROM review_lessons WHERE incident_id = ? ORDER BY position')
      .all(incidentId) as { text: string; playbook_id: string | null }[];
    if (!r && !lessons.length) return EMPTY_REVIEW;
    return {
      summary: r?.summary ?? '',
      wentWell: r?.went_well ?? '',
      wentWrong: r?.went_wrong ?? '',
      planChanges: r?.plan_changes ?? '',
      audience: r ? (JSON.parse(r.audience) as Review['audience']) : [],
      costs: r ? (JSON.parse(r.costs) as Review['costs']) : [],
      lessons: lessons.map((l) => ({ text: l.text, playbookId: l.playbook_id })),
      updatedBy: r?.updated_by ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  }

  /** Call inside a transaction: the document and its lessons are replaced together. */
  save(incidentId: string, input: ReviewInput, actor: Actor, at: number): void {
    this.db
      .prepare(`INSERT INTO reviews (incident_id, summary, went_well, went_wrong, plan_changes, audience, costs, updated_by, updated_at)
        VALUES (@incidentId, @summary, @wentWell, @wentWrong, @planChanges, @audience, @costs, @by, @at)
        ON CONFLICT (incident_id) DO UPDATE SET summary = excluded.summary, went_well = excluded.went_well, went_wrong = excluded.went_wrong,
          plan_changes = excluded.plan_changes, audience = excluded.audience, costs = excluded.costs, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
      .run({
        incidentId, summary: input.summary, wentWell: input.wentWell, wentWrong: input.wentWrong, planChanges: input.planChanges,
        audience: JSON.stringify(input.audience), costs: JSON.stringify(input.costs), by: actor.name, at,
      });
    this.db.prepare('DELETE FROM review_lessons WHERE incident_id = ?').run(incidentId);
    const insert = this.db.prepare('INSERT INTO review_lessons (incident_id, position, text, playbook_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    input.lessons.forEach((l, i) => insert.run(incidentId, i, l.text, l.playbookId, actor.name, at));
  }

  /** Lessons of past reviews about a playbook, newest crisis first: what the next crisis should start from. */
  lessonsFor(playbookId: string): PlaybookLesson[] {
    const rows = this.db
      .prepare(`SELECT l.incident_id, i.title, i.closed_at, l.text FROM review_lessons l JOIN incidents i ON i.id = l.incident_id
        WHERE l.playbook_id = ? ORDER BY COALESCE(i.closed_at, i.updated_at) DESC, l.position`)
      .all(playbookId) as { incident_id: string; title: string; closed_at: number | null; text: string }[];
    return rows.map((r) => ({ incidentId: r.incident_id, incidentTitle: r.title, closedAt: r.closed_at, text: r.text }));
  }

  has(incidentId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM reviews WHERE incident_id = ?').get(incidentId);
  }
}
