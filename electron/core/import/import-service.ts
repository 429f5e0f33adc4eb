import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { FirebreakError } from '../../../shared/errors';
import type { ImportBatch, ImportJob, ImportOptions, ImportPreview, ImportSummary, QuarantinedRow, QuarantineStatus } from '../../../shared/mentions';
import type { EventBus } from '../events';
import type { IncidentService } from '../incidents/incident-service';
import { MentionWriter, deleteBatchMentions } from '../mentions/mention-writer';
import { yieldToEventLoop } from '../yield';
import { BatchRepo, type BatchRecord } from './batch-repo';
import { RowError, finaliseDraft, type FinaliseContext, type MentionDraft, type NewMention } from './draft';
import { sha256File } from './file-hash';
import { compactRaw, verbatimCells } from './raw-row';
import { toQuarantineCsv } from './quarantine-csv';
import { openSource, type OpenedSource } from './sources/open-source';
import type { SourceRow } from './sources/source';

type Job = ImportJob & { cancelled: boolean; startedAt: number; lastEmit: number };

export type StartImport = { file: string; incidentId: string; options?: ImportOptions; actor: Actor; displayName?: string };

const PROGRESS_EVERY_MS = 250;
/**
 * Rows per write transaction: each commit rewrites the index pages it touched, so bigger is faster (measured:
 * 2,500-row commits cost 25% more), but the room waits for a transaction to end and memory holds the pending
 * rows; 10,000 was as fast as 20,000 with 150 MB less peak memory.
 */
const ROWS_PER_TRANSACTION = 10_000;
const MS_PER_TRANSACTION = 250;

class Cancelled extends Error {}

/**
 * Imports exports into an incident. Each file is a batch written block by block (one transaction per block,
 * yielding between blocks so the room keeps answering); a cancelled, failed or interrupted batch is removed
 * again whole, so the incident's mentions end as they were.
 */
