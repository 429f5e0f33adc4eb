export const name = 'team-and-roles';

/**
 * The crisis team: a local people directory, an editable role catalogue (seeded with the roles a crisis plan names),
 * and who holds which role on an incident, when (shifts), as primary or backup. Assignments are ended, never deleted.
 */
export const sql = `
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  duties TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL DEFAULT 0,  -- a required role with nobody on shift is a gap on the roster
  sort INTEGER NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0
);
INSERT INTO roles (id, name, duties, required, sort, builtin) VALUES
  ('lead', 'Incident lead', 'Owns the response: decides, sets priorities, convenes the room.', 1, 1, 1),
  ('deputy', 'Deputy lead', 'Stands in for the lead; runs the room on the lead''s off shift.', 0, 2, 1),
  ('spokesperson', 'Spokesperson', 'The one public voice: gives statements and interviews once approved.', 1, 3, 1),
  ('legal', 'Legal approver', 'Checks every public statement for legal risk before it goes out.', 1, 4, 1),
  ('executive', 'Executive approver', 'Approves statements for severe crises on behalf of management.', 0, 5, 1),
  ('responder', 'Social-media responder', 'Answers mentions on the platforms with approved wording.', 0, 6, 1),
  ('monitor', 'Monitor / analyst', 'Watches the mentions, imports exports, reports spikes and new narratives.', 1, 7, 1),
  ('scribe', 'Scribe', 'Keeps the timeline: what happened, what was decided, by whom.', 1, 8, 1),
  ('media', 'Media liaison', 'Handles journalists and bloggers: requests, interviews, corrections.', 0, 9, 1),
  ('security', 'IT / security contact', 'Account access, leaks and technical facts; blocks and restores access.', 0, 10, 1);

CREATE TABLE role_assignments (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  role_id TEXT NOT NULL REFERENCES roles (id),
  rank TEXT NOT NULL CHECK (rank IN ('primary', 'backup')),
  shift_start INTEGER,   -- null: from the start
  shift_end INTEGER,     -- null: open-ended
  handover TEXT NOT NULL DEFAULT '',
  assigned_by TEXT NOT NULL,
  assigned_at INTEGER NOT NULL,
  ended_by TEXT,
  ended_at INTEGER
);
CREATE INDEX role_assignments_by_incident ON role_assignments (incident_id, role_id);
CREATE TRIGGER role_assignments_no_delete BEFORE DELETE ON role_assignments BEGIN
  SELECT RAISE(ABORT, 'role assignments are ended, never deleted');
END;
`;
