import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { fill } from '../../../shared/fill';
import { en } from '../../../shared/locales/en';
import type { AuditBreak, AuditEntry, AuditVerification } from '../../../shared/statements';

type Row = {
  incident_id: string; seq: number; statement_id: string | null; action: string; actor: string; at: number; payload: string; prev_hash: string; hash: string;
  chain_incident_id?: string | null; chain_statement_id?: string | null;
};

/** The first link of every incident's chain points at this. */
export const GENESIS = '0'.repeat(64);

/** What a link's hash covers: its place in the chain, what happened, and the previous link's hash. */
function linkHash(r: Omit<Row, 'hash' | 'payload'> & { payload: unknown }): string {
  const body = canonicalize({ incident: r.incident_id, seq: r.seq, statement: r.statement_id, action: r.action, actor: r.actor, at: r.at, payload: r.payload, prev: r.prev_hash })!;
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Every action on statements, per incident, in an append-only log whose entries are hash-chained (RFC 8785 canonical
 * JSON, SHA-256): changing, removing or reordering any entry later breaks the chain at that entry. Triggers refuse
 * updates and deletes through SQLite; verification catches what bypasses them (an edited database file).
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  /** Call inside the transaction that makes the change, so the log and the change land together. */
  append(incidentId: string, statementId: string | null, action: string, actor: string, at: number, payload: Record<string, unknown>): AuditEntry {
    const last = this.db.prepare('SELECT seq, hash FROM audit_log WHERE incident_id = ? ORDER BY seq DESC LIMIT 1').get(incidentId) as { seq: number; hash: string } | undefined;
    const entry = { incident_id: incidentId, seq: (last?.seq ?? 0) + 1, statement_id: statementId, action, actor, at, payload, prev_hash: last?.hash ?? GENESIS };
    const hash = linkHash(entry);
    const stored = canonicalize(payload)!;
    this.db
      .prepare('INSERT INTO audit_log (incident_id, seq, statement_id, action, actor, at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(incidentId, entry.seq, statementId, action, actor, at, stored, entry.prev_hash, hash);
    return toEntry({ ...entry, payload: stored, hash });
  }

  list(incidentId: string, statementId?: string): AuditEntry[] {
    const rows = statementId
      ? (this.db.prepare('SELECT * FROM audit_log WHERE incident_id = ? AND statement_id = ? ORDER BY seq').all(incidentId, statementId) as Row[])
      : (this.db.prepare('SELECT * FROM audit_log WHERE incident_id = ? ORDER BY seq').all(incidentId) as Row[]);
    return rows.map(toEntry);
  }

  /** Walks the chain from the first entry; reports the first entry whose number, link or content does not hold. */
  verify(incidentId: string): AuditVerification {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE incident_id = ? ORDER BY seq').all(incidentId) as Row[];
    let prev = GENESIS;
    for (const [i, r] of rows.entries()) {
      const broken = (code: AuditBreak['code'], params: AuditBreak['params'] = {}): AuditVerification =>
        ({ ok: false, entries: rows.length, firstBroken: { seq: r.seq, code, params, reason: fill(en.statements.auditWhy[code], params) } });
      if (r.seq !== i + 1) return broken('missing', { expected: i + 1, found: r.seq });
      if (r.prev_hash !== prev) return broken('unlinked');
      let payload: unknown;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        return broken('unreadable');
      }
      // A copy imported under new ids is checked against the ids its entries were written under.
      const hashedAs = { ...r, incident_id: r.chain_incident_id ?? r.incident_id, statement_id: r.chain_statement_id ?? r.statement_id, payload };
      if (linkHash(hashedAs) !== r.hash) return broken('changed');
      prev = r.hash;
    }
    return { ok: true, entries: rows.length, firstBroken: null };
  }
}

function toEntry(r: Row): AuditEntry {
  return { seq: r.seq, statementId: r.statement_id, action: r.action, actor: r.actor, at: r.at, payload: JSON.parse(r.payload) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash };
}
