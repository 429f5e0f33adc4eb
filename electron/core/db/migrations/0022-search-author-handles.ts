export const name = 'search-author-handles';

/**
 * The full-text index's author column now holds the handle beside the name ("Olena Kovalenko @olena_k"), so the
 * explorer's author filter finds an account by either, word by word, from the index: it read every mention of the
 * incident before (6 s at 1M for one account). The index is rebuilt from the mentions (as in 0014: 13-15 s for a
 * million), and share-of-voice topics, which match the index, are recounted at the next start.
 */
export const sql = `
DROP VIEW mentions_fts_source;
CREATE VIEW mentions_fts_source AS
  SELECT id, incident_id, batch_id, fts_fold(title) AS title, fts_fold(text) AS text,
    fts_fold(concat_ws(' ', author, author_handle)) AS author FROM mentions;
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO pending_topic_recounts SELECT id FROM incident_topics;
`;
