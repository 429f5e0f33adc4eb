export const name = 'sentiment-analytics-alerts';

/**
 * Three sentiments kept side by side (the tool's, the engine's, the analyst's) and the one shown, `sentiment`,
 * derived by one rule: analyst, else tool, else engine (-1 / 0 / 1). Charts read pre-aggregated counts.
 */
export const sql = `
ALTER TABLE mentions ADD COLUMN engine_sentiment INTEGER;  -- -1/0/1, NULL until scored
ALTER TABLE mentions ADD COLUMN engine_score REAL;
ALTER TABLE mentions ADD COLUMN analyst_sentiment INTEGER;
ALTER TABLE mentions ADD COLUMN analyst_by TEXT;
ALTER TABLE mentions ADD COLUMN analyst_at INTEGER;
ALTER TABLE mentions ADD COLUMN sentiment INTEGER;         -- the effective value, what filters and charts use
ALTER TABLE mentions ADD COLUMN lang_detected INTEGER NOT NULL DEFAULT 0; -- 1 when lang came from the engine

UPDATE mentions SET sentiment = CASE WHEN source_sentiment IS NULL THEN NULL WHEN source_sentiment > 0.05 THEN 1
  WHEN source_sentiment < -0.05 THEN -1 ELSE 0 END;

DROP INDEX mentions_by_time;
CREATE INDEX mentions_by_time ON mentions (incident_id, published_at, platform, lang, sentiment);
-- The scoring queue: mentions the engine has not read yet (small, since rows leave it once scored).
CREATE INDEX mentions_unscored ON mentions (id) WHERE engine_sentiment IS NULL;

-- Every analyst correction, kept (the mention holds the latest); they are also the engine's training labels.
CREATE TABLE sentiment_labels (
  id INTEGER PRIMARY KEY,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  label INTEGER NOT NULL CHECK (label IN (-1, 0, 1)),
  source TEXT NOT NULL CHECK (source IN ('analyst', 'file')),
  mention_id INTEGER,         -- no foreign key: a label outlives an undone import (the text is copied)
  file_name TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX sentiment_labels_by_lang ON sentiment_labels (lang, id);
CREATE INDEX sentiment_labels_by_mention ON sentiment_labels (mention_id) WHERE mention_id IS NOT NULL;

CREATE TABLE sentiment_models (
  lang TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  labels INTEGER NOT NULL,
  model_accuracy REAL NOT NULL,
  model_f1 REAL NOT NULL,
  lexicon_accuracy REAL NOT NULL,
  lexicon_f1 REAL NOT NULL,
  active INTEGER NOT NULL,
  weights BLOB,
  trained_by TEXT NOT NULL,
  trained_at INTEGER NOT NULL
);

-- Pre-computed counts for charts and alerts, kept in step with every writer. scope 0 = all of the incident's
-- mentions, otherwise a share-of-voice topic's id. sentiment: -1/0/1, 2 = not rated yet. Only mentions of completed
-- imports are counted (an import adds its counts when it completes, in the same transaction).
-- Each table answers one shape of question without reading more than a few tens of thousands of rows at 1M mentions:
-- rollup_time: totals and the volume series when no platform or language is filtered (5-minute, hour, UTC day);
-- rollup_hour: series and breakdowns by platform and language, per hour (keyed so a platform/language filter seeks);
-- rollup_day: breakdowns over long ranges, per UTC day.
CREATE TABLE rollup_time (
  incident_id TEXT NOT NULL, scope INTEGER NOT NULL, size INTEGER NOT NULL, bucket INTEGER NOT NULL, sentiment INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (incident_id, scope, size, bucket, sentiment)
) WITHOUT ROWID;
CREATE TABLE rollup_hour (
  incident_id TEXT NOT NULL, scope INTEGER NOT NULL, platform TEXT NOT NULL, lang TEXT NOT NULL, hour INTEGER NOT NULL, sentiment INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (incident_id, scope, platform, lang, hour, sentiment)
) WITHOUT ROWID;
CREATE TABLE rollup_day (
  incident_id TEXT NOT NULL, scope INTEGER NOT NULL, day INTEGER NOT NULL, platform TEXT NOT NULL, lang TEXT NOT NULL, sentiment INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (incident_id, scope, day, platform, lang, sentiment)
) WITHOUT ROWID;
INSERT INTO rollup_time SELECT m.incident_id, 0, 300000, m.published_at / 300000, COALESCE(m.sentiment, 2), COUNT(*)
  FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE b.status = 'complete' GROUP BY 1, 4, 5;
INSERT INTO rollup_time SELECT m.incident_id, 0, 3600000, m.published_at / 3600000, COALESCE(m.sentiment, 2), COUNT(*)
  FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE b.status = 'complete' GROUP BY 1, 4, 5;
INSERT INTO rollup_time SELECT m.incident_id, 0, 86400000, m.published_at / 86400000, COALESCE(m.sentiment, 2), COUNT(*)
  FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE b.status = 'complete' GROUP BY 1, 4, 5;
INSERT INTO rollup_hour SELECT m.incident_id, 0, m.platform, COALESCE(m.lang, ''), m.published_at / 3600000, COALESCE(m.sentiment, 2), COUNT(*)
  FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE b.status = 'complete' GROUP BY 1, 3, 4, 5, 6;
INSERT INTO rollup_day SELECT m.incident_id, 0, m.published_at / 86400000, m.platform, COALESCE(m.lang, ''), COALESCE(m.sentiment, 2), COUNT(*)
  FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE b.status = 'complete' GROUP BY 1, 3, 4, 5, 6;

-- Brand, competitors and topics for share of voice: a name and the words/hashtags that define it.
CREATE TABLE incident_topics (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('brand', 'competitor', 'topic')),
  terms TEXT NOT NULL,  -- JSON array of words, phrases and hashtags
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX incident_topics_by_incident ON incident_topics (incident_id);

CREATE TABLE alert_settings (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  settings TEXT NOT NULL,  -- JSON, see shared/analytics.ts AlertSettings
  updated_by TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL CHECK (kind IN ('volume', 'negative_share', 'influencer', 'new_term')),
  key TEXT NOT NULL,          -- what makes it one alert (a bucket, an author, a term): re-detection is idempotent
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL,
  observed REAL NOT NULL,
  baseline REAL,
  detail TEXT NOT NULL,       -- JSON: z-score, author, term, ...
  filter TEXT NOT NULL,       -- JSON: the explorer filter that shows the mentions behind it
  raised_at INTEGER NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER,
  UNIQUE (incident_id, kind, key)
);

-- The incident's record of what happened. System entries now (alerts, imports); people's entries come with the war room.
CREATE TABLE timeline_entries (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  ref TEXT,                   -- JSON link to what it is about: { alertId } | { batchId } | ...
  created_at INTEGER NOT NULL
);
CREATE INDEX timeline_by_incident ON timeline_entries (incident_id, occurred_at);
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline_entries BEGIN
  SELECT RAISE(ABORT, 'timeline entries are never deleted');
END;
`;
