export const name = 'search-fold-digits';

/**
 * `fts_fold` now reads Persian and Arabic-Indic digits as 0-9 (electron/core/text-fold.ts), so "۲۲۱۱" typed on a
 * Persian keyboard finds "L-2211" and the other way round. The index is rebuilt from the mentions with the new
 * folding (as in 0014: 13-15 s for a million), and share-of-voice topics are recounted at the next start.
 */
export const sql = `
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
INSERT OR IGNORE INTO pending_topic_recounts SELECT id FROM incident_topics;
`;
