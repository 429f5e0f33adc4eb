import fs from 'node:fs';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_SCHEME } from '../transport/navigation-policy';
import { readStaticFile } from '../transport/static-files';

/** Must run before `app` is ready: the app's pages get a real origin (storage, fetch) instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at firebreak://app/ with the CSP as a header, never a file outside it. */
export function serveRenderer(rendererDir: string, downloads: { resolve(id: string): { file: string; name: string }; remove(id: string): void }): void {
  const root = fs.realpathSync(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const pathname = new URL(request.url).pathname;
    // An archive made for saving: Electron's download handling asks the user where to put it.
    if (pathname.startsWith('/api/download/')) {
      try {
        const id = decodeURIComponent(pathname.slice('/api/download/'.length));
        const found = downloads.resolve(id);
        const body = fs.readFileSync(found.file);
        downloads.remove(id);
        // A view of the bytes read, not a second copy (a million exported mentions are some 600 MB).
        return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.name)}` },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    }
    const file = readStaticFile(root, pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
