import type { Database } from 'better-sqlite3';
import { APPROVED_STATES, type StatementState } from '../../../shared/statements';
import { notFound, saidError } from '../said-error';

/**
 * The statement's current version, if its words may be given out: a statement of this incident, approved or
 * published, and (when the caller says which version it read) unchanged since. An internal briefing may go to staff
 * and the board but never to a journalist (`internal: false`).
 */
export function checkGivenWording(db: Database, incidentId: string, statementId: string, version: number | undefined, { internal }: { internal: boolean }): number {
  const s = db
    .prepare('SELECT s.state, s.version, s.kind, v.title FROM statements s JOIN statement_versions v ON v.statement_id = s.id AND v.version = s.version WHERE s.id = ? AND s.incident_id = ?')
    .get(statementId, incidentId) as { state: StatementState; version: number; kind: string; title: string } | undefined;
  if (!s || (!internal && s.kind === 'internal')) throw notFound('statement', statementId);
  if (!APPROVED_STATES.includes(s.state) || (version !== undefined && version !== s.version)) {
    throw saidError('CONFLICT', 'wordingStale', { title: s.title, statementState: s.state }, { statementId, state: s.state, version: s.version });
  }
  return s.version;
}

/** The version of the statement a record's words came from follows its statement (none for own words); not a field of its history. */
export function writeWordingVersion(db: Database, table: 'enquiries' | 'stakeholders' | 'claims', id: number, changes: { statementId?: string | null; statementVersion?: number }): void {
  if (changes.statementId === undefined) return;
  db.prepare(`UPDATE ${table} SET statement_version = ? WHERE id = ?`).run(changes.statementId === null ? null : changes.statementVersion, id);
}
