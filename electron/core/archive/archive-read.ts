import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { FirebreakError } from '../../../shared/errors';
import type { Params } from '../../../shared/fill';
import type { Messages } from '../../../shared/locales/en';
import { saidError } from '../said-error';
import type { ArchiveManifest, ArchiveTrailer } from './archive-export';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-tables';

type Why = keyof Messages['errors']['archiveWhy'];
/** A file that is not an archive this version can restore, named as the person chose it, said with why. */
export const refuse = (name: string, why: Why, params: Params = {}) => saidError('BAD_REQUEST', 'archiveRefused', { file: name, why, ...params });

/**
 * Checks a `.firebreak` file end to end before anything is written: it is gzip, starts with a Firebreak manifest this
 * version can read, ends with its trailer, and the SHA-256 of its data lines matches the trailer (a damaged, cut or
 * edited file is refused, naming it as `name`: the person's file name, not an upload's). The data is decompressed to
 * `plainFile` on the way, for the synchronous restore; `dataLines` counts its lines, for the restore's progress.
 */
export async function verifyArchive(file: string, plainFile: string, localSchema: number, name = path.basename(file)): Promise<{ manifest: ArchiveManifest; dataLines: number }> {
  if (!fs.existsSync(file)) throw new FirebreakError('NOT_FOUND', `No file ${file}.`);
  const hash = createHash('sha256');
  const out = fs.createWriteStream(plainFile);
  let manifest: ArchiveManifest | null = null;
  let trailer: ArchiveTrailer | null = null;
  let n = 0;
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file).pipe(gunzip);
  const gzipFailed = new Promise<never>((_resolve, reject) => {
    gunzip.on('error', (e) => reject(refuse(name, 'damaged', { detail: e.message })));
  });
  const lines = (async () => {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (trailer) throw refuse(name, 'trailing', { line: n });
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw refuse(name, 'unreadableLine', { line: n });
      }
      if (n === 1) {
        manifest = checkManifest(name, value, localSchema);
        continue;
      }
      if (value.end === true) {
        trailer = value as ArchiveTrailer;
        continue;
      }
      hash.update(`${line}\n`);
      if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  })();
  try {
    await Promise.race([lines, gzipFailed]);
  } finally {
    await new Promise<void>((r) => out.end(() => r()));
  }
  if (!manifest) throw refuse(name, 'empty');
  const t = trailer as ArchiveTrailer | null;
  if (!t) throw refuse(name, 'cutShort');
  if (t.lines !== n - 1 || t.sha256 !== hash.digest('hex')) throw refuse(name, 'changed');
  return { manifest, dataLines: n - 2 };
}

function checkManifest(name: string, value: Record<string, unknown>, localSchema: number): ArchiveManifest {
  if (value.format !== ARCHIVE_FORMAT) throw refuse(name, 'notArchive');
  const m = value as ArchiveManifest;
  if (m.version > ARCHIVE_VERSION || m.schema > localSchema) throw refuse(name, 'newer', { app: m.app });
  if (typeof m.incident?.id !== 'string') throw refuse(name, 'noIncident');
  return m;
}

/** The decompressed data lines, read synchronously so the restore runs inside one better-sqlite3 transaction. */
export function* readLines(plainFile: string): Generator<string> {
  const fd = fs.openSync(plainFile, 'r');
  const decoder = new StringDecoder('utf8');
  const chunk = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const text = rest + decoder.write(chunk.subarray(0, read));
      const parts = text.split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}
