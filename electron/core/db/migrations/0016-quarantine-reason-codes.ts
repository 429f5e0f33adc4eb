export const name = 'quarantine-reason-codes';

/**
 * Quarantine reasons as codes with their figures (shared/mentions.ts ROW_PROBLEMS), so the UI words them in its
 * language; `reason` keeps the English sentence for the export and the command line. Rows quarantined before
 * get the code of the sentences that quote nothing; the others keep showing their English reason.
 */
export const sql = `
ALTER TABLE import_quarantine ADD COLUMN reason_code TEXT;
ALTER TABLE import_quarantine ADD COLUMN reason_params TEXT;
UPDATE import_quarantine SET reason_params = '{}', reason_code = CASE reason
  WHEN 'no date' THEN 'no_date'
  WHEN 'no text and no title' THEN 'no_text'
  WHEN 'the row could not be read' THEN 'unreadable'
  WHEN 'has a quote that is never closed (the rest of the file was swallowed by it)' THEN 'unclosed_quote'
  WHEN 'contains bytes that are not valid UTF-8 (is the file''s encoding right?)' THEN 'invalid_bytes'
  WHEN 'contains bytes that are not valid UTF-8' THEN 'invalid_bytes'
END;
UPDATE import_quarantine SET reason_params = NULL WHERE reason_code IS NULL;
`;
