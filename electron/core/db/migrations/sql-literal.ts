/** A value as an SQL literal, for seed rows written into a migration's text. */
export const sqlLiteral = (s: string | number | null): string => (s === null ? 'NULL' : typeof s === 'number' ? String(s) : `'${s.replace(/'/g, "''")}'`);
