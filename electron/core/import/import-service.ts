import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { FirebreakError } from '../../../shared/errors';
import { fill } from '../../../shared/fill';
import { en } from '../../../shared/locales/en';
import type { FileProblem, ImportBatch, ImportJob, ImportOptions, ImportPreview, ImportSummary, QuarantinedRow, QuarantineStatus } from '../../../shared/mentions';
import type { EventBus } from '../events';
import type { IncidentService } from '../incidents/incident-service';
import { storageProblemOf } from '../db/storage-problem';
import { MentionWriter, deleteBatchMentions } from '../mentions/mention-writer';
import { notFound, saidError } from '../said-error';
import { yieldToEventLoop } from '../yield';
import { BatchRepo, type BatchRecord } from './batch-repo';
import { RowError, finaliseDraft, type FinaliseContext, type MentionDraft, type NewMention } from './draft';
import { fileError, fileProblemOf, storageFileError } from './import-error';
import { describeProblem } from './row-problem';
import { openParsedSourceInWorker } from './parse-worker-client';
import { finaliseRow, openParsedSource, partsOf, type ParsedBlock, type ParsedSource } from './parsed-source';
import { presetDefused } from './presets/tabular';
import { toQuarantineCsv } from './quarantine-csv';
import { openSource } from './sources/open-source';
import { mappedCell } from './sources/source';

/** `clock` dates the batch and its record; `startedAt` (by the service's own clock) times it. */
type Job = ImportJob & { cancelled: boolean; startedAt: number; lastEmit: number; clock: () => number };

export type StartImport = {
  file: string;
  incidentId: string;
  options?: ImportOptions;
  actor: Actor;
  displayName?: string;
  /** A replayed import (the demo's past crisis) is dated by its own clock: the batch and its timeline line. */
  clock?: () => number;
};

const PROGRESS_EVERY_MS = 250;
/**
 * Streamed files (CSV/TSV, JSON Lines) from this size on are read in a worker thread (parse-worker-client.ts).
 * Below it, starting the worker (~0.1 s) costs more than it saves.
 */
