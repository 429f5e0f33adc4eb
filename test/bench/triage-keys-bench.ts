/**
 * npm run bench:triage — how long the triage queue takes to answer a keystroke: the demo crisis served by
 * `firebreak serve`, its queue (200 mentions, most of them new) opened in Chromium, then j pressed down the queue and
 * k back up, timing each from the key to the next row drawn as selected (opening a new mention also marks it read,
 * which the room announces and the queue reloads). Prints the median, 90th percentile and slowest; asserts nothing.
 * Needs the build (`npm run bench:triage` makes it) and Chromium ($CHROMIUM_PATH or /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { FIREBREAK_BIN, startRoomServer, stopRoomServer } from '../room-server';

const PRESSES = Number(process.env.PRESSES ?? 60);

/** Which mention is drawn as selected now. */
const selectedId = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="triage-row"]:has(.Mui-selected)')?.dataset.mentionId ?? null);

async function walk(page: Page, key: 'j' | 'k', times: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = await selectedId(page);
    const t = performance.now();
    await page.keyboard.press(key);
    await page.waitForFunction(
      (prev) => (document.querySelector<HTMLElement>('[data-testid="triage-row"]:has(.Mui-selected)')?.dataset.mentionId ?? null) !== prev,
      before,
      { polling: 'raf' },
    );
    ms.push(performance.now() - t);
  }
  return ms;
}

function report(label: string, ms: number[]): void {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
  console.log(`${label}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms (${ms.length} keystrokes)`);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-triage-'));
  execFileSync(process.execPath, [FIREBREAK_BIN, 'demo', '--data-dir', dataDir], { stdio: 'ignore' });
  const room = await startRoomServer(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    await context.addInitScript(() => localStorage.setItem('firebreak.actor', JSON.stringify({ name: 'Bench', role: 'Social-media responder' })));
    const page = await context.newPage();
    await page.goto(room.url);
    await page.getByTestId('incident-row').first().click();
    await page.getByTestId('tab-triage').click();
    await page.getByTestId('triage-row').nth(PRESSES).waitFor({ state: 'attached' });
    console.log(`triage queue: ${await page.getByTestId('triage-row').count()} mentions`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    report('j (down, opening new mentions)', await walk(page, 'j', PRESSES));
    report('k (back up, already read)', await walk(page, 'k', PRESSES - 1));
  } finally {
    await browser.close();
    await stopRoomServer(room.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
