import type { Database } from 'better-sqlite3';
import type {
  ColumnMapping,
  FileProblem,
  ImportBatch,
  ImportBatchStatus,
  ImportFormat,
  QuarantinedRow,
  QuarantineStatus,
  RowProblem,
  RowProblemCode,
} from '../../../shared/mentions';
import { describeProblem } from './row-problem';

type BatchRow = {
  id: string;
  incident_id: string;
  file_name: string;
  file_size: number;
  sha256: string;
  format: ImportFormat;
  preset: string | null;
  encoding: string | null;
  delimiter: string | null;
  columns: string | null;
  mapping: string;
  options: string;
  status: ImportBatchStatus;
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  error_code: FileProblem['code'] | null;
  error_params: string | null;
  created_by: string;
  started_at: number;
  finished_at: number | null;
  undone_at: number | null;
  undone_by: string | null;
};

type QuarantineRow = {
  id: number;
  batch_id: string;
  incident_id: string;
  file_name: string;
  row_number: number;
  reason: string;
  reason_code: RowProblemCode | null;
  reason_params: string | null;
  raw: string;
  status: QuarantineStatus;
  mention_id: number | null;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
};

export type BatchRecord = ImportBatch & { columns: string[] | null; mapping: ColumnMapping; options: { dateOrder: string; timezone: string } };

function toBatch(r: BatchRow): BatchRecord {
  return {
    id: r.id,
    incidentId: r.incident_id,
    fileName: r.file_name,
    fileSize: r.file_size,
    sha256: r.sha256,
    format: r.format,
    preset: r.preset,
    encoding: r.encoding,
    delimiter: r.delimiter,
    status: r.status,
    rows: r.rows,
    imported: r.imported,
    duplicates: r.duplicates,
    rejected: r.rejected,
    error: r.error,
    problem: r.error_code ? { code: r.error_code, params: JSON.parse(r.error_params ?? '{}') as FileProblem['params'] } : null,
    createdBy: r.created_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    undoneBy: r.undone_by,
    columns: r.columns ? (JSON.parse(r.columns) as string[]) : null,
    mapping: JSON.parse(r.mapping) as ColumnMapping,
    options: JSON.parse(r.options) as { dateOrder: string; timezone: string },
  };
}

function toQuarantined(r: QuarantineRow): QuarantinedRow {
  let raw: QuarantinedRow['raw'];
  try {
    const parsed = JSON.parse(r.raw) as unknown;
    raw = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : r.raw;
  } catch {
    raw = r.raw;
  }
  return {
    id: r.id,
    batchId: r.batch_id,
    incidentId: r.incident_id,
    fileName: r.file_name,
    rowNumber: r.row_number,
    reason: r.reason,
    problem: r.reason_code ? { code: r.reason_code, params: JSON.parse(r.reason_params ?? '{}') as RowProblem['params'] } : null,
    raw,
    status: r.status,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    mentionId: r.mention_id,
  };
}

export type NewBatch = Omit<BatchRecord, 'rows' | 'imported' | 'duplicates' | 'rejected' | 'error' | 'problem' | 'finishedAt' | 'undoneAt' | 'undoneBy' | 'status'>;

/** SQL for import batches, their quarantined rows and saved column mappings. */
export class BatchRepo {
  constructor(private readonly db: Database) {}

  insert(b: NewBatch): void {
    this.db
      .prepare(`INSERT INTO import_batches (id, incident_id, file_name, file_size, sha256, format, preset, encoding, delimiter,
        columns, mapping, options, status, created_by, started_at) VALUES (@id, @incidentId, @fileName, @fileSize, @sha256,
        @format, @preset, @encoding, @delimiter, @columns, @mapping, @options, 'running', @createdBy, @startedAt)`)
      .run({ ...b, columns: b.columns ? JSON.stringify(b.columns) : null, mapping: JSON.stringify(b.mapping), options: JSON.stringify(b.options) });
  }

  updateCounts(id: string, c: { rows: number; imported: number; duplicates: number; rejected: number }): void {
    this.db.prepare('UPDATE import_batches SET rows = @rows, imported = @imported, duplicates = @duplicates, rejected = @rejected WHERE id = @id').run({ id, ...c });
  }

  finish(id: string, status: ImportBatchStatus, at: number, fields: { sha256?: string; error?: string | null; problem?: FileProblem | null } = {}): void {
    const { problem } = fields;
    this.db
      .prepare('UPDATE import_batches SET status = ?, finished_at = ?, sha256 = COALESCE(?, sha256), error = ?, error_code = ?, error_params = ? WHERE id = ?')
      .run(status, at, fields.sha256 ?? null, fields.error ?? null, problem?.code ?? null, problem ? JSON.stringify(problem.params) : null, id);
  }

