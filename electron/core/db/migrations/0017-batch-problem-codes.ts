export const name = 'batch-problem-codes';

/**
 * Why an import failed, as a code with its figures (shared/mentions.ts FILE_PROBLEMS) beside the English `error`,
 * so the import list words it in the reader's language. Batches that failed before keep their English, except
 * those a crash cut off, whose sentence quoted nothing.
 */
export const sql = `
ALTER TABLE import_batches ADD COLUMN error_code TEXT;
ALTER TABLE import_batches ADD COLUMN error_params TEXT;
UPDATE import_batches SET error_code = 'interrupted', error_params = '{}' WHERE error = 'interrupted: Firebreak closed during the import';
`;
