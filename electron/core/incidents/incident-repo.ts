import type { Database } from 'better-sqlite3';
import type { CrisisLevel, CrisisType, Incident, IncidentChange, IncidentStatus, Phase } from '../../../shared/domain';

type IncidentRow = {
  id: string;
  title: string;
  organisation: string;
  description: string;
  status: IncidentStatus;
  level: CrisisLevel | null;
  crisis_type: CrisisType | null;
  phase: Phase;
  owner: string;
  detected_at: number | null;
  opened_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  sitrep_every_minutes: number | null;
  archived: number;
  is_demo: number;
  created_at: number;
  created_by: string;
  updated_at: number;
};

type ChangeRow = {
  id: number;
  incident_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  changed_by: string;
  changed_at: number;
};

export type IncidentFilter = {
  status?: IncidentStatus;
  level?: CrisisLevel;
  crisisType?: CrisisType;
  archived: boolean;
  search?: string;
  limit: number;
};

export function toIncident(r: IncidentRow): Incident {
  return {
    id: r.id,
    title: r.title,
    organisation: r.organisation,
    description: r.description,
    status: r.status,
    level: r.level,
    crisisType: r.crisis_type,
    phase: r.phase,
    owner: r.owner,
    detectedAt: r.detected_at,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    sitrepEveryMinutes: r.sitrep_every_minutes,
    archived: r.archived === 1,
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export function searchTextOf(i: Pick<Incident, 'title' | 'organisation' | 'description' | 'owner'>): string {
  return [i.title, i.organisation, i.description, i.owner].join('\n').toLocaleLowerCase();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL for incidents and their change history; no rules live here. */
export class IncidentRepo {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly getStmt;
  private readonly insertChangeStmt;
  private readonly historyStmt;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`INSERT INTO incidents (id, title, organisation, description, status, level,
      crisis_type, phase, owner, detected_at, opened_at, resolved_at, closed_at, sitrep_every_minutes, archived, is_demo, created_at,
      created_by, updated_at, search_text) VALUES (@id, @title, @organisation, @description, @status, @level,
      @crisisType, @phase, @owner, @detectedAt, @openedAt, @resolvedAt, @closedAt, @sitrepEveryMinutes, @archived, @isDemo, @createdAt,
      @createdBy, @updatedAt, @searchText)`);
    this.updateStmt = db.prepare(`UPDATE incidents SET title = @title, organisation = @organisation,
      description = @description, status = @status, level = @level, crisis_type = @crisisType, phase = @phase,
      owner = @owner, detected_at = @detectedAt, opened_at = @openedAt, resolved_at = @resolvedAt,
      closed_at = @closedAt, sitrep_every_minutes = @sitrepEveryMinutes, archived = @archived, updated_at = @updatedAt, search_text = @searchText
      WHERE id = @id`);
    this.getStmt = db.prepare('SELECT * FROM incidents WHERE id = ?');
    this.insertChangeStmt = db.prepare(`INSERT INTO incident_changes
      (incident_id, field, old_value, new_value, reason, changed_by, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.historyStmt = db.prepare('SELECT * FROM incident_changes WHERE incident_id = ? ORDER BY id');
  }

  insert(i: Incident): void {
    this.insertStmt.run(this.params(i));
  }

  update(i: Incident): void {
    this.updateStmt.run(this.params(i));
  }

  get(id: string): Incident | undefined {
    const row = this.getStmt.get(id) as IncidentRow | undefined;
    return row && toIncident(row);
  }

  findDemo(): Incident | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE is_demo = 1 ORDER BY created_at LIMIT 1').get() as
      | IncidentRow
      | undefined;
    return row && toIncident(row);
  }

  list(f: IncidentFilter): Incident[] {
    const where = ['archived = @archived'];
    if (f.status) where.push('status = @status');
    if (f.level) where.push('level = @level');
    if (f.crisisType) where.push('crisis_type = @crisisType');
    const search = f.search?.trim().toLocaleLowerCase();
    if (search) where.push("search_text LIKE @search ESCAPE '\\'");
    // Running crises first, then the most recently touched.
    const sql = `SELECT * FROM incidents WHERE ${where.join(' AND ')}
      ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'contained' THEN 1 WHEN 'monitoring' THEN 2
        WHEN 'resolved' THEN 3 ELSE 4 END, updated_at DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all({
      archived: f.archived ? 1 : 0,
      status: f.status ?? null,
      level: f.level ?? null,
      crisisType: f.crisisType ?? null,
      search: search ? `%${escapeLike(search)}%` : null,
      limit: f.limit,
    }) as IncidentRow[];
    return rows.map(toIncident);
  }

  addChange(c: Omit<IncidentChange, 'id'>): void {
    this.insertChangeStmt.run(c.incidentId, c.field, c.oldValue, c.newValue, c.reason, c.changedBy, c.changedAt);
  }

  history(incidentId: string): IncidentChange[] {
    return (this.historyStmt.all(incidentId) as ChangeRow[]).map((r) => ({
      id: r.id,
      incidentId: r.incident_id,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      reason: r.reason,
      changedBy: r.changed_by,
      changedAt: r.changed_at,
    }));
  }

  private params(i: Incident) {
    return {
      ...i,
      archived: i.archived ? 1 : 0,
      isDemo: i.isDemo ? 1 : 0,
      searchText: searchTextOf(i),
    };
  }
}
