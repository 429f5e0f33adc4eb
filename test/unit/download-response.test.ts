import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UploadStore } from '../../electron/core/import/uploads';
import { downloadResponse } from '../../electron/transport/download-response';
import { tempDir } from './helpers';

describe('the desktop window\'s downloads', () => {
  it('streams a prepared file under its own name and forgets it once sent to the end, not before', async () => {
    const downloads = new UploadStore(path.join(tempDir(), 'exports'));
    const { id, file } = downloads.create('Αναφορές Northwind.csv');
    const bytes = randomBytes(3 * 1024 * 1024 + 17); // several chunks of the file stream
    fs.writeFileSync(file, bytes);
    const res = downloadResponse(downloads, encodeURIComponent(id));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-length'), String(bytes.length));
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="download.firebreak"; filename*=UTF-8''${encodeURIComponent('Αναφορές Northwind.csv')}`);
    // Read from disk as the window saves it: still there until the last byte is sent (it was read whole, then removed).
    assert.ok(fs.existsSync(file));
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), bytes);
    for (let i = 0; i < 100 && fs.existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 10)); // the stream's end comes just after its last byte
    assert.equal(fs.existsSync(file), false, 'forgotten once sent');
    assert.equal(downloadResponse(downloads, id).status, 404, 'sent once');
  });

  it('answers 404 to an unknown, malformed or badly encoded id', () => {
    const downloads = new UploadStore(path.join(tempDir(), 'exports'));
    for (const id of ['4f1c2a9e-0000-4000-8000-000000000000', '../../etc/passwd', '%E0%A4%A']) assert.equal(downloadResponse(downloads, id).status, 404, id);
  });
});