export class ImportService {
  private readonly repo: BatchRepo;
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly incidents: IncidentService,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new BatchRepo(db);
    this.recoverInterrupted();
  }

  /** A batch still "running" at start-up was cut off by a crash or a closed laptop: undo it. */
  private recoverInterrupted(): void {
    for (const batch of this.repo.running()) {
      this.discard(batch.id, 'failed', 'interrupted: Firebreak closed during the import');
    }
  }

  async preview(file: string, options: ImportOptions = {}, displayName?: string): Promise<ImportPreview> {
    const source = await openSource(file, this.resolveOptions(options), displayName);
    const ctx: FinaliseContext = { order: source.info.dateOrder, timezone: source.timezone };
    const sample: ImportPreview['sample'] = [];
    for await (const batch of source.batches()) {
      for (const row of batch.slice(0, 20 - sample.length)) {
        const result = this.finalise(row, ctx);
        sample.push('mention' in result ? { rowNumber: row.rowNumber, mention: withoutKey(result.mention), error: null } : { rowNumber: row.rowNumber, mention: null, error: result.reason });
      }
      if (sample.length >= 20) break;
    }
    const { info } = source;
    return { ...info, timezone: source.timezone, sample };
  }

  /** Starts an import; `done` settles when it ends. Fails at once (nothing written) when the file cannot be read. */
  async start(input: StartImport): Promise<{ job: ImportJob; batchId: string; done: Promise<ImportSummary> }> {
    this.incidents.get(input.incidentId);
    const options = this.resolveOptions(input.options ?? {});
    const source = await openSource(input.file, options, input.displayName);
    const fileName = source.info.fileName;
    const batchId = randomUUID();
    const startedAt = this.now();
    this.repo.insert({
      id: batchId,
      incidentId: input.incidentId,
      fileName,
      fileSize: source.info.size,
      sha256: '',
      format: source.info.format,
      preset: source.info.preset,
      encoding: source.info.encoding,
      delimiter: source.info.delimiter,
      columns: source.info.columns,
      mapping: source.info.mapping,
      options: { dateOrder: source.info.dateOrder, timezone: source.timezone },
      createdBy: input.actor.name,
      startedAt,
    });
    const job: Job = {
      jobId: randomUUID(),
      incidentId: input.incidentId,
      fileName,
      rows: 0,
      bytes: 0,
      totalBytes: source.info.size,
      etaMs: null,
      cancelled: false,
      startedAt,
      lastEmit: 0,
    };
    this.jobs.set(job.jobId, job);
    const done = this.run(job, batchId, input.file, source).finally(() => this.jobs.delete(job.jobId));
    return { job: publicJob(job), batchId, done };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (job) job.cancelled = true;
    return job !== undefined;
  }

  activeJobs(incidentId?: string): ImportJob[] {
    return [...this.jobs.values()].filter((j) => !incidentId || j.incidentId === incidentId).map(publicJob);
  }

  batches(incidentId: string): ImportBatch[] {
    this.incidents.get(incidentId);
    return this.repo.list(incidentId).map(publicBatch);
  }

  /** Removes exactly the mentions this batch added (duplicates it skipped belong to earlier batches). */
  undo(batchId: string, actor: Actor): ImportBatch {
    const batch = this.batch(batchId);
    if (batch.status !== 'complete') {
      throw new FirebreakError('INVALID_TRANSITION', `Only a completed import can be undone; this one is ${batch.status}.`);
    }
    this.db.transaction(() => {
      deleteBatchMentions(this.db, batch.incidentId, batchId, true);
      this.repo.deleteQuarantine(batchId);
      this.repo.markUndone(batchId, this.now(), actor.name);
    })();
    this.events.publish({ type: 'mentions.changed', incidentId: batch.incidentId });
    return publicBatch(this.batch(batchId));
  }

  listQuarantine(f: { incidentId: string; batchId?: string; status?: QuarantineStatus; limit: number; offset: number }) {
    return this.repo.listQuarantine(f);
  }

  /** Re-reads a corrected row with its batch's mapping; on success the mention joins that batch. */
  retryQuarantined(id: number, record: Record<string, string>, actor: Actor): { row: QuarantinedRow; mentionId: number | null; duplicate: boolean } {
    const q = this.quarantined(id);
    const batch = this.batch(q.batchId);
    if (batch.status !== 'complete') throw new FirebreakError('INVALID_TRANSITION', `The import this row came from is ${batch.status}.`);
    const draft: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(batch.mapping)) draft[field] = record[column as string];
    let mention: NewMention;
    try {
      mention = finaliseDraft(draft as MentionDraft, { order: batch.options.dateOrder as FinaliseContext['order'], timezone: batch.options.timezone });
    } catch (err) {
      if (err instanceof RowError) throw new FirebreakError('BAD_REQUEST', `Row ${q.rowNumber} still cannot be read: ${err.message}`);
      throw err;
    }
    const raw = batch.columns ? batch.columns.map((c) => record[c] ?? '') : record;
    const mentionId = this.db.transaction(() => {
      const writer = new MentionWriter(this.db, batch.incidentId, batch.id);
      const [newId] = writer.write([mention], [raw]);
      writer.countCompleted(); // the batch is complete: its new mention joins the counts at once
      this.repo.resolveQuarantine(id, 'fixed', actor.name, this.now(), newId || null, record);
      if (newId) this.repo.adjustAfterRetry(batch.id);
      return newId;
    })();
    this.events.publish({ type: 'mentions.changed', incidentId: batch.incidentId });
    return { row: this.quarantined(id), mentionId: mentionId || null, duplicate: mentionId === 0 };
  }

  dismissQuarantined(id: number, actor: Actor): QuarantinedRow {
    this.quarantined(id);
    this.repo.resolveQuarantine(id, 'dismissed', actor.name, this.now(), null);
    return this.quarantined(id);
  }

  exportQuarantine(incidentId: string, batchId?: string): string {
    const { rows } = this.repo.listQuarantine({ incidentId, batchId, limit: 1_000_000, offset: 0 });
    return toQuarantineCsv(rows);
  }

  savePreset(p: { name: string; basePreset: string; options: ImportOptions }, actor: Actor): void {
    const { mapping = {}, ...rest } = p.options;
    this.repo.savePreset({ name: p.name, basePreset: p.basePreset, mapping, options: rest, createdBy: actor.name, createdAt: this.now() });
  }

  presets() {
    return this.repo.presets();
  }

  /** A saved preset's name stands for its base tool, mapping and options; explicit options still win. */
  private resolveOptions(options: ImportOptions): ImportOptions {
    const saved = options.preset ? this.repo.presets().find((p) => p.name === options.preset) : undefined;
    if (!saved) return options;
    return { ...(saved.options as ImportOptions), mapping: saved.mapping, ...options, preset: saved.basePreset };
  }

  private batch(id: string): BatchRecord {
    const batch = this.repo.get(id);
    if (!batch) throw new FirebreakError('NOT_FOUND', `No import batch with id "${id}".`);
    return batch;
  }

  private quarantined(id: number): QuarantinedRow {
    const q = this.repo.quarantined(id);
    if (!q) throw new FirebreakError('NOT_FOUND', `No quarantined row with id ${id}.`);
    return q;
  }

  private finalise(row: SourceRow, ctx: FinaliseContext): { mention: NewMention } | { reason: string } {
    if (row.error || !row.draft) return { reason: row.error ?? 'the row could not be read' };
    try {
      return { mention: finaliseDraft(row.draft, ctx) };
    } catch (err) {
      if (err instanceof RowError) return { reason: err.message };
      throw err;
    }
  }

  private async run(job: Job, batchId: string, file: string, source: OpenedSource): Promise<ImportSummary> {
    const counts = { rows: 0, imported: 0, duplicates: 0, rejected: 0 };
    const ctx: FinaliseContext = { order: source.info.dateOrder, timezone: source.timezone };
    const writer = new MentionWriter(this.db, job.incidentId, batchId);
    const verbatim = verbatimCells(source.info.columns, source.info.mapping);
    const hash = sha256File(file);
    const writeBlock = this.db.transaction((rows: SourceRow[]) => {
      const good: NewMention[] = [];
      const raws: unknown[] = [];
      for (const row of rows) {
        const result = this.finalise(row, ctx);
        if ('mention' in result) {
          good.push(result.mention);
          raws.push(compactRaw(row.raw, verbatim, result.mention));
          continue;
        }
        counts.rejected++;
        const at = this.now();
        this.repo.quarantine({ batchId, incidentId: job.incidentId, fileName: job.fileName, rowNumber: row.rowNumber, reason: result.reason, raw: row.quarantineRaw(), at });
      }
      const inserted = writer.write(good, raws).filter((id) => id > 0).length;
      counts.rows += rows.length;
      counts.imported += inserted;
      counts.duplicates += good.length - inserted;
      this.repo.updateCounts(batchId, counts);
    });
    let status: ImportSummary['status'] = 'complete';
    let error: string | null = null;
    try {
      let pending: SourceRow[] = [];
      let since = this.now();
      const flush = async () => {
        writeBlock(pending);
        pending = [];
        since = this.now();
        this.progress(job, counts.rows, source.bytesRead());
        await yieldToEventLoop(); // let the room's other requests in between transactions
        if (job.cancelled) throw new Cancelled();
      };
      for await (const rows of source.batches()) {
        if (job.cancelled) throw new Cancelled();
        pending = pending.length ? pending.concat(rows) : rows;
        if (pending.length >= ROWS_PER_TRANSACTION || this.now() - since >= MS_PER_TRANSACTION) await flush();
      }
      if (pending.length) await flush();
      if (counts.rows === 0) throw new FirebreakError('BAD_REQUEST', `${job.fileName}: has a header but no rows`);
      const sha256 = await hash;
      this.db.transaction(() => {
        this.repo.finish(batchId, 'complete', this.now(), { sha256 });
        writer.countCompleted();
      })();
    } catch (err) {
      status = err instanceof Cancelled ? 'cancelled' : 'failed';
      error = err instanceof Cancelled ? null : (err as Error).message;
      if (!(err instanceof Cancelled) && !(err instanceof FirebreakError)) console.error('firebreak: import failed', err);
      await hash.catch(() => undefined);
      this.discard(batchId, status, error);
      Object.assign(counts, { imported: 0, duplicates: 0 });
    }
    const summary: ImportSummary = {
      file: job.fileName,
      format: source.info.format,
      preset: source.info.preset,
      encoding: source.info.encoding,
      delimiter: source.info.delimiter,
      ...counts,
      batchId,
      ms: this.now() - job.startedAt,
      status,
      error,
    };
    this.events.publish({ type: 'import.finished', incidentId: job.incidentId, jobId: job.jobId, summary });
    this.events.publish({ type: 'mentions.changed', incidentId: job.incidentId });
    return summary;
  }

  /** Takes a batch's mentions and quarantined rows out again; the batch stays listed with why it ended. */
  private discard(batchId: string, status: 'failed' | 'cancelled', error: string | null): void {
    const { incidentId } = this.batch(batchId);
    this.db.transaction(() => {
      deleteBatchMentions(this.db, incidentId, batchId, false);
      this.repo.deleteQuarantine(batchId);
      this.repo.updateCounts(batchId, { rows: 0, imported: 0, duplicates: 0, rejected: 0 });
      this.repo.finish(batchId, status, this.now(), { error });
    })();
  }

  private progress(job: Job, rows: number, bytes: number): void {
    job.rows = rows;
    job.bytes = bytes;
    const elapsed = this.now() - job.startedAt;
    job.etaMs = bytes > 0 && bytes < job.totalBytes ? Math.round((elapsed * (job.totalBytes - bytes)) / bytes) : null;
    if (this.now() - job.lastEmit < PROGRESS_EVERY_MS) return;
    job.lastEmit = this.now();
    this.events.publish({ type: 'import.progress', incidentId: job.incidentId, job: publicJob(job) });
  }
}

function publicJob(j: Job): ImportJob {
  return { jobId: j.jobId, incidentId: j.incidentId, fileName: j.fileName, rows: j.rows, bytes: j.bytes, totalBytes: j.totalBytes, etaMs: j.etaMs };
}

function publicBatch(b: BatchRecord): ImportBatch {
  const { columns: _c, mapping: _m, options: _o, ...rest } = b;
  return rest;
}

function withoutKey(m: NewMention) {
  const { dedupKey: _k, ...rest } = m;
  return rest;
}
