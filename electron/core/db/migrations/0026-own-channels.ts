export const name = 'own-channels';

/**
 * The brand's own channels per incident (shared/own-channels.ts), and the accounts posing as the brand: never deleted
 * (a trigger refuses it), every change kept in their events. `posting_since`: when a channel entered its posting state
 * (given, or when it was logged); an impostor's `reported_at` / `removed_at` follow its status.
 */
export const sql = `
CREATE TABLE own_channels (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  platform TEXT NOT NULL CHECK (platform IN ('x', 'facebook', 'instagram', 'tiktok', 'telegram', 'vk', 'youtube', 'website')),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  keeper_person_id TEXT REFERENCES people (id),
  posting TEXT NOT NULL DEFAULT 'as_usual' CHECK (posting IN ('as_usual', 'paused', 'compromised')),
  posting_since INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX own_channels_by_incident ON own_channels (incident_id, platform);
CREATE TRIGGER own_channels_no_delete BEFORE DELETE ON own_channels BEGIN
  SELECT RAISE(ABORT, 'channels are kept, never deleted');
END;

CREATE TABLE own_channel_events (
  id INTEGER PRIMARY KEY,
  own_channel_id INTEGER NOT NULL REFERENCES own_channels (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX own_channel_events_by_channel ON own_channel_events (own_channel_id, id);
CREATE TRIGGER own_channel_events_no_update BEFORE UPDATE ON own_channel_events BEGIN
  SELECT RAISE(ABORT, 'channel history is append-only');
END;
CREATE TRIGGER own_channel_events_no_delete BEFORE DELETE ON own_channel_events BEGIN
  SELECT RAISE(ABORT, 'channel history is append-only');
END;

CREATE TABLE impostors (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  platform TEXT NOT NULL CHECK (platform IN ('x', 'facebook', 'instagram', 'tiktok', 'telegram', 'vk', 'youtube', 'website')),
  handle TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'spotted' CHECK (status IN ('spotted', 'reported', 'removed')),
  report_ref TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  spotted_at INTEGER NOT NULL,
  reported_at INTEGER,
  removed_at INTEGER,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX impostors_by_incident ON impostors (incident_id, status);
CREATE TRIGGER impostors_no_delete BEFORE DELETE ON impostors BEGIN
  SELECT RAISE(ABORT, 'impostors are kept, never deleted');
END;

CREATE TABLE impostor_events (
  id INTEGER PRIMARY KEY,
  impostor_id INTEGER NOT NULL REFERENCES impostors (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX impostor_events_by_impostor ON impostor_events (impostor_id, id);
CREATE TRIGGER impostor_events_no_update BEFORE UPDATE ON impostor_events BEGIN
  SELECT RAISE(ABORT, 'impostor history is append-only');
END;
CREATE TRIGGER impostor_events_no_delete BEFORE DELETE ON impostor_events BEGIN
  SELECT RAISE(ABORT, 'impostor history is append-only');
END;
`;
