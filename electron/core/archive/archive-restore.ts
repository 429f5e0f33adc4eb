import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { FirebreakError } from '../../../shared/errors';
import { MentionCounts } from '../mentions/mention-counts';
import { COPY_TO_FACTS, FILL_FTS, deleteFromFts } from '../mentions/mention-writer';
import { topicScopes } from '../mentions/topic-scopes';
import { AuditLog } from '../statements/audit-log';
import { columnsOf } from './archive-export';
import { remapRow, type IdMaps } from './archive-ids';
import { readLines, refuse } from './archive-read';
import { ARCHIVE_TABLES, RENEWED_COLUMNS, RENEWED_IDS, type TableSpec } from './archive-tables';

export type ConflictChoice = 'replace' | 'keep-both';

type Current = { spec: TableSpec; columns: string[]; insert: Statement; keyIndex: number };

/** Told the share of the archive's lines written, every 1%, then null while the index and counts are rebuilt. */
export type RestoreProgress = { lines: number; report(share: number | null): void };

/**
 * Writes a verified archive into the database, all or nothing (the caller's transaction): rows restored table by
 * table with fresh local ids, then the full-text index and chart counts rebuilt, then the audit chain verified;
 * any failure rolls everything back.
 */
export function restoreArchive(db: Database, plainFile: string, archived: { id: string; schema: number }, choice: ConflictChoice | undefined, name: string, progress?: RestoreProgress): string {
  const archivedId = archived.id;
  // Tables added after the archive was written are not in it: their rows are none.
  const absent = (spec: TableSpec | undefined) => spec?.since !== undefined && spec.since > archived.schema;
  const exists = db.prepare('SELECT title FROM incidents WHERE id = ?').pluck().get(archivedId) as string | undefined;
  if (exists !== undefined && !choice) {
    throw new FirebreakError('CONFLICT', `The incident "${exists}" is already on this laptop: replace it, or keep both.`, { incidentId: archivedId, title: exists });
  }
  if (exists !== undefined && choice === 'replace') deleteIncident(db, archivedId);
  const copy = exists !== undefined && choice === 'keep-both';
  const renamed = { incident: new Map<string, string>(), batch: new Map<string, string>(), statement: new Map<string, string>() };
  const rename = (kind: keyof typeof renamed, id: unknown) => {
    if (!copy || typeof id !== 'string') return id;
    if (!renamed[kind].has(id)) renamed[kind].set(id, randomUUID());
    return renamed[kind].get(id);
  };
  const maps: IdMaps = new Map();
  const insertedPlaybooks = new Set<string>();
  let current: Current | null = null;
  let expected = 0;
  let done = 0;
  const step = Math.max(1, Math.ceil((progress?.lines ?? 0) / 100));
  for (const line of readLines(plainFile)) {
    if (progress && ++done % step === 0) progress.report(Math.min(1, done / progress.lines));
    const value = JSON.parse(line) as { t?: string; c?: string[]; r?: unknown[] };
    if (value.t) {
      while (absent(ARCHIVE_TABLES[expected])) expected++;
      const spec = ARCHIVE_TABLES[expected++];
      if (spec?.table !== value.t) throw refuse(name, 'otherVersion', { detail: `table ${value.t}` });
      current = prepareTable(db, spec, value.c ?? [], name);
      if (spec.key) maps.set(spec.table, new Map());
      continue;
    }
    if (!current || !value.r) throw refuse(name, 'otherVersion', { detail: 'a row outside any table' });
    const { spec, columns, insert, keyIndex } = current;
    let row = remapRow(spec, columns, value.r, maps, 'import');
    if (copy) row = renewIds(spec, columns, row, rename);
    if (spec.table === 'playbook_steps' && !insertedPlaybooks.has(row[columns.indexOf('playbook_id')] as string)) continue;
    const values = keyIndex >= 0 ? row.filter((_v, i) => i !== keyIndex) : row;
    const r = insert.run(...values);
    if (spec.table === 'playbooks' && r.changes) insertedPlaybooks.add(row[columns.indexOf('id')] as string);
    if (keyIndex >= 0) maps.get(spec.table)!.set(value.r[keyIndex] as number, Number(r.lastInsertRowid));
  }
  while (absent(ARCHIVE_TABLES[expected])) expected++;
  if (expected !== ARCHIVE_TABLES.length) throw refuse(name, 'otherVersion', { detail: ARCHIVE_TABLES.slice(expected).map((t) => t.table).join(', ') });
  const incidentId = (rename('incident', archivedId) as string) ?? archivedId;
  progress?.report(null);
  rebuildCounts(db, incidentId);
  const broken = new AuditLog(db).verify(incidentId).firstBroken;
  if (broken) throw refuse(name, 'auditBroken', { seq: broken.seq, auditWhy: broken.code, ...broken.params });
  return incidentId;
}

