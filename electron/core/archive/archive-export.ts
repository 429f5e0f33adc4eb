import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../db/migrate';
import { appVersion } from '../version';
import { ARCHIVE_FORMAT, ARCHIVE_TABLES, ARCHIVE_VERSION } from './archive-tables';
import { remapRow, type IdMaps } from './archive-ids';
import { exportInWorker } from './archive-workers';

export type ArchiveManifest = {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  schema: number;
  app: string;
  exportedAt: number;
  incident: { id: string; title: string };
};
/** The last line: how many lines came before it and the SHA-256 of the data lines (everything but the manifest). */
export type ArchiveTrailer = { end: true; lines: number; sha256: string };

export function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((c) => c.name);
}

/**
 * Writes an incident and everything in it to a `.firebreak` file: gzip'd JSON Lines, a manifest first, then per
 * table a column line and one line of values per row, then a trailer with the data's SHA-256. The database file
 * (`source`) is read in one pass in a worker thread over its own connection (a consistent snapshot; the room keeps
 * answering) into a plain temporary file; compressing it is streamed afterwards without touching the database.
 */
export async function exportArchive(source: { dbFile: string; nativeBinding?: string; upgrade?: boolean }, incidentId: string, outFile: string, now: number): Promise<{ lines: number; sha256: string; bytes: number }> {
  const plain = `${outFile}.part`;
  try {
    const result = await exportInWorker({ dbFile: source.dbFile, nativeBinding: source.nativeBinding, upgrade: source.upgrade, incidentId, plainFile: plain, now });
    await pipeline(fs.createReadStream(plain), zlib.createGzip({ level: 6 }), fs.createWriteStream(outFile));
    return { ...result, bytes: fs.statSync(outFile).size };
  } finally {
    await fs.promises.rm(plain, { force: true }); // a gigabyte at a million mentions: unlinked off the room's thread
  }
}

/** The archive's lines of an incident, in one read transaction, into `plainFile` (export-worker.ts calls it). */
export function writeArchiveLines(db: Database, incident: { id: string; title: string }, plainFile: string, now: number): { lines: number; sha256: string } {
  const fd = fs.openSync(plainFile, 'w');
  try {
    return db.transaction(() => writeLines(db, incident, fd, now))();
  } finally {
    fs.closeSync(fd);
  }
}

function writeLines(db: Database, incident: { id: string; title: string }, fd: number, now: number): { lines: number; sha256: string } {
  const hash = createHash('sha256');
  let buffer = '';
  let lines = 0;
  const emit = (value: unknown, hashed = true) => {
    const line = `${JSON.stringify(value)}\n`;
    if (hashed) hash.update(line);
    buffer += line;
    lines++;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  };
  const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, schema: schemaVersion(db), app: appVersion(), exportedAt: now, incident };
  emit(manifest, false);
  const maps: IdMaps = new Map();
  for (const spec of ARCHIVE_TABLES) {
    const columns = columnsOf(db, spec.table);
    emit({ t: spec.table, c: columns });
    const map = new Map<number, number>();
    if (spec.key) maps.set(spec.table, map);
    const rows = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${spec.table} WHERE ${spec.where} ORDER BY ${spec.order}`).raw().iterate({ incident: incident.id }) as Iterable<unknown[]>;
    for (const values of rows) {
      if (spec.key) map.set(values[columns.indexOf(spec.key)] as number, map.size + 1);
      emit({ r: remapRow(spec, columns, values, maps, 'export') });
    }
  }
  const sha256 = hash.digest('hex');
  const trailer: ArchiveTrailer = { end: true, lines, sha256 };
  emit(trailer, false);
  fs.writeSync(fd, buffer);
  return { lines, sha256 };
}
