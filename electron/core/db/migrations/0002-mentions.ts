export const name = 'mentions';

export const sql = `
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  preset TEXT,
  encoding TEXT,
  delimiter TEXT,
  columns TEXT,            -- JSON array: the header, so tabular raw rows can be stored as plain value arrays
  mapping TEXT NOT NULL,   -- JSON: canonical field -> column, to retry quarantined rows the same way
  options TEXT NOT NULL,   -- JSON: date order, time zone
  status TEXT NOT NULL CHECK (status IN ('running','complete','failed','cancelled','undone')),
  rows INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_by TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  undone_at INTEGER,
  undone_by TEXT
);
CREATE INDEX import_batches_by_incident ON import_batches (incident_id, started_at);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  dedup_key TEXT NOT NULL,
  platform TEXT NOT NULL,
  native_id TEXT,
  url TEXT,
  author TEXT,
  author_handle TEXT,
  author_followers INTEGER,
  title TEXT,
  text TEXT NOT NULL,
  lang TEXT,
  published_at INTEGER NOT NULL,
  published_raw TEXT,
  hour INTEGER NOT NULL,   -- published_at / 1 h: charts bucket by it without computing per row
  source_sentiment REAL,
  source_sentiment_raw TEXT,
  reach INTEGER,
  engagement INTEGER,
  likes INTEGER,
  comments INTEGER,
  shares INTEGER,
  views INTEGER,
  country TEXT,
  raw TEXT
);
CREATE UNIQUE INDEX mentions_dedup ON mentions (incident_id, dedup_key);
-- Covers the explorer's usual filters, so counting a filtered time range never touches the rows themselves.
CREATE INDEX mentions_by_time ON mentions (incident_id, published_at, platform, lang, source_sentiment);
-- No index on batch_id: it costs every import ~6%, and only undo/cancel (rare) look mentions up by batch.

-- Filled in bulk after each inserted block, not by triggers (3-4x faster for imports).
-- unicode61 folds case for Cyrillic, Greek and Persian, which LIKE does not.
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  title, text, author, content = 'mentions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
-- FTS5 flushes a segment whenever 1 MB of terms is pending (the default), so a 20,000-row import transaction
-- made dozens of tiny segments that automerge kept rewriting. 32 MB: one segment per transaction (measured: the
-- full-text part of an import ~3x faster). Persisted in the table's config.
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 33554432);

-- Per-incident counts by platform and language, kept by the importer: the filter menus need them at once, and a
-- GROUP BY over a million mentions takes seconds.
CREATE TABLE mention_facets (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  facet TEXT NOT NULL CHECK (facet IN ('platform', 'lang')),
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (incident_id, facet, value)
) WITHOUT ROWID;

CREATE TABLE import_quarantine (
  id INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  file_name TEXT NOT NULL,
  row_number INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,       -- JSON object (column -> value) or the original text
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','fixed','dismissed')),
  mention_id INTEGER,
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by TEXT
);
CREATE INDEX import_quarantine_by_incident ON import_quarantine (incident_id, status, id);
CREATE INDEX import_quarantine_by_batch ON import_quarantine (batch_id);

CREATE TABLE import_presets (
  name TEXT PRIMARY KEY,
  base_preset TEXT NOT NULL,
  mapping TEXT NOT NULL,
  options TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;
