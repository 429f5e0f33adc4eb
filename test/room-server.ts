import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The `firebreak` command (it runs the build in dist/). */
export const FIREBREAK_BIN = path.resolve(__dirname, '..', 'electron', 'cli', 'firebreak.cjs');

/** `firebreak serve` over a data directory (port 0 picks a free one), once it has printed the address it answers on. */
export async function startRoomServer(dataDir: string, port = 0, args: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [FIREBREAK_BIN, 'serve', '--port', String(port), '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`firebreak serve exited with ${code}`)));
  });
  return { child, url };
}

/** Stops it and waits for it to end (it backs the room up on the way out, so its folder must still be there). */
export async function stopRoomServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
