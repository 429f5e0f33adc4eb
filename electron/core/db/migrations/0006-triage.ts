export const name = 'mention-triage';

/**
 * Triage: every mention has a state and maybe an assignee; every change and every response is kept
 * (append-only tables), the mention holds the latest state for queues and counts.
 */
export const sql = `
ALTER TABLE mentions ADD COLUMN triage_state TEXT NOT NULL DEFAULT 'new';
ALTER TABLE mentions ADD COLUMN triage_assignee TEXT;
ALTER TABLE mentions ADD COLUMN triage_at INTEGER;  -- when the state last changed (overdue = waiting too long)
-- Only triaged mentions are in it: an import (every row "new") adds nothing to it, and counts stay cheap at 1M.
CREATE INDEX mentions_triaged ON mentions (incident_id, triage_state, triage_at) WHERE triage_state != 'new';

CREATE TABLE triage_events (
  id INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  assignee TEXT,
  note TEXT,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX triage_events_by_mention ON triage_events (mention_id, id);

CREATE TABLE mention_responses (
  id INTEGER PRIMARY KEY,
  mention_id INTEGER NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  text TEXT NOT NULL,
  platform TEXT NOT NULL,
  by TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX mention_responses_by_mention ON mention_responses (mention_id, id);

CREATE TRIGGER triage_events_append_only BEFORE UPDATE ON triage_events BEGIN SELECT RAISE(ABORT, 'triage history is never changed'); END;
CREATE TRIGGER triage_events_no_delete BEFORE DELETE ON triage_events BEGIN SELECT RAISE(ABORT, 'triage history is never deleted'); END;
CREATE TRIGGER mention_responses_append_only BEFORE UPDATE ON mention_responses BEGIN SELECT RAISE(ABORT, 'responses are never changed'); END;
CREATE TRIGGER mention_responses_no_delete BEFORE DELETE ON mention_responses BEGIN SELECT RAISE(ABORT, 'responses are never deleted'); END;
`;
