export const name = 'media-enquiries';

/**
 * Media enquiries (shared/enquiries.ts): never deleted (a trigger refuses it), every change kept in enquiry_events.
 * `statement_id`/`statement_version`: the approved statement an answer was taken from; `mention_id`: the post it was logged from.
 */
export const sql = `
CREATE TABLE enquiries (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  outlet TEXT NOT NULL,
  journalist TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'message', 'in_person', 'other')),
  question TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  deadline_at INTEGER,
  owner_person_id TEXT REFERENCES people (id),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answering', 'answered', 'declined')),
  answer TEXT NOT NULL DEFAULT '',
  statement_id TEXT,                     -- no foreign key: an archive restores enquiries before statements (timeline links need their ids first)
  statement_version INTEGER,
  mention_id INTEGER,                    -- the post it was logged from (a journalist asking in public); no foreign key: an undone import removes its mentions
  closed_by TEXT,
  closed_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX enquiries_by_incident ON enquiries (incident_id, status, deadline_at);
CREATE TRIGGER enquiries_no_delete BEFORE DELETE ON enquiries BEGIN
  SELECT RAISE(ABORT, 'media enquiries are kept, never deleted');
END;

CREATE TABLE enquiry_events (
  id INTEGER PRIMARY KEY,
  enquiry_id INTEGER NOT NULL REFERENCES enquiries (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX enquiry_events_by_enquiry ON enquiry_events (enquiry_id, id);
CREATE TRIGGER enquiry_events_no_update BEFORE UPDATE ON enquiry_events BEGIN
  SELECT RAISE(ABORT, 'enquiry history is append-only');
END;
CREATE TRIGGER enquiry_events_no_delete BEFORE DELETE ON enquiry_events BEGIN
  SELECT RAISE(ABORT, 'enquiry history is append-only');
END;
`;
