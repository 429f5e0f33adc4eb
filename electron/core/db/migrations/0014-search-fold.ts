export const name = 'search-fold';

/**
 * The full-text index holds mention text folded by `fts_fold` (electron/core/text-fold.ts: Greek accents and final
 * sigma, Persian yeh and kaf variants, Arabic short vowels, ё), which unicode61 leaves apart, so "επιστροφη" finds
 * "Επιστροφή" and all-caps "ΕΠΙΣΤΡΟΦΕΣ". Its content is a view applying the function, so FTS5's
 * own reads ('rebuild', 'integrity-check') see what was indexed; the importer fills and deletes from the same view.
 * Rebuilt here from the mentions (13-15 s for a million). Share-of-voice topics match by the index, so their
 * counts are recounted when the core next starts (`pending_topic_recounts`, see recountPendingTopics).
 */
export const sql = `
DROP TABLE mentions_fts;
CREATE VIEW mentions_fts_source AS
  SELECT id, incident_id, batch_id, fts_fold(title) AS title, fts_fold(text) AS text, fts_fold(author) AS author FROM mentions;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  title, text, author, content = 'mentions_fts_source', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');

CREATE TABLE pending_topic_recounts (topic_id INTEGER PRIMARY KEY);
INSERT INTO pending_topic_recounts SELECT id FROM incident_topics;
`;
