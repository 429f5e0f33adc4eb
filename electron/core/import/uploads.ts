import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FirebreakError } from '../../../shared/errors';
import { notFound } from '../said-error';

/**
 * Files sent to the room server from a browser, kept under the data directory until imported. The original name
 * is stored beside the bytes (never used as a path), so a hostile name cannot escape the folder.
 */
export class UploadStore {
  /**
   * `keepMs`: files older than this are removed whenever a new one is made. For downloads, fetched within seconds of
   * being written: one never fetched (a browser closed meanwhile) would otherwise stay, and an export of a million
   * mentions is some 600 MB.
   */
  constructor(private readonly dir: string, private readonly keepMs?: number) {}

  create(originalName: string): { id: string; file: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    if (this.keepMs !== undefined) this.removeOlderThan(Date.now() - this.keepMs);
    const id = randomUUID();
    fs.writeFileSync(path.join(this.dir, `${id}.name`), path.basename(originalName).slice(0, 255) || 'upload');
    return { id, file: path.join(this.dir, `${id}.data`) };
  }

  resolve(id: string): { file: string; name: string } {
    if (!/^[\w-]{8,64}$/.test(id)) throw new FirebreakError('BAD_REQUEST', 'Malformed upload id.');
    const file = path.join(this.dir, `${id}.data`);
    if (!fs.existsSync(file)) throw notFound('upload', id);
    const name = fs.readFileSync(path.join(this.dir, `${id}.name`), 'utf8');
    return { file, name };
  }

  remove(id: string): void {
    for (const ext of ['data', 'name']) fs.rmSync(path.join(this.dir, `${id}.${ext}`), { force: true });
  }

  private removeOlderThan(cutoff: number): void {
    for (const name of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      try {
        if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
      } catch {
        // Removed meanwhile by whoever fetched it.
      }
    }
  }
}
