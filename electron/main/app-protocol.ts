import fs from 'node:fs';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { downloadResponse, type Downloads } from '../transport/download-response';
import { APP_SCHEME } from '../transport/navigation-policy';
import { readStaticFile } from '../transport/static-files';

/** Must run before `app` is ready: the app's pages get a real origin (storage, fetch) instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at firebreak://app/ with the CSP as a header, never a file outside it. */
export function serveRenderer(rendererDir: string, downloads: Downloads): void {
  const root = fs.realpathSync(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const pathname = new URL(request.url).pathname;
    // A file made for saving: Electron's download handling asks the user where to put it.
    if (pathname.startsWith('/api/download/')) return downloadResponse(downloads, pathname.slice('/api/download/'.length));
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
