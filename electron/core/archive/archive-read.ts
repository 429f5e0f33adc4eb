import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { FirebreakError } from '../../../shared/errors';
import type { ArchiveManifest, ArchiveTrailer } from './archive-export';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-tables';

const refuse = (file: string, reason: string) => new FirebreakError('BAD_REQUEST', `${path.basename(file)} cannot be imported: ${reason}. Nothing was changed.`);

/**
 * Checks a `.firebreak` file end to end before anything is written: it is gzip, starts with a Firebreak manifest this
 * version can read, ends with its trailer, and the SHA-256 of its data lines matches the trailer (a damaged, cut or
 * edited file is refused). The data is decompressed to `plainFile` on the way, for the synchronous restore.
 */
export async function verifyArchive(file: string, plainFile: string, localSchema: number): Promise<ArchiveManifest> {
  if (!fs.existsSync(file)) throw new FirebreakError('NOT_FOUND', `No file ${file}.`);
  const hash = createHash('sha256');
  const out = fs.createWriteStream(plainFile);
  let manifest: ArchiveManifest | null = null;
  let trailer: ArchiveTrailer | null = null;
  let n = 0;
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file).pipe(gunzip);
  const gzipFailed = new Promise<never>((_resolve, reject) => {
    gunzip.on('error', (e) => reject(refuse(file, `it is not a Firebreak archive or it is damaged (${e.message})`)));
  });
  const lines = (async () => {
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (trailer) throw refuse(file, `there is data after its end (line ${n})`);
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw refuse(file, `line ${n} is not readable`);
      }
      if (n === 1) {
        manifest = checkManifest(file, value, localSchema);
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
  if (!manifest) throw refuse(file, 'it is empty');
  const t = trailer as ArchiveTrailer | null;
  if (!t) throw refuse(file, 'it is cut short (its end marker is missing)');
  if (t.lines !== n - 1 || t.sha256 !== hash.digest('hex')) throw refuse(file, 'its content was changed or damaged after it was exported (the checksum does not match)');
  return manifest;
}

function checkManifest(file: string, value: Record<string, unknown>, localSchema: number): ArchiveManifest {
  if (value.format !== ARCHIVE_FORMAT) throw refuse(file, 'it is not a Firebreak archive');
  const m = value as ArchiveManifest;
  if (m.version > ARCHIVE_VERSION || m.schema > localSchema) throw refuse(file, `it was made by a newer Firebreak (${m.app}); update this laptop first`);
  if (typeof m.incident?.id !== 'string') throw refuse(file, 'its manifest names no incident');
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
