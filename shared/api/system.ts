import { z } from 'zod';
import type { Incident } from '../domain';

export type AppInfo = { version: string; dataDir: string; schemaVersion: number; mode: 'desktop' | 'room' | 'cli' };

/**
 * Whether this laptop's room is open to the other laptops (a second listener on every network address, asking for
 * the room code: shared/room.ts). Only this laptop itself can open or close it, and only it is shown the code.
 */
export type RoomSharing = {
  /** This caller may open or close it: the desktop app, or this laptop's own browser on `firebreak serve`. */
  canShare: boolean;
  open: boolean;
  /** The room code, to read out (shown to this laptop only). */
  code: string | null;
  /** The port the others reach it on (in the links). */
  port: number | null;
  /** Where the others open it, the code in the link (`http://<address>:<port>/#join=CODE`); empty without a network. */
  links: string[];
  /** Browser windows of other laptops in the room now (those holding its live stream). */
  windows: number;
};

export const systemSchemas = {
  'app.info': z.strictObject({}),
  'demo.load': z.strictObject({}),
  'room.sharing': z.strictObject({}),
  'room.share': z.strictObject({ open: z.boolean(), newCode: z.boolean().default(false) }),
};

export type SystemApi = {
  'app.info': (q: Record<string, never>) => AppInfo;
  /** Creates the demo crisis (or returns the existing one), so a newcomer sees a populated room. */
  'demo.load': (q: Record<string, never>) => Incident;
  'room.sharing': (q: Record<string, never>) => RoomSharing;
  /**
   * Opens the room to the other laptops, or closes it again (those that joined lose it at once); `newCode` replaces
   * the room code, and every laptop must join again with the new one.
   */
  'room.share': (q: { open: boolean; newCode?: boolean }) => RoomSharing;
};