const WORKER_FROM_BYTES = 4 << 20;

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
    private readonly workerFromBytes = WORKER_FROM_BYTES,
  ) {
    this.repo = new BatchRepo(db);
    this.recoverInterrupted();
  }

  /** A batch still "running" at start-up was cut off by a crash or a closed laptop: undo it. */
  private recoverInterrupted(): void {
    for (const batch of this.repo.running()) {
      this.tryDiscard(batch.id, 'failed', { error: fill(en.fileProblem.interrupted, {}), problem: { code: 'interrupted', params: {} } });
    }
  }

  async preview(file: string, options: ImportOptions = {}, displayName?: string): Promise<ImportPreview> {
    const source = await openSource(file, this.resolveOptions(options), displayName);
    const ctx: FinaliseContext = { order: source.info.dateOrder, timezone: source.timezone };
    const sample: ImportPreview['sample'] = [];
    for await (const batch of source.batches()) {
      for (const row of batch.slice(0, 20 - sample.length)) {
        const result = finaliseRow(row, ctx);
        sample.push('mention' in result
          ? { rowNumber: row.rowNumber, mention: withoutKey(result.mention), error: null, problem: null }
          : { rowNumber: row.rowNumber, mention: null, error: describeProblem(result.problem), problem: result.problem });
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
    const source = await this.open(input.file, options, input.displayName);
    const fileName = source.info.fileName;
    const batchId = randomUUID();
    const clock = input.clock ?? this.now;
    const startedAt = this.now();
    try {
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
        startedAt: clock(),
      });
    } catch (err) {
      source.close(); // nothing was read yet: stop the worker, if any
      throw err;
    }
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
      clock,
    };
    this.jobs.set(job.jobId, job);
    const done = this.run(job, batchId, source).finally(() => this.jobs.delete(job.jobId));
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
      throw saidError('INVALID_TRANSITION', 'undoNotComplete', { batchStatus: batch.status });
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
    if (batch.status !== 'complete') throw saidError('INVALID_TRANSITION', 'retryNotComplete', { batchStatus: batch.status });
    const draft: Record<string, unknown> = {};
    // As the import read it: a Firebreak export's guarding apostrophes come off here too.
    const defused = presetDefused(batch.preset);
    for (const [field, column] of Object.entries(batch.mapping)) draft[field] = mappedCell(record[column as string], defused);
    let mention: NewMention;
    try {
      mention = finaliseDraft(draft as MentionDraft, { order: batch.options.dateOrder as FinaliseContext['order'], timezone: batch.options.timezone });
    } catch (err) {
      if (err instanceof RowError) throw new FirebreakError('BAD_REQUEST', `Row ${q.rowNumber} still cannot be read: ${err.message}`, { row: q.rowNumber, problem: err.problem });
      throw err;
    }
    const raw = batch.columns ? batch.columns.map((c) => record[c] ?? '') : record;
    const mentionId = this.db.transaction(() => {
      const writer = new MentionWriter(this.db, batch.incidentId, batch.id);
      const [newId] = writer.write([mention], [JSON.stringify(raw)]);
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
    if (!batch) throw notFound('importBatch', id);
    return batch;
  }

  private quarantined(id: number): QuarantinedRow {
    const q = this.repo.quarantined(id);
    if (!q) throw notFound('quarantinedRow', id);
    return q;
  }

  /**
   * Every format is streamed in bounded memory (JSON documents and workbooks too), so any large file goes to the
   * worker. A file that cannot be read is left to the reader, which says why.
   */
  private async open(file: string, options: ImportOptions, displayName?: string): Promise<ParsedSource> {
    const size = (await fs.promises.stat(file).catch(() => null))?.size ?? 0;
    return size >= this.workerFromBytes ? openParsedSourceInWorker(file, options, displayName) : openParsedSource(file, options, displayName);
  }

  private async run(job: Job, batchId: string, source: ParsedSource): Promise<ImportSummary> {
    const counts = { rows: 0, imported: 0, duplicates: 0, rejected: 0 };
    const writer = new MentionWriter(this.db, job.incidentId, batchId);
    const writeBlock = this.db.transaction((block: ParsedBlock) => {
      for (const row of block.rejected) {
        this.repo.quarantine({ batchId, incidentId: job.incidentId, fileName: job.fileName, rowNumber: row.rowNumber, problem: row.problem, raw: row.raw, at: job.clock() });
      }
      for (const { mentions, raws } of partsOf(block)) {
        const inserted = writer.write(mentions, raws).filter((id) => id > 0).length;
        counts.imported += inserted;
        counts.duplicates += mentions.length - inserted;
      }
      counts.rows += block.rows;
      counts.rejected += block.rejected.length;
      this.repo.updateCounts(batchId, counts);
    });
    let status: ImportSummary['status'] = 'complete';
    let error: string | null = null;
    let problem: FileProblem | null = null;
    try {
      for await (const block of source.blocks()) {
        if (job.cancelled) throw new Cancelled();
        writeBlock(block);
        this.progress(job, counts.rows, block.bytesRead);
        await yieldToEventLoop(); // let the room's other requests in between transactions
        if (job.cancelled) throw new Cancelled();
      }
      if (counts.rows === 0) throw fileError(job.fileName, 'header_only');
      const sha256 = await source.sha256;
      this.db.transaction(() => {
        this.repo.finish(batchId, 'complete', job.clock(), { sha256 });
        writer.countCompleted();
      })();
    } catch (thrown) {
      const storage = storageProblemOf(thrown);
      const err = storage ? storageFileError(job.fileName, storage) : thrown;
      status = err instanceof Cancelled ? 'cancelled' : 'failed';
      error = err instanceof Cancelled ? null : (err as Error).message;
      problem = fileProblemOf(err);
      if (storage || (!(err instanceof Cancelled) && !(err instanceof FirebreakError))) console.error('firebreak: import failed', thrown);
      this.tryDiscard(batchId, status, { error, problem }, job.clock());
      Object.assign(counts, { imported: 0, duplicates: 0 });
    } finally {
      source.close();
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
      problem,
    };
    this.events.publish({ type: 'import.finished', incidentId: job.incidentId, jobId: job.jobId, summary, finishedAt: job.clock() });
    this.events.publish({ type: 'mentions.changed', incidentId: job.incidentId });
    return summary;
  }

  /**
   * Discards the batch unless the disk or the database refuses that too (still full, held elsewhere): then the batch
   * stays "running" and the next start-up takes it out (`recoverInterrupted`), and Firebreak still starts meanwhile.
   */
  private tryDiscard(batchId: string, status: 'failed' | 'cancelled', why: { error: string | null; problem: FileProblem | null }, at = this.now()): void {
    try {
      this.discard(batchId, status, why, at);
    } catch (err) {
      if (!storageProblemOf(err)) throw err;
      console.error(`firebreak: import ${batchId} could not be taken out yet; the next start will`, err);
    }
  }

  /** Takes a batch's mentions and quarantined rows out again; the batch stays listed with why it ended. */
  private discard(batchId: string, status: 'failed' | 'cancelled', why: { error: string | null; problem: FileProblem | null }, at: number): void {
    const { incidentId } = this.batch(batchId);
    this.db.transaction(() => {
      deleteBatchMentions(this.db, incidentId, batchId, false);
      this.repo.deleteQuarantine(batchId);
      this.repo.updateCounts(batchId, { rows: 0, imported: 0, duplicates: 0, rejected: 0 });
      this.repo.finish(batchId, status, at, why);
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
