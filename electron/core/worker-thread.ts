import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

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
