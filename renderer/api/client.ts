import type { ArgOf, Method, ReturnOf } from '../../shared/api';
import type { Actor } from '../../shared/domain';
import type { ApiError, Result } from '../../shared/errors';
import type { FirebreakEvent } from '../../shared/events';
import type { PreloadBridge } from '../../shared/ipc';
import { ROOM_JOIN_CALL, ROOM_STATUS_CALL, type RoomStatus } from '../../shared/room';

declare global {
  interface Window {
    /** Present only in the Electron window (exposed by the preload); absent in room mode in a browser. */
    firebreak?: PreloadBridge;
  }
}

/** A failed call; `code` is one of the contract's closed set. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Which said error (`errors.say.<key>`) a failed call was, for the few a screen answers in its own way. */
export function saidKey(err: unknown): string | undefined {
  return err instanceof ApiCallError ? (err.error.details as { say?: { key?: string } } | undefined)?.say?.key : undefined;
}

let currentActor: Actor | null = null;

/** The person the first-run step recorded; sent with every call so the record says who did what. */
export function setActor(actor: Actor | null): void {
  currentActor = actor;
}

/** A call that never reached the room server (the UI says so in the reader's language: `details.unreachable`). */
function unreachable(why: string): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: `The room server did not answer: ${why}`, details: { unreachable: true } } };
}

async function invoke(method: string, arg: unknown): Promise<Result<unknown>> {
  if (window.firebreak) {
    return (await window.firebreak.invoke({ method, arg, actor: currentActor })) as Result<unknown>;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (currentActor) headers['X-Firebreak-Actor'] = encodeURIComponent(JSON.stringify(currentActor));
  try {
    const res = await fetch(`api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(arg) });
    return (await res.json()) as Result<unknown>;
  } catch (err) {
    return unreachable((err as Error).message);
  }
}

/** The one typed way the renderer talks to the back end, in Electron (IPC) and in a browser (HTTP) alike. */
export async function call<M extends Method>(method: M, arg: ArgOf<M>): Promise<ReturnOf<M>> {
  const result = await invoke(method, arg);
  // The room's code was replaced since this browser joined: start again, at the join screen.
  if (!result.ok && result.error.code === 'NOT_JOINED') window.location.reload();
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ReturnOf<M>;
}

/** Whether this browser may use the room (a room opened to other laptops asks for its code once); always in the app. */
export async function roomStatus(): Promise<RoomStatus> {
  if (window.firebreak) return { protected: false, joined: true };
  const result = (await invoke(ROOM_STATUS_CALL, {})) as Result<RoomStatus>;
  // Unanswered: let the app start and say so the usual way (the bar, "the room server did not answer").
  return result.ok ? result.value : { protected: false, joined: true };
}

/** Gives the room code; the room server answers with its cookie, so this browser stays in. */
export async function joinRoom(code: string): Promise<void> {
  const result = await invoke(ROOM_JOIN_CALL, { code });
  if (!result.ok) throw new ApiCallError(result.error);
}

/**
 * The room server pings every `everyMs` (15 s unless `firebreak serve --heartbeat` says otherwise; http-server.ts),
 * starting as the stream opens. After about two and a half beats without a word the stream is taken for dead even
 * if the socket has not noticed (Wi-Fi gone without a reset, the host laptop asleep), and opened again.
 */
function silenceLimitMs(everyMs: number): number {
  return Math.round(everyMs * 2.5 + 2_500);
}
const DEFAULT_BEAT_MS = 15_000;
const REOPEN_MS = 3_000;

/**
 * Events from the back end. In room mode `onConnection` hears when this laptop loses the room server and when it
 * is back (the events sent meanwhile are lost: the caller reads again what it shows); the desktop app's own back end
 * cannot be lost.
 */
export function subscribe(listener: (event: FirebreakEvent) => void, onConnection?: (connected: boolean) => void): () => void {
  if (window.firebreak) return window.firebreak.onEvent((e) => listener(e as FirebreakEvent));
  let source: EventSource | null = null;
  let silence: ReturnType<typeof setTimeout> | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let beatMs = DEFAULT_BEAT_MS;
  let probing = false;
  const lost = () => {
    onConnection?.(false);
    source?.close();
    clearTimeout(reopen);
    reopen = setTimeout(open, REOPEN_MS);
    // The room is back with a new code (the stream is refused, not unreachable): start again at the join screen.
    // One question at a time: to a host that sleeps, each would hang, and the browser allows a room six connections.
    if (probing) return;
    probing = true;
    void roomStatus()
      .then((room) => room.joined || window.location.reload())
      .finally(() => (probing = false));
  };
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(lost, silenceLimitMs(beatMs));
  };
  function open() {
    source = new EventSource('api/events');
    source.onopen = () => {
      heard();
      onConnection?.(true);
    };
    source.onmessage = (msg) => {
      heard();
      listener(JSON.parse(msg.data as string) as FirebreakEvent);
    };
    source.addEventListener('ping', (msg) => {
      const everyMs = Number((JSON.parse(msg.data as string) as { everyMs?: unknown }).everyMs);
      if (everyMs > 0) beatMs = everyMs;
      heard();
    });
    // The browser retries a dropped stream by itself (CONNECTING); one it gave up on (CLOSED) is opened again here.
    source.onerror = () => {
      clearTimeout(silence);
      if (source?.readyState === EventSource.CLOSED) lost();
      else onConnection?.(false);
    };
  }
  open();
  return () => {
    clearTimeout(silence);
    clearTimeout(reopen);
    source?.close();
  };
}

/** External links leave only through the main process (Electron) or as a new, opener-less tab (browser). */
export async function openExternal(url: string): Promise<void> {
  if (window.firebreak) {
    await window.firebreak.openExternal(url);
    return;
  }
  const { isSafeExternalUrl } = await import('../../shared/security');
  if (isSafeExternalUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
}

export type ImportSource = { path: string } | { uploadId: string };

/**
 * Hands a picked file to the back end: its path in the desktop app, an upload in room mode (the browser may be on
 * another laptop, and the room server never reads paths it is sent). `onSent` hears how much of an upload has gone:
 * a large export takes a while over Wi-Fi, and fetch() cannot tell, so this is an XMLHttpRequest.
 */
export async function sourceForFile(file: File, onSent?: (bytes: number, total: number) => void): Promise<ImportSource> {
  const path = window.firebreak?.pathForFile(file);
  if (path) return { path };
  const result = await new Promise<Result<{ uploadId: string }>>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onSent?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<{ uploadId: string }>);
      } catch {
        resolve(unreachable(`HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => resolve(unreachable('the upload was cut off'));
    xhr.send(file);
  });
  if (!result.ok) throw new ApiCallError(result.error);
  return { uploadId: result.value.uploadId };
}

/** Saves text the back end produced (e.g. the quarantine as CSV) through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves what a URL holds under a name: a chart (a data: URL from chart.js), a file the back end made. */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
}

/** Saves a file the back end wrote for saving (an archive, exported mentions): sent once, from `api/download/<id>`. */
export function downloadPrepared(prepared: { downloadId: string; fileName: string }): void {
  downloadUrl(prepared.fileName, `api/download/${encodeURIComponent(prepared.downloadId)}`);
}

/**
 * Prints the page on screen (a print view): in the desktop app Chromium renders it to a PDF the user saves
 * (`printToPDF`); in the browser the print dialog offers printers and "Save as PDF".
 */
export async function printPage(suggestedName: string): Promise<void> {
  if (window.firebreak) {
    await window.firebreak.savePdf(suggestedName);
    return;
  }
  window.print();
}