/** An archive whose checksum holds yet does not fit these tables was made by another version of Firebreak. */
function prepareTable(db: Database, spec: TableSpec, archived: string[], name: string): Current {
  const local = new Set(columnsOf(db, spec.table));
  const unknown = archived.filter((c) => !local.has(c));
  if (unknown.length) throw refuse(name, 'otherVersion', { detail: `${spec.table}: ${unknown.join(', ')}` });
  const keyIndex = spec.key ? archived.indexOf(spec.key) : -1;
  const written = archived.filter((_c, i) => i !== keyIndex);
  const verb = spec.shared ? 'INSERT OR IGNORE' : 'INSERT';
  const insert = db.prepare(`${verb} INTO ${spec.table} (${written.map((c) => `"${c}"`).join(', ')}) VALUES (${written.map(() => '?').join(', ')})`);
  return { spec, columns: archived, insert, keyIndex };
}

/** A copy kept beside the original gets its own incident, import and statement ids; its audit entries keep the old. */
function renewIds(spec: TableSpec, columns: readonly string[], row: unknown[], rename: (kind: 'incident' | 'batch' | 'statement', id: unknown) => unknown): unknown[] {
  const out = row.map((v, i) => {
    const own = RENEWED_IDS[spec.table]?.find((r) => r.column === columns[i]);
    if (own) return rename(own.kind, v);
    const kind = RENEWED_COLUMNS[columns[i]];
    if (kind) return rename(kind, v);
    if (spec.table === 'timeline_entries' && columns[i] === 'ref' && typeof v === 'string') {
      const ref = JSON.parse(v) as Record<string, unknown> | null;
      if (ref?.batchId) ref.batchId = rename('batch', ref.batchId);
      if (ref?.statementId) ref.statementId = rename('statement', ref.statementId);
      return JSON.stringify(ref);
    }
    return v;
  });
  if (spec.table === 'audit_log') {
    const at = (c: string) => columns.indexOf(c);
    out[at('chain_incident_id')] = row[at('chain_incident_id')] ?? row[at('incident_id')];
    out[at('chain_statement_id')] = row[at('chain_statement_id')] ?? row[at('statement_id')];
  }
  return out;
}

/** The full-text index, the narrow facts, filter-menu facets and chart rollups are derived: rebuilt for the restored mentions. */
function rebuildCounts(db: Database, incidentId: string): void {
  db.prepare(`${FILL_FTS} WHERE incident_id = ?`).run(incidentId);
  db.prepare(`${COPY_TO_FACTS} WHERE incident_id = ?`).run(incidentId);
  const counts = new MentionCounts(db);
  counts.addFacets(incidentId, db.prepare('SELECT platform, lang FROM mentions WHERE incident_id = ?').iterate(incidentId) as Iterable<{ platform: string; lang: string | null }>);
  const topics = topicScopes(db, incidentId);
  const batches = db.prepare("SELECT id FROM import_batches WHERE incident_id = ? AND status = 'complete'").pluck().all(incidentId) as string[];
  for (const batchId of batches) counts.countBatch(incidentId, batchId, topics, 1);
}

/**
 * Removes an incident and everything in it, for "replace": the one place Firebreak deletes history, so it lifts the
 * append-only triggers for this transaction only (they are re-created before it commits) after the user chose to.
 */
export function deleteIncident(db: Database, incidentId: string): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  deleteFromFts(db, 'incident_id = ?', incidentId);
  for (const table of ['mention_facets', 'mention_facts', 'rollup_time', 'rollup_hour', 'rollup_day']) db.prepare(`DELETE FROM ${table} WHERE incident_id = ?`).run(incidentId);
  // The facts' triggers are lifted too: move the incident's epoch by hand so no in-memory copy of them stays in use.
  db.prepare('INSERT INTO facts_epochs VALUES (?, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1').run(incidentId);
  for (const spec of [...ARCHIVE_TABLES].reverse()) {
    if (!spec.shared) db.prepare(`DELETE FROM ${spec.table} WHERE ${spec.where}`).run({ incident: incidentId });
  }
  for (const t of triggers) db.exec(t.sql);
}
