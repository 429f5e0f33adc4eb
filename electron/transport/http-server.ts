import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FirebreakError, type Result } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import type { EventBus } from '../core/events';
import { saidError } from '../core/said-error';
import { ROOM_JOIN_CALL, ROOM_STATUS_CALL, type RoomStatus } from '../../shared/room';
import type { RoomGate } from './room-gate';
import { apiErrorOf } from './api-error';
import { attachmentHeaders, type Downloads } from './download-response';
import type { Dispatch } from './dispatch';
import { HTTP_STATUS } from './http-status';
import { defaultRendererDir, readStaticFile } from './static-files';

export type RoomServerOptions = {
  dispatch: Dispatch;
  events: EventBus;
  host?: string;
  port?: number;
  rendererDir?: string;
  /** Largest accepted JSON body. */
  maxBodyBytes?: number;
  /** Where `PUT /api/upload?name=...` stores files sent from a browser for import. */
  uploads?: { create(name: string): { id: string; file: string }; remove(id: string): void };
  maxUploadBytes?: number;
  /** Files the back end made for saving (archives), sent once by `GET /api/download/<id>`. */
  downloads?: Downloads;
  /** How often an idle event stream hears from the server (default HEARTBEAT_MS). */
  heartbeatMs?: number;
  /** Opened to other laptops: only browsers that gave the room code get past `/api/` (room-gate.ts). */
  gate?: RoomGate;
};

/** `streams`: how many browsers hold the live stream now (each open window in the room). */
export type RoomServer = { url: string; streams(): number; close(): Promise<void> };

export const ACTOR_HEADER = 'x-firebreak-actor';
const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_MAX_UPLOAD = 4 * 1024 * 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The headless room server: the same UI in a browser, `POST /api/<method>`, and push events over SSE. */
export function startRoomServer(opts: RoomServerOptions): Promise<RoomServer> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let streams = 0;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!isRoomHostName(req.headers.host)) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Open the room by its address (an IP address, localhost or a .local name).');
      return;
    }
    if (url === `/api/${ROOM_STATUS_CALL}`) return void handleRoomCall(req, res, () => roomStatus(req, opts.gate));
    if (url === `/api/${ROOM_JOIN_CALL}`) return void handleRoomCall(req, res, () => joinRoom(req, res, opts.gate));
    if (url.startsWith('/api/') && opts.gate && !opts.gate.admits(req)) {
      // The page itself (static files) holds no data: it shows the join screen; everything under /api/ waits for the code.
      return sendJson(res, { ok: false, error: { code: 'NOT_JOINED', message: 'Join the room first: give the room code shown where the room server was started.' } });
    }
    if (url === '/api/events') {
      streams++;
      req.on('close', () => streams--);
      return streamEvents(req, res, opts.events, opts.heartbeatMs ?? HEARTBEAT_MS);
    }
    if (url.startsWith('/api/upload?') && opts.uploads) return void handleUpload(req, res, opts.uploads, opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD);
    if (url.startsWith('/api/download/') && opts.downloads) return sendDownload(res, opts.downloads, url.slice('/api/download/'.length));
    if (url.startsWith('/api/')) return void handleApi(req, res, opts.dispatch, maxBody);
    return serveStatic(req, res, rendererDir);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const { port, address } = server.address() as AddressInfo;
      // Opened on every interface: this laptop's own browser reaches it at 127.0.0.1 (other laptops: lanAddresses).
      const local = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
      const shownHost = local.includes(':') ? `[${local}]` : local;
      resolve({
        url: `http://${shownHost}:${port}/`,
        streams: () => streams,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, dispatch: Dispatch, maxBody: number) {
  const method = decodeURIComponent((req.url ?? '').slice('/api/'.length).split('?')[0]);
  try {
    if (req.method !== 'POST') throw new FirebreakError('METHOD_NOT_ALLOWED', 'Use POST with a JSON body.');
    assertSameOrigin(req);
    const body = await readBody(req, maxBody);
    const arg = parseJson(body);
    const actor = parseActorHeader(req.headers[ACTOR_HEADER]);
    sendJson(res, await dispatch(method, arg, actor));
  } catch (err) {
    if (!(err instanceof FirebreakError)) console.error('firebreak: HTTP request failed', err);
    sendJson(res, { ok: false, error: apiErrorOf(err) });
  }
}

/** The room server's own calls, outside the dispatcher (they read and set the room's cookie): checked as any call. */
async function handleRoomCall(req: http.IncomingMessage, res: http.ServerResponse, answer: () => unknown) {
  try {
    if (req.method !== 'POST') throw new FirebreakError('METHOD_NOT_ALLOWED', 'Use POST with a JSON body.');
    assertSameOrigin(req);
    sendJson(res, { ok: true, value: await answer() });
  } catch (err) {
    sendJson(res, { ok: false, error: apiErrorOf(err) });
  }
}

function roomStatus(req: http.IncomingMessage, gate: RoomGate | undefined): RoomStatus {
  return { protected: gate !== undefined, joined: gate?.admits(req) ?? true };
}

/** A browser gives the room code; the right one gets the room's cookie, a wrong one is said, too many make it wait. */
async function joinRoom(req: http.IncomingMessage, res: http.ServerResponse, gate: RoomGate | undefined): Promise<{ joined: true }> {
  const { code } = (parseJson(await readBody(req, 1024)) ?? {}) as { code?: unknown };
  if (!gate) return { joined: true };
  const outcome = gate.join(req.socket.remoteAddress ?? '', typeof code === 'string' ? code : '');
  if (!outcome.joined) {
    throw outcome.waitSeconds === null ? saidError('FORBIDDEN', 'wrongRoomCode', {}) : saidError('FORBIDDEN', 'roomCodeWait', { seconds: outcome.waitSeconds });
  }
  res.setHeader('Set-Cookie', outcome.cookie);
  return { joined: true };
}

/**
 * The names a room is reached by: IP addresses, `localhost`, and names no public DNS gives out (`laptop.local`,
 * `LAPTOP`). Anything else is a page that had its own domain name point at this laptop (DNS rebinding) to read the
 * room from the browser of someone on it: the room on 127.0.0.1 asks no code, so that would be the whole crisis.
 */
export function isRoomHostName(hostHeader: string | undefined): boolean {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  if (/^\[[0-9a-f:.]+\]$/.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.local$/.test(host) || /^[a-z0-9-]+$/.test(host);
}

/**
 * A web page the user happens to have open must not drive the room server: browsers send `Origin` on
 * cross-site POSTs, and requiring JSON forces a CORS preflight that we never approve.
 */
function assertSameOrigin(req: http.IncomingMessage, contentType = 'application/json'): void {
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
    throw new FirebreakError('FORBIDDEN', 'Cross-origin requests are not accepted.');
  }
  if (contentType !== 'application/json') return;
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new FirebreakError('BAD_REQUEST', 'Send the argument as a JSON body (Content-Type: application/json).');
  }
}

