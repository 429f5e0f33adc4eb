export const name = 'init';

export const sql = `
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('monitoring','active','contained','resolved','closed')),
  level INTEGER CHECK (level BETWEEN 1 AND 4),
  crisis_type TEXT,
  phase TEXT NOT NULL CHECK (phase IN ('before','during','after')),
  owner TEXT NOT NULL DEFAULT '',
  detected_at INTEGER,
  opened_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  archived INTEGER NOT NULL DEFAULT 0,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  -- lower-cased copy for search: SQLite's LIKE folds case for ASCII only, and titles are Cyrillic, Greek, Persian
  search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_by_list ON incidents (archived, status, updated_at);

-- Append-only: every change to an incident, including back-dated times with their original value.
CREATE TABLE incident_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason TEXT,
  changed_by TEXT NOT NULL,
  changed_at INTEGER NOT NULL
);
CREATE INDEX incident_changes_by_incident ON incident_changes (incident_id, id);
CREATE TRIGGER incident_changes_no_update BEFORE UPDATE ON incident_changes
BEGIN SELECT RAISE(ABORT, 'incident history is append-only'); END;
CREATE TRIGGER incident_changes_no_delete BEFORE DELETE ON incident_changes
BEGIN SELECT RAISE(ABORT, 'incident history is append-only'); END;
`;
