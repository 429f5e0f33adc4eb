import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core';
import type { Actor } from '../../shared/domain';

export const ANN: Actor = { name: 'Ann Lee', role: 'Scribe' };
export const BOB: Actor = { name: 'Bob Stone', role: 'Incident lead' };

/** A fresh data directory per test, removed when the test file ends. */
export function tempDir(prefix = 'firebreak-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A core over a real SQLite file; a controllable clock so times are exact. */
export function testCore(options: Partial<CoreOptions> = {}): Core & { clock: { now: number } } {
  const clock = { now: Date.UTC(2026, 10, 1, 9, 0, 0) };
  const core = createCore({ dataDir: tempDir(), now: () => clock.now, ...options });
  after(() => core.close());
  return Object.assign(core, { clock });
}

export function countRows(core: Core, table: string): number {
  return (core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
