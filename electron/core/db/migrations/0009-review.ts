export const name = 'after-action-review';

/**
 * The after-action review: the parts people write (the figures are computed from the record, never stored), lessons
 * linked to the playbook they concern, action items as tasks, and what an imported archive needs to keep its audit
 * chain verifiable under new ids.
 */
export const sql = `
CREATE TABLE reviews (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  summary TEXT NOT NULL DEFAULT '',
  went_well TEXT NOT NULL DEFAULT '',
  went_wrong TEXT NOT NULL DEFAULT '',
  plan_changes TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL DEFAULT '[]',   -- JSON: [{ platform, account, before, after }]
  costs TEXT NOT NULL DEFAULT '[]',      -- JSON: [{ item, amount, currency }]
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE review_lessons (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  playbook_id TEXT REFERENCES playbooks (id),  -- the plan it concerns: shown there to the next crisis
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX review_lessons_by_incident ON review_lessons (incident_id, position);
CREATE INDEX review_lessons_by_playbook ON review_lessons (playbook_id);

-- Action items of a review are ordinary tasks of the incident, marked so the report can list them.
ALTER TABLE tasks ADD COLUMN from_review INTEGER NOT NULL DEFAULT 0;

-- An archive imported as a copy gets new incident and statement ids; its audit entries keep the ids they were
-- hashed under, so the chain still verifies (null: the row's own ids).
ALTER TABLE audit_log ADD COLUMN chain_incident_id TEXT;
ALTER TABLE audit_log ADD COLUMN chain_statement_id TEXT;
`;
