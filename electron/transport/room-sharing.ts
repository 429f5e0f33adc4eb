import type { RoomSharing as RoomSharingInfo } from '../../shared/api/system';
import type { Core } from '../core/app-core';
import { createDispatcher } from './dispatch';
import { startRoomServer, type RoomServer, type RoomServerOptions } from './http-server';
import { RoomGate, lanAddresses, loadRoomKey } from './room-gate';

/**
 * The port of a room opened to the others, when free (the same each time, so a saved link keeps working), else any
 * free one. Not 4870: `firebreak serve` holds that one on 127.0.0.1 for this laptop's own browser.
 */
export const SHARED_ROOM_PORT = 4871;

/** A room listener over the core, for browsers that may be on other laptops (no sharing, no local-only calls). */
export function roomListener(core: Core, heartbeatMs?: number): Omit<RoomServerOptions, 'gate' | 'host' | 'port'> {
  return { dispatch: createDispatcher(core, 'room'), events: core.events, uploads: core.uploads, downloads: core.downloads, heartbeatMs };
}

/**
 * Opens this laptop's room to the other laptops and closes it again: a second listener on every network address,
 * asking each browser for the room code (room-gate.ts), beside the desktop window or this laptop's own
 * `firebreak serve`. Same core, same events: what one laptop does, the others see at once.
 */
export class RoomSharing {
  private server: RoomServer | null = null;
  private gate: RoomGate | null = null;
  private lastPort: number | null = null;

  constructor(
    private readonly core: Core,
    private readonly options: { heartbeatMs?: number; port?: number } = {},
  ) {}

  info(): RoomSharingInfo {
    if (!this.server || !this.gate) return { canShare: true, open: false, code: null, port: null, links: [], windows: 0 };
    const { port } = new URL(this.server.url);
    const code = this.gate.key.code;
    const links = lanAddresses('0.0.0.0').map((a) => `http://${a}:${port}/#join=${code}`);
    return { canShare: true, open: true, code, port: Number(port), links, windows: this.server.streams() };
  }

  /** `newCode`: a new room code; the laptops that joined with the old one are out and must join again. */
  async open(newCode = false): Promise<RoomSharingInfo> {
    if (this.server && !newCode) return this.info();
    await this.close();
    const gate = new RoomGate(loadRoomKey(this.core.dataDir, newCode));
    const options = { ...roomListener(this.core, this.options.heartbeatMs), gate, host: '0.0.0.0' };
    // Reopened (a new code), it keeps the port the others' links name if it can.
    this.server = await startRoomServer({ ...options, port: this.lastPort ?? this.options.port ?? SHARED_ROOM_PORT }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE') throw err;
      return startRoomServer({ ...options, port: 0 });
    });
    this.lastPort = Number(new URL(this.server.url).port);
    this.gate = gate;
    return this.info();
  }

  async close(): Promise<RoomSharingInfo> {
    const server = this.server;
    this.server = null;
    this.gate = null;
    await server?.close();
    return this.info();
  }
}
