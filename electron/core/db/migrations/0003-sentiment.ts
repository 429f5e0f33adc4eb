export const name = 'sentiment-analytics-alerts';

/**
 * Three sentiments kept side by side (the tool's, the engine's, the analyst's) and the one shown, `sentiment`,
 * derived by one rule: analyst, else tool, else engine (-1 / 0 / 1). Charts read pre-aggregated 5-minute buckets.
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

-- Mentions per 5 minutes x platform x language x shown sentiment, kept by every writer in the same transaction.
CREATE TABLE mention_rollup (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  bucket INTEGER NOT NULL,     -- published_at / 300000
  platform TEXT NOT NULL,
  lang TEXT NOT NULL,
  sentiment INTEGER NOT NULL,  -- -1/0/1, 2 = not rated yet
  n INTEGER NOT NULL,
  PRIMARY KEY (incident_id, bucket, platform, lang, sentiment)
) WITHOUT ROWID;
INSERT INTO mention_rollup (incident_id, bucket, platform, lang, sentiment, n)
  SELECT incident_id, published_at / 300000, platform, COALESCE(lang, ''), COALESCE(sentiment, 2), COUNT(*)
  FROM mentions GROUP BY 1, 2, 3, 4, 5;

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
