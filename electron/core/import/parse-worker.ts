/**
 * Worker thread entry: opens an export and hands it over block by block, read and mapped, so that the thread
 * writing the database (the room's own) spends its time writing. See parse-worker-client.ts for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FirebreakError } from '../../../shared/errors';
import { openParsedSource, packBlock } from './parsed-source';
import type { WorkerReply, WorkerRequest } from './parse-worker-client';

const port = parentPort!;
const { file, options, displayName } = workerData as WorkerRequest;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
const failed = (err: unknown) =>
  post({ type: 'error', message: (err as Error).message ?? String(err), code: err instanceof FirebreakError ? err.code : null, details: err instanceof FirebreakError ? err.details : undefined });

openParsedSource(file, options, displayName).then((source) => {
  post({ type: 'info', info: source.info, timezone: source.timezone });
  const blocks = source.blocks();
  port.on('message', () => {
    blocks.next().then((r) => {
      if (r.done) return source.sha256.then((sha256) => post({ type: 'end', sha256 }), failed);
      const { block, transfer } = packBlock(r.value);
      post({ type: 'block', block }, transfer);
    }, failed);
  });
}, failed);
