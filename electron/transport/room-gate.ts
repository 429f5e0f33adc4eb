import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, normaliseRoomCode } from '../../shared/room';

export type RoomKey = { code: string; token: string };

const KEY_FILE = 'room-key.json';
export const ROOM_COOKIE = 'firebreak_room';
/** Wrong codes one address may try per minute: a 40-bit code then takes longer to guess than any crisis lasts. */
const MAX_WRONG = 10;
const WRONG_WINDOW_MS = 60_000;
const COOKIE_DAYS = 30;

/**
 * The room's code, kept in the data folder (readable by this user only), so a restarted room server keeps its code
 * and the laptops that joined stay in; `renew` makes a new one, and every laptop must then join again.
 */
export function loadRoomKey(dataDir: string, renew = false): RoomKey {
  const file = path.join(dataDir, KEY_FILE);
  const stored = renew ? null : readKey(file);
  const key = stored?.code && stored.secret ? { code: stored.code, secret: stored.secret } : createKey(file);
  return { code: key.code, token: createHmac('sha256', key.secret).update(key.code).digest('hex') };
}

type StoredKey = { code: string; secret: string };

/** The kept key; none (a new one is made) when the file is missing or not readable as one (cut short by a crash). */
function readKey(file: string): Partial<StoredKey> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredKey>;
  } catch {
    return null;
  }
}

function createKey(file: string): StoredKey {
  const code = Array.from({ length: ROOM_CODE_LENGTH }, () => ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)]).join('');
  const key = { code, secret: randomBytes(32).toString('hex') };
  fs.rmSync(file, { force: true }); // the mode below applies to a new file only
  fs.writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

export type JoinOutcome = { joined: true; cookie: string } | { joined: false; waitSeconds: number | null };

/**
 * Lets in the browsers that gave the room code: they hold a cookie (HttpOnly, SameSite=Strict) derived from the code
 * and a secret, so nothing per laptop is stored and a new code shuts every old cookie out.
 */
export class RoomGate {
  private readonly wrong = new Map<string, number[]>();

  constructor(
    readonly key: RoomKey,
    private readonly now: () => number = Date.now,
  ) {}

  admits(req: http.IncomingMessage): boolean {
    const token = cookieValue(req.headers.cookie, ROOM_COOKIE);
    return token !== null && sameText(token, this.key.token);
  }

  /** A code typed in a browser at `address`; after MAX_WRONG wrong ones in a minute, that address waits. */
  join(address: string, typed: string): JoinOutcome {
    const now = this.now();
    const recent = (this.wrong.get(address) ?? []).filter((at) => now - at < WRONG_WINDOW_MS);
    if (recent.length >= MAX_WRONG) return { joined: false, waitSeconds: Math.ceil((recent[0] + WRONG_WINDOW_MS - now) / 1000) };
    if (sameText(normaliseRoomCode(typed), this.key.code)) {
      this.wrong.delete(address);
      return { joined: true, cookie: `${ROOM_COOKIE}=${this.key.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_DAYS * 86_400}` };
    }
    recent.push(now);
    this.wrong.set(address, recent);
    return { joined: false, waitSeconds: null };
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** Compared in constant time, so the answer's timing says nothing of how much of a guess was right. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Bound to this laptop only (the default): nothing else can reach the room, and it asks no code. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Where other laptops reach a room bound to `host`: this laptop's network addresses when bound to all of them. */
export function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}
