import v8 from 'node:v8';
import type { ImportOptions, RowProblem } from '../../../shared/mentions';
import { RowError, finaliseDraft, type FinaliseContext, type NewMention } from './draft';
import { rowProblem } from './row-problem';
import { sha256File } from './file-hash';
import { compactRaw, verbatimCells } from './raw-row';
import { openSource, type OpenedSource } from './sources/open-source';
import type { SourceInfo, SourceRow } from './sources/source';

/**
 * Rows per block, i.e. per write transaction: each commit rewrites the index pages it touched, so bigger is faster
 * (measured: 2,500-row commits cost 25% more), but the room waits for a transaction to end and memory holds the
 * pending rows; 10,000 was as fast as 20,000 with 150 MB less peak memory.
 */
const ROWS_PER_BLOCK = 10_000;
/** Rows per part of a block (see `packBlock`). */
const ROWS_PER_PART = 1_000;
/** A slow source (a big workbook) still ends a block this often, so progress shows and cancel is heard. */
const MS_PER_BLOCK = 250;

export type RejectedRow = { rowNumber: number; problem: RowProblem; raw: Record<string, string> | string };

/** Mentions to write, each with its raw row as stored (JSON, verbatim cells left out: see raw-row.ts). */
export type MentionPart = { mentions: NewMention[]; raws: string[] };

/**
 * Rows read, checked and mapped, ready to be written in one transaction. Plain data: it crosses threads, its
 * parts then packed (`packBlock`).
 */
export type ParsedBlock = {
  rows: number;
  parts: (MentionPart | Uint8Array)[];
  rejected: RejectedRow[];
  /** Of the file, after this block (for progress). */
  bytesRead: number;
};

/** A file opened for import, read block by block (here, or in a worker thread: see parse-worker-client.ts). */
export type ParsedSource = {
  info: SourceInfo;
  timezone: string;
  blocks(): AsyncGenerator<ParsedBlock>;
  /** The file's SHA-256, computed while it is read. */
  sha256: Promise<string>;
  /** Stops reading (cancel, failure); the blocks already handed out stay valid. */
  close(): void;
};

export async function openParsedSource(file: string, options: ImportOptions, displayName?: string): Promise<ParsedSource> {
  const source = await openSource(file, options, displayName);
  const sha256 = sha256File(file);
  sha256.catch(() => undefined); // awaited by the import; a file gone mid-way is reported by the reading itself
  let closed = false;
  return {
    info: source.info,
    timezone: source.timezone,
    sha256,
    blocks: () => parsedBlocks(source, () => closed),
    close: () => {
      closed = true;
    },
  };
}

async function* parsedBlocks(source: OpenedSource, closed: () => boolean): AsyncGenerator<ParsedBlock> {
  const ctx: FinaliseContext = { order: source.info.dateOrder, timezone: source.timezone };
  const verbatim = verbatimCells(source.info.columns, source.info.mapping);
  let block = emptyBlock();
  let since = performance.now();
  for await (const rows of source.batches()) {
    if (closed()) return;
    addRows(block, rows, ctx, verbatim);
    if (block.rows >= ROWS_PER_BLOCK || performance.now() - since >= MS_PER_BLOCK) {
      block.bytesRead = source.bytesRead();
      yield block;
      block = emptyBlock();
      since = performance.now();
    }
  }
  if (block.rows > 0 && !closed()) yield { ...block, bytesRead: source.bytesRead() };
}

const emptyBlock = (): ParsedBlock => ({ rows: 0, parts: [], rejected: [], bytesRead: 0 });

function addRows(block: ParsedBlock, rows: readonly SourceRow[], ctx: FinaliseContext, verbatim: ReturnType<typeof verbatimCells>): void {
  for (const row of rows) {
    const result = finaliseRow(row, ctx);
    if ('mention' in result) {
      let part = block.parts.at(-1) as MentionPart | undefined;
      if (!part || part.mentions.length >= ROWS_PER_PART) block.parts.push((part = { mentions: [], raws: [] }));
      part.mentions.push(result.mention);
      part.raws.push(JSON.stringify(compactRaw(row.raw, verbatim, result.mention)));
    } else {
      block.rejected.push({ rowNumber: row.rowNumber, problem: result.problem, raw: row.quarantineRaw() });
    }
  }
  block.rows += rows.length;
}

/** A row as a mention, or why it cannot be one (it is then quarantined). */
export function finaliseRow(row: SourceRow, ctx: FinaliseContext): { mention: NewMention } | { problem: RowProblem } {
  if (row.problem || !row.draft) return { problem: row.problem ?? rowProblem('unreadable') };
  try {
    return { mention: finaliseDraft(row.draft, ctx) };
  } catch (err) {
    if (err instanceof RowError) return { problem: err.problem };
    throw err;
  }
}

/**
 * Serialises each part of a block on its own, for another thread. Received as one object graph, a block outlived
 * the young generation while it was written and the writing thread's heap grew to ~200 MB of garbage (import peak
 * 460-490 MB at 1M rows); unpacked part by part (`partsOf`) its objects die young (peak ~380 MB, measured).
 */
export function packBlock(block: ParsedBlock): { block: ParsedBlock; transfer: ArrayBuffer[] } {
  // Copied into memory of its own (a memcpy), so that it is handed over rather than copied again by postMessage.
  const parts = block.parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(v8.serialize(p))));
  const transfer = parts.filter((p) => p.byteOffset === 0 && p.byteLength === p.buffer.byteLength).map((p) => p.buffer as ArrayBuffer);
  return { block: { ...block, parts }, transfer };
}

/**
 * A block's parts, unpacked one at a time. Each is let go of as it is handed out (the block is written once), so
 * its transferred buffer can be freed while the rest of the block is still being written.
 */
export function* partsOf(block: ParsedBlock): Generator<MentionPart> {
  for (let i = 0; i < block.parts.length; i++) {
    const p = block.parts[i];
    block.parts[i] = EMPTY_PART;
    yield p instanceof Uint8Array ? (v8.deserialize(p) as MentionPart) : p;
  }
}

const EMPTY_PART: MentionPart = { mentions: [], raws: [] };
