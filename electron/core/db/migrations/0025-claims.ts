export const name = 'claims';

/**
 * Claims to check and answer (shared/claims.ts): never deleted (a trigger refuses it), every change kept in
 * claim_events. `terms`: a JSON array of the words that find it among the mentions.
 */
export const sql = `
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  claim TEXT NOT NULL,
  terms TEXT NOT NULL DEFAULT '[]',
  verdict TEXT NOT NULL CHECK (verdict IN ('false', 'misleading', 'unverified', 'true')),
  facts TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  owner_person_id TEXT REFERENCES people (id),
  status TEXT NOT NULL DEFAULT 'to_answer' CHECK (status IN ('to_answer', 'answered', 'not_answering')),
  answer TEXT NOT NULL DEFAULT '',
  statement_id TEXT,                     -- no foreign key: an archive restores claims before statements (timeline links need their ids first)
  statement_version INTEGER,
  closed_by TEXT,
  closed_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX claims_by_incident ON claims (incident_id, status);
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims BEGIN
  SELECT RAISE(ABORT, 'claims are kept, never deleted');
END;

CREATE TABLE claim_events (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES claims (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX claim_events_by_claim ON claim_events (claim_id, id);
CREATE TRIGGER claim_events_no_update BEFORE UPDATE ON claim_events BEGIN
  SELECT RAISE(ABORT, 'claim history is append-only');
END;
CREATE TRIGGER claim_events_no_delete BEFORE DELETE ON claim_events BEGIN
  SELECT RAISE(ABORT, 'claim history is append-only');
END;
`;
