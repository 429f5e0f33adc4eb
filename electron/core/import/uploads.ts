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
  constructor(private readonly dir: string) {}

  create(originalName: string): { id: string; file: string } {
    fs.mkdirSync(this.dir, { recursive: true });
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
}
