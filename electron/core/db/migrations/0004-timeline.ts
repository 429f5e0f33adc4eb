export const name = 'timeline-entries-by-people';

/**
 * The team's own entries on the timeline: tags, a key-event flag for the after-action review, and a corrected event
 * time that keeps the original. Every edit is kept in timeline_edits (append-only, like the incident's history).
 */
export const sql = `
ALTER TABLE timeline_entries ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE timeline_entries ADD COLUMN key_event INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_entries ADD COLUMN original_occurred_at INTEGER;  -- set on the first correction of the time
ALTER TABLE timeline_entries ADD COLUMN role TEXT NOT NULL DEFAULT '';

CREATE TABLE timeline_edits (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES timeline_entries (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason TEXT,
  edited_by TEXT NOT NULL,
  edited_at INTEGER NOT NULL
);
CREATE INDEX timeline_edits_by_entry ON timeline_edits (entry_id, id);
CREATE TRIGGER timeline_edits_no_update BEFORE UPDATE ON timeline_edits BEGIN
  SELECT RAISE(ABORT, 'timeline edits are never changed');
END;
CREATE TRIGGER timeline_edits_no_delete BEFORE DELETE ON timeline_edits BEGIN
  SELECT RAISE(ABORT, 'timeline edits are never deleted');
END;
`;
