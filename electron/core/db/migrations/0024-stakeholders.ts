export const name = 'stakeholders';

/**
 * Stakeholders to inform (shared/stakeholders.ts): never deleted (a trigger refuses it), every change kept in
 * stakeholder_events. `usual_key`: added from the usual list for the crisis type (its name shows in the reader's language).
 */
export const sql = `
CREATE TABLE stakeholders (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  name TEXT NOT NULL,
  usual_key TEXT,
  stakeholder_group TEXT NOT NULL CHECK (stakeholder_group IN ('employees', 'leadership', 'regulator', 'customers', 'partners', 'investors', 'authorities', 'platforms', 'community', 'other')),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'meeting', 'message', 'letter', 'intranet', 'post', 'other')),
  contact TEXT NOT NULL DEFAULT '',
  owner_person_id TEXT REFERENCES people (id),
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'to_inform' CHECK (status IN ('to_inform', 'informed', 'not_needed')),
  message TEXT NOT NULL DEFAULT '',
  statement_id TEXT,                     -- no foreign key: an archive restores stakeholders before statements (timeline links need their ids first)
  statement_version INTEGER,
  closed_by TEXT,
  closed_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX stakeholders_by_incident ON stakeholders (incident_id, status, due_at);
CREATE TRIGGER stakeholders_no_delete BEFORE DELETE ON stakeholders BEGIN
  SELECT RAISE(ABORT, 'stakeholders are kept, never deleted');
END;

CREATE TABLE stakeholder_events (
  id INTEGER PRIMARY KEY,
  stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX stakeholder_events_by_stakeholder ON stakeholder_events (stakeholder_id, id);
CREATE TRIGGER stakeholder_events_no_update BEFORE UPDATE ON stakeholder_events BEGIN
  SELECT RAISE(ABORT, 'stakeholder history is append-only');
END;
CREATE TRIGGER stakeholder_events_no_delete BEFORE DELETE ON stakeholder_events BEGIN
  SELECT RAISE(ABORT, 'stakeholder history is append-only');
END;
`;
