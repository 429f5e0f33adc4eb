import fs from 'node:fs';
import { Readable } from 'node:stream';

/** Files the back end made for saving (an archive, a mention export): sent once, then forgotten. */
export type Downloads = { resolve(id: string): { file: string; name: string }; remove(id: string): void };

/** The headers of a prepared file sent to be saved under its own name (any script: RFC 5987), with a plain fallback. */
export function attachmentHeaders(name: string, size: number): Record<string, string> {
  return {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="download.firebreak"; filename*=UTF-8''${encodeURIComponent(name)}`,
  };
}

/**
 * The desktop window's download of a prepared file, as a web Response for Electron's protocol handler: streamed from
 * disk (a million exported mentions are some 600 MB, which reading the file whole held in memory), removed once sent
 * to the end. `encodedId` as the URL has it; an unknown or malformed one answers 404.
 */
export function downloadResponse(downloads: Downloads, encodedId: string): Response {
  let id: string;
  let found: { file: string; name: string };
  let size: number;
  try {
    id = decodeURIComponent(encodedId);
    found = downloads.resolve(id);
    size = fs.statSync(found.file).size;
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const stream = fs.createReadStream(found.file).on('end', () => downloads.remove(id));
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers: attachmentHeaders(found.name, size) });
}
