import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread';
import { FirebreakError, type ErrorCode } from '../../../shared/errors';
import type { ImportOptions } from '../../../shared/mentions';
import { fileError } from './import-error';
import type { ParsedBlock, ParsedSource } from './parsed-source';
import type { SourceInfo } from './sources/source';

export type WorkerRequest = { file: string; options: ImportOptions; displayName?: string };
export type WorkerReply =
  | { type: 'info'; info: SourceInfo; timezone: string }
  | { type: 'block'; block: ParsedBlock }
  /** The hash comes with the end: sent apart, it could still be on its way when the end closed the worker. */
  | { type: 'end'; sha256: string }
  | { type: 'error'; message: string; code: ErrorCode | null; details: unknown };

/**
 * The worker's heap, capped. Left alone, V8 let it grow to ~250 MB of garbage while parsing a million rows (import
 * peak 530 MB, measured); the young generation's size is what matters (4 MB: peak 359-393 MB; 8 MB: 402 MB). The
 * old generation's cap stays high enough for a field that runs on to the csv source's 64-million-character limit
 * in Cyrillic (128 MB as a string, copied while joined), so that file fails with its row number, not for memory.
 */
const LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 4 };
type Next = Extract<WorkerReply, { type: 'block' | 'end' }>;
type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void };

/**
 * Opens an export in a worker thread: reading, decoding, splitting and mapping rows (about a sixth of a large
 * import's time, measured) then run on the machine's other core while this thread writes the previous block. The
 * worker is asked for one block ahead at a time, so at most two blocks are held in memory. Same results and the same
 * errors as `openParsedSource`, which the worker itself calls.
 */
export function openParsedSourceInWorker(file: string, options: ImportOptions, displayName?: string): Promise<ParsedSource> {
  const worker = spawn({ file, options, displayName });
  const opened = deferred<ParsedSource>();
  const sha256 = deferred<string>();
  const waiting: Deferred<Next>[] = [];
  let closed = false;
  let failure: Error | null = null;
  const close = () => {
    closed = true;
    void worker.terminate();
  };
  const fail = (err: Error) => {
    failure ??= err;
    close();
    for (const d of [opened, sha256, ...waiting.splice(0)]) d.reject(err);
  };
  const ask = (): Promise<Next> => {
    if (failure) return Promise.reject(failure);
    const d = deferred<Next>();
    waiting.push(d);
    worker.postMessage('next');
    return d.promise;
  };
  async function* blocks(): AsyncGenerator<ParsedBlock> {
    let next = ask();
    try {
      for (;;) {
        const reply = await next;
        if (reply.type === 'end') return;
        next = ask(); // read the next block while the caller writes this one
        yield reply.block;
      }
    } finally {
      close();
    }
  }
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'info') opened.resolve({ info: reply.info, timezone: reply.timezone, blocks, sha256: sha256.promise, close });
    else if (reply.type === 'error') fail(reply.code ? new FirebreakError(reply.code, reply.message, reply.details) : new Error(reply.message));
    else {
      if (reply.type === 'end') sha256.resolve(reply.sha256);
      waiting.shift()?.resolve(reply);
    }
  });
  worker.on('error', (err: Error & { code?: string }) => {
    const name = displayName ?? path.basename(file);
    fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? fileError(name, 'out_of_memory') : err);
  });
  // Whatever is still awaited when the worker is gone fails rather than waits forever (a promise nobody can settle
  // lets the process run out of work mid-import).
  worker.on('exit', (code) => {
    fail(new Error(closed ? "the import's file reader was closed" : `the import's file reader stopped unexpectedly (exit code ${code})`));
  });
  return opened.promise;
}

/** Under tsx (tests, benchmarks) the worker is TypeScript, which a worker cannot load by itself. */
function spawn(request: WorkerRequest): Worker {
  return startWorker(__dirname, 'parse-worker', path.extname(__filename), request, LIMITS);
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // a read-ahead nobody awaits any more must not become an unhandled rejection
  return { promise, resolve, reject };
}
