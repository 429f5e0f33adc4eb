export const name = 'copies-alert';

/**
 * A new early-warning kind, `copies`: the same words posted by many accounts within one window (a copy-paste
 * campaign, bots, a retweet storm). The kind is checked by the table, and SQLite cannot change a CHECK in place, so
 * the table is copied into one that allows it (no other table, view or trigger refers to it; ids are kept, so the
 * timeline's links to alerts still hold).
 */
export const sql = `
CREATE TABLE alerts_0023 (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL CHECK (kind IN ('volume', 'negative_share', 'influencer', 'new_term', 'copies')),
  key TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL,
  observed REAL NOT NULL,
  baseline REAL,
  detail TEXT NOT NULL,
  filter TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER,
  UNIQUE (incident_id, kind, key)
);
INSERT INTO alerts_0023 SELECT id, incident_id, kind, key, window_start, window_end, observed, baseline, detail, filter, raised_at, acknowledged_by, acknowledged_at FROM alerts;
DROP TABLE alerts;
ALTER TABLE alerts_0023 RENAME TO alerts;
`;