  markUndone(id: string, at: number, by: string): void {
    this.db.prepare("UPDATE import_batches SET status = 'undone', undone_at = ?, undone_by = ? WHERE id = ?").run(at, by, id);
  }

  adjustAfterRetry(id: string): void {
    this.db.prepare('UPDATE import_batches SET imported = imported + 1, rejected = rejected - 1 WHERE id = ?').run(id);
  }

  get(id: string): BatchRecord | undefined {
    const row = this.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
    return row && toBatch(row);
  }

  list(incidentId: string): BatchRecord[] {
    return (this.db.prepare('SELECT * FROM import_batches WHERE incident_id = ? ORDER BY started_at DESC').all(incidentId) as BatchRow[]).map(toBatch);
  }

  running(): BatchRecord[] {
    return (this.db.prepare("SELECT * FROM import_batches WHERE status = 'running'").all() as BatchRow[]).map(toBatch);
  }

  quarantine(q: { batchId: string; incidentId: string; fileName: string; rowNumber: number; problem: RowProblem; raw: unknown; at: number }): void {
    this.db
      .prepare(`INSERT INTO import_quarantine (batch_id, incident_id, file_name, row_number, reason, reason_code, reason_params, raw, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(q.batchId, q.incidentId, q.fileName, q.rowNumber, describeProblem(q.problem), q.problem.code, JSON.stringify(q.problem.params),
        typeof q.raw === 'string' ? q.raw : JSON.stringify(q.raw), q.at);
  }

  deleteQuarantine(batchId: string): void {
    this.db.prepare('DELETE FROM import_quarantine WHERE batch_id = ?').run(batchId);
  }

  quarantined(id: number): QuarantinedRow | undefined {
    const row = this.db.prepare('SELECT * FROM import_quarantine WHERE id = ?').get(id) as QuarantineRow | undefined;
    return row && toQuarantined(row);
  }

  listQuarantine(f: { incidentId: string; batchId?: string; status?: QuarantineStatus; limit: number; offset: number }): { rows: QuarantinedRow[]; total: number } {
    const where = 'incident_id = @incidentId AND (@batchId IS NULL OR batch_id = @batchId) AND (@status IS NULL OR status = @status)';
    const params = { incidentId: f.incidentId, batchId: f.batchId ?? null, status: f.status ?? null };
    const rows = this.db.prepare(`SELECT * FROM import_quarantine WHERE ${where} ORDER BY batch_id, row_number LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as QuarantineRow[];
    const total = this.db.prepare(`SELECT COUNT(*) FROM import_quarantine WHERE ${where}`).pluck().get(params) as number;
    return { rows: rows.map(toQuarantined), total };
  }

  resolveQuarantine(id: number, status: QuarantineStatus, by: string, at: number, mentionId: number | null, raw?: unknown): void {
    this.db
      .prepare('UPDATE import_quarantine SET status = ?, resolved_by = ?, resolved_at = ?, mention_id = ?, raw = COALESCE(?, raw) WHERE id = ?')
      .run(status, by, at, mentionId, raw === undefined ? null : JSON.stringify(raw), id);
  }

  savePreset(p: { name: string; basePreset: string; mapping: ColumnMapping; options: object; createdBy: string; createdAt: number }): void {
    this.db
      .prepare(`INSERT INTO import_presets (name, base_preset, mapping, options, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET base_preset = excluded.base_preset, mapping = excluded.mapping, options = excluded.options,
        created_by = excluded.created_by, created_at = excluded.created_at`)
      .run(p.name, p.basePreset, JSON.stringify(p.mapping), JSON.stringify(p.options), p.createdBy, p.createdAt);
  }

  presets(): { name: string; basePreset: string; mapping: ColumnMapping; options: Record<string, unknown>; createdBy: string; createdAt: number }[] {
    const rows = this.db.prepare('SELECT * FROM import_presets ORDER BY name').all() as { name: string; base_preset: string; mapping: string; options: string; created_by: string; created_at: number }[];
    return rows.map((r) => ({ name: r.name, basePreset: r.base_preset, mapping: JSON.parse(r.mapping) as ColumnMapping, options: JSON.parse(r.options) as Record<string, unknown>, createdBy: r.created_by, createdAt: r.created_at }));
  }
}
