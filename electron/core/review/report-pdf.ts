import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FirebreakError } from '../../../shared/errors';

const run = promisify(execFile);

const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The Chromium the command line prints with: $FIREBREAK_CHROMIUM, else a usual install location. */
export function findChromium(): string {
  const chosen = process.env.FIREBREAK_CHROMIUM;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new FirebreakError('NOT_FOUND', `FIREBREAK_CHROMIUM points at ${chosen}, which does not exist.`);
    return chosen;
  }
  const found = CANDIDATES.find((c) => fs.existsSync(c));
  if (!found) throw new FirebreakError('NOT_FOUND', 'A PDF needs Chromium or Chrome: install it, or set FIREBREAK_CHROMIUM to its path (or export --format html and print that).');
  return found;
}

/**
 * Prints self-contained HTML to PDF with headless Chromium, the same engine that prints statements in the app (the
 * command line has no Electron window to print with).
 */
export async function htmlToPdf(html: string, outFile: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    fs.writeFileSync(page, html);
    const args = ['--headless', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${path.resolve(outFile)}`];
    // Chromium refuses to start its sandbox as root (containers, CI); the page is our own static HTML.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    await run(findChromium(), [...args, `file://${page}`], { timeout: 120_000 });
    if (!fs.existsSync(outFile) || fs.statSync(outFile).size === 0) throw new FirebreakError('INTERNAL', `Chromium did not write ${outFile}.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
