import { z } from 'zod';
import type { Incident } from '../domain';

export type AppInfo = { version: string; dataDir: string; schemaVersion: number; mode: 'desktop' | 'room' | 'cli' };

export const systemSchemas = {
  'app.info': z.strictObject({}),
  'demo.load': z.strictObject({}),
};

export type SystemApi = {
  'app.info': (q: Record<string, never>) => AppInfo;
  /** Creates the demo crisis (or returns the existing one), so a newcomer sees a populated room. */
  'demo.load': (q: Record<string, never>) => Incident;
};
