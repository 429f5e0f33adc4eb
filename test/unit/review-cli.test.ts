import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createCore } from '../../electron/core/app-core';
import { tempDir } from './helpers';
import { constructedCrisis } from './review-fixture';

const BIN = path.resolve(__dirname, '..', '..', 'electron', 'cli', 'firebreak.cjs');
const firebreak = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** The constructed crisis in a data directory of its own, closed before the CLI opens it. */
async function dataDirWithCrisis(): Promise<{ dir: string; id: string }> {
  const dir = tempDir();
  const clock = { now: 0 };
  const core = Object.assign(createCore({ dataDir: dir, now: () => clock.now }), { clock });
  try {
    return { dir, id: await constructedCrisis(core) };
  } finally {
    core.close();
  }
}

describe('command line: report, export, import-archive', () => {
  it('writes the report as JSON, HTML and a PDF whose text carries the figures', async () => {
    const { dir, id } = await dataDirWithCrisis();
    const out = tempDir();
    const json = path.join(out, 'r.json');
    assert.equal(firebreak('report', id, '--format', 'json', '--out', json, '--data-dir', dir).status, 0);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as { metrics: { mentions: number; detectionToAcknowledgementMs: number } };
    assert.equal(report.metrics.mentions, 70);
    assert.equal(report.metrics.detectionToAcknowledgementMs, 80 * 60_000);
    const html = path.join(out, 'r.html');
    assert.equal(firebreak('report', id, '--format', 'html', '--out', html, '--lang', 'uk', '--timezone', 'UTC', '--data-dir', dir).status, 0);
    const page = fs.readFileSync(html, 'utf8');
    assert.match(page, /Розбір після кризи: Constructed juice crisis/);
    assert.match(page, /Виявлення → перше публічне визнання<\/th><td>1 год 20 хв/);
    assert.doesNotMatch(page, /<script|src="http/, 'self-contained, no scripts or outside resources');
    const pdf = path.join(out, 'r.pdf');
    const printed = firebreak('report', id, '--format', 'pdf', '--out', pdf, '--timezone', 'UTC', '--data-dir', dir);
    assert.equal(printed.status, 0, printed.stderr);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, /After-action review: Constructed juice crisis/);
    assert.match(text, /Detection → first public acknowledgement\s+1 h 20 min/);
    assert.match(text, /Peak mentions per hour\s+30/);
    assert.match(text, /Reach of negative mentions\s+36,000/);
    const bad = firebreak('report', id, '--format', 'docx', '--out', pdf, '--data-dir', dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format json, html or pdf/);
  });

  it('exports an archive and imports it on another data directory; a second import needs --replace or --keep-both', async () => {
    const { dir, id } = await dataDirWithCrisis();
    const file = path.join(tempDir(), 'crisis.firebreak');
    assert.equal(firebreak('export', id, '--out', file, '--data-dir', dir).status, 0);
    const other = tempDir();
    const first = firebreak('import-archive', file, '--data-dir', other, '--json');
    assert.equal(first.status, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as { id: string }).id, id);
    const again = firebreak('import-archive', file, '--data-dir', other);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already on this laptop.*--replace or --keep-both/);
    assert.equal(firebreak('import-archive', file, '--keep-both', '--data-dir', other).status, 0);
    const list = JSON.parse(firebreak('incident', 'list', '--status', 'closed', '--json', '--data-dir', other).stdout) as { title: string }[];
    assert.deepEqual(list.map((i) => i.title), ['Constructed juice crisis', 'Constructed juice crisis']);
  });
});