/** Streams an upload to disk (never into memory), refusing it past the size limit. */
async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, uploads: NonNullable<RoomServerOptions['uploads']>, maxBytes: number) {
  let upload: { id: string; file: string } | null = null;
  try {
    if (req.method !== 'PUT') throw new FirebreakError('METHOD_NOT_ALLOWED', 'Use PUT with the file as the body.');
    assertSameOrigin(req, 'application/octet-stream');
    const name = new URL(req.url ?? '', 'http://x').searchParams.get('name') ?? 'upload';
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw new FirebreakError('PAYLOAD_TOO_LARGE', `Files over ${maxBytes} bytes cannot be uploaded.`);
    upload = uploads.create(name);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > maxBytes ? new FirebreakError('PAYLOAD_TOO_LARGE', `Files over ${maxBytes} bytes cannot be uploaded.`) : null, chunk);
      },
    });
    await pipeline(req, limit, fs.createWriteStream(upload.file));
    sendJson(res, { ok: true, value: { uploadId: upload.id, name, size } });
  } catch (err) {
    if (upload) uploads.remove(upload.id);
    if (!(err instanceof FirebreakError)) console.error('firebreak: upload failed', err);
    if (!res.headersSent) sendJson(res, { ok: false, error: apiErrorOf(err, 'The upload failed.') });
    req.resume();
  }
}

function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new FirebreakError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new FirebreakError('MALFORMED_JSON', `The request body is not valid JSON: ${(err as Error).message}`);
  }
}

function parseActorHeader(raw: string | string[] | undefined): unknown {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return JSON.parse(decodeURIComponent(raw));
  } catch {
    throw new FirebreakError('BAD_REQUEST', `The ${ACTOR_HEADER} header must be URI-encoded JSON {name, role}.`);
  }
}

function sendJson(res: http.ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : HTTP_STATUS[result.error.code];
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

/** How often an event stream hears from the room server when nothing happens (`firebreak serve --heartbeat`). */
export const HEARTBEAT_MS = 15_000;

function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, events: EventBus, heartbeatMs: number): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // A dropped stream is retried by the browser after 3 s.
  res.write('retry: 3000\n: connected\n\n');
  const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  // Keeps idle streams open through proxies and flaky Wi-Fi, and tells the browser the room is still there. Each ping
  // says how often it comes, from the first one on: the browser takes a stream silent for about 2.5 beats for dead
  // (renderer/api/client.ts), which only a beat it knows can tell.
  const ping = `event: ping\ndata: ${JSON.stringify({ everyMs: heartbeatMs })}\n\n`;
  res.write(ping);
  const heartbeat = setInterval(() => res.write(ping), heartbeatMs);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, SECURITY_HEADERS).end();
    return;
  }
  const file = readStaticFile(root, req.url ?? '/');
  if (!file) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found. Was the renderer built (npm run build)?');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** Streams a prepared file as an attachment with its own name, then forgets it (it exists only to be saved). */
function sendDownload(res: http.ServerResponse, downloads: NonNullable<RoomServerOptions['downloads']>, id: string): void {
  let found: { file: string; name: string };
  try {
    found = downloads.resolve(decodeURIComponent(id));
  } catch (err) {
    res.writeHead(err instanceof FirebreakError && err.code === 'NOT_FOUND' ? 404 : 400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end((err as Error).message);
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, ...attachmentHeaders(found.name, fs.statSync(found.file).size) });
  fs.createReadStream(found.file)
    .on('end', () => downloads.remove(decodeURIComponent(id)))
    .pipe(res);
}
