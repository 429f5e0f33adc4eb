import path from 'node:path';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';
import { FirebreakError, type ErrorCode } from '../../shared/errors';

/**
 * Starts the worker thread whose entry module is `<dir>/<name>` beside the caller: compiled JavaScript in the app and
 * the command line, TypeScript through tsx in tests and benchmarks.
 */
export function startWorker(dir: string, name: string, ext: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const entry = path.join(dir, `${name}${ext}`);
  if (entry.endsWith('.ts')) {
    return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData, resourceLimits });
  }
  return new Worker(entry, { workerData, resourceLimits });
}

/** A failure sent across the thread: ours with its code and details (a refusal said in words), else the system's code. */
type Failure = { firebreak: true; code: ErrorCode; message: string; details: unknown } | { firebreak: false; message: string; code: string | null };
type Reply = { kind: 'done'; value: unknown } | { kind: 'failed'; error: Failure } | { kind: 'note'; note: unknown };

/**
 * One piece of database work in a worker thread of its own (an entry that calls `answerFromWorker`), so the room
 * keeps answering meanwhile: resolves with its value, rejects with its error as thrown there (a said refusal, a full
 * disk's code). `onNote` hears what the work says on the way (`noteFromWorker`).
 */
export function runInWorker<T>(dir: string, name: string, ext: string, workerData: unknown, onNote: (note: unknown) => void = () => undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(dir, name, ext, workerData);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'note') return onNote(reply.note);
      if (reply.kind === 'done') return settle(() => resolve(reply.value as T));
      const e = reply.error;
      settle(() => reject(e.firebreak ? new FirebreakError(e.code, e.message, e.details) : Object.assign(new Error(e.message), e.code ? { code: e.code } : {})));
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the ${name} worker stopped (exit code ${code})`))));
  });
}

/** In a worker entry: does the work and sends its value or its failure to `runInWorker`. */
export function answerFromWorker(work: () => unknown): void {
  Promise.resolve()
    .then(work)
    .then(
      (value) => parentPort!.postMessage({ kind: 'done', value } satisfies Reply),
      (err: unknown) => {
        const error: Failure = err instanceof FirebreakError
          ? { firebreak: true, code: err.code, message: err.message, details: err.details }
          : { firebreak: false, message: (err as Error)?.message ?? String(err), code: (err as { code?: string })?.code ?? null };
        parentPort!.postMessage({ kind: 'failed', error } satisfies Reply);
      },
    );
}

/** In a worker entry: tells `runInWorker`'s caller how the work goes. */
export function noteFromWorker(note: unknown): void {
  parentPort!.postMessage({ kind: 'note', note } satisfies Reply);
}
