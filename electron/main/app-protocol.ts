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
export function serveRenderer(rendererDir: string): void {
  const root = fs.realpathSync(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const file = readStaticFile(root, new URL(request.url).pathname);
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
