import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Shared strings kept in memory before the rest go to a temporary file. */
const MEMORY_BYTES = 32 << 20;
const WRITE_BUFFER_BYTES = 1 << 16;

/**
 * A workbook's shared strings: Excel writes each distinct cell text once and cells point at it by number, so in an
 * export they are most of its text, and every one must be at hand before the first row is read. ExcelJS's own cache
 * holds them as JavaScript objects (157 MB of heap for a 200,000-row export, 600 MB peak for its import). Here they
 * are UTF-8 bytes: the first `memoryBytes` in memory, the rest in a temporary file read back per cell, so a
 * workbook of any size is read in bounded memory.
 */
export class SharedStrings {
  private memory = Buffer.alloc(WRITE_BUFFER_BYTES);
  private memoryUsed = 0;
  /** Where string i starts (`starts[count]`: where the next one will); from `spilledFrom` on, in the file. */
  private starts = new Float64Array(1024);
  private count = 0;
  private spilledFrom = Infinity;
  private dir: string | null = null;
  private fd: number | null = null;
  private pending = Buffer.alloc(WRITE_BUFFER_BYTES);
  private pendingUsed = 0;
  private fileUsed = 0;

  constructor(private readonly memoryBytes = MEMORY_BYTES) {}

  get size(): number {
    return this.count;
  }

  /** How much of them went to the temporary file. */
  get bytesOnDisk(): number {
    return this.fileUsed + this.pendingUsed;
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.count + 2 > this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const start = this.starts[this.count];
    if (this.spilledFrom === Infinity && this.memoryUsed + bytes <= this.memoryBytes) {
      this.toMemory(text, bytes);
    } else {
      this.spilledFrom = Math.min(this.spilledFrom, start); // from the first string that does not fit, all go to the file
      this.toFile(text, bytes);
    }
    this.starts[++this.count] = start + bytes;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const start = this.starts[index];
    const end = this.starts[index + 1];
    if (start < this.spilledFrom) return this.memory.toString('utf8', start, end);
    this.flush();
    const bytes = Buffer.allocUnsafe(end - start);
    fs.readSync(this.fd!, bytes, 0, bytes.length, start - this.spilledFrom);
    return bytes.toString('utf8');
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.fd = null;
    this.dir = null;
  }

  private toMemory(text: string, bytes: number): void {
    if (this.memoryUsed + bytes > this.memory.length) {
      const grown = Buffer.alloc(Math.min(this.memoryBytes, Math.max(this.memory.length * 2, this.memoryUsed + bytes)));
      this.memory.copy(grown, 0, 0, this.memoryUsed);
      this.memory = grown;
    }
    this.memoryUsed += this.memory.write(text, this.memoryUsed);
  }

  private toFile(text: string, bytes: number): void {
    if (this.fd === null) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-xlsx-'));
      this.fd = fs.openSync(path.join(this.dir, 'shared-strings'), 'w+');
      // Gone from the disk at once where the system allows it (not Windows): the open file lives on until closed,
      // even if the import's worker thread is stopped (a cancelled import) before close() runs.
      try {
        fs.rmSync(this.dir, { recursive: true });
        this.dir = null;
      } catch {
        // removed by close()
      }
    }
    if (this.pendingUsed + bytes > this.pending.length) this.flush();
    if (bytes > this.pending.length) {
      this.write(Buffer.from(text));
      return;
    }
    this.pendingUsed += this.pending.write(text, this.pendingUsed);
  }

  private flush(): void {
    if (this.pendingUsed === 0) return;
    this.write(this.pending.subarray(0, this.pendingUsed));
    this.pendingUsed = 0;
  }

  private write(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd!, bytes, done, bytes.length - done, this.fileUsed + done);
    this.fileUsed += bytes.length;
  }
}
