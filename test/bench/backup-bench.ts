/**
 * npm run bench:backup — imports a generated 1,000,000-mention export, then times what a team meets with backups at
 * that size: a backup made while the room keeps answering (and the longest the room's thread was held by it), the
 * backup's size, the same encrypted, exporting the incident's archive, listing the backup's incidents, and restoring
 * the incident from it on another laptop (a fresh data folder), with the longest the room's thread was held by each.
 * Prints figures; asserts nothing. ROWS=200000 for a quicker run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { newIncidentSchema } from '../../shared/api/incidents';
import { longestPause, peakRssMb } from './bench-utils';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const actor = { name: 'Bench', role: '' };
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  try {
    const core = createCore({ dataDir: path.join(dir, 'host') });
    const csv = path.join(dir, 'mentions.csv');
    console.log(`generating ${ROWS.toLocaleString('en')} mentions...`);
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate-mentions.ts'), csv, String(ROWS)], { stdio: 'inherit' });
    const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Backup bench' }), actor).id;
    let t = performance.now();
    const summary = await (await core.imports.start({ file: csv, incidentId, actor, options: { timezone: 'UTC' } })).done;
    console.log(`import: ${summary.imported.toLocaleString('en')} mentions in ${seconds(t)} s`);
    fs.rmSync(csv);

    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    await core.backups.configure({ enabled: true, folder: usb, everyMinutes: 10, keep: 3 });
    t = performance.now();
    const { value: status, pauseMs } = await longestPause(() => core.backups.backUpNow());
    const file = path.join(usb, status.files[0].name);
    const dbBytes = fs.statSync(path.join(core.dataDir, 'firebreak.sqlite')).size;
    console.log(`backup: ${seconds(t)} s for ${(status.files[0].bytes / 1e6).toFixed(0)} MB (database file ${(dbBytes / 1e6).toFixed(0)} MB); longest pause of the room's thread meanwhile: ${pauseMs.toFixed(0)} ms`);
    await core.backups.configure({ enabled: true, folder: usb, everyMinutes: 10, keep: 3, encrypted: true, passphrase: 'bench passphrase' });
    t = performance.now();
    const { value: sealed, pauseMs: sealedPauseMs } = await longestPause(() => core.backups.backUpNow());
    const sealedFile = path.join(usb, sealed.files[0].name);
    console.log(`encrypted backup: ${seconds(t)} s for ${(sealed.files[0].bytes / 1e6).toFixed(0)} MB; longest pause of the room's thread meanwhile: ${sealedPauseMs.toFixed(0)} ms`);
    const archiveFile = path.join(dir, 'incident.firebreak');
    t = performance.now();
    const { value: exported, pauseMs: exportPauseMs } = await longestPause(() => core.archives.export(incidentId, archiveFile));
    console.log(`exporting the incident's archive (Review tab): ${seconds(t)} s for ${(exported.bytes / 1e6).toFixed(0)} MB; longest pause of the room's thread meanwhile: ${exportPauseMs.toFixed(0)} ms`);
    fs.rmSync(archiveFile);
    core.close();

    const spare = createCore({ dataDir: path.join(dir, 'spare') });
    t = performance.now();
    const contents = await spare.backups.contents(file, status.files[0].name);
    console.log(`listing the backup's incidents: ${(performance.now() - t).toFixed(0)} ms (${contents.incidents.map((i) => `${i.mentions.toLocaleString('en')} mentions`).join(', ')})`);
    t = performance.now();
    await spare.backups.contents(sealedFile, sealed.files[0].name, 'bench passphrase');
    console.log(`listing the encrypted backup's incidents on another laptop (passphrase, decrypting included): ${seconds(t)} s`);
    t = performance.now();
    const { value: restored, pauseMs: restorePauseMs } = await longestPause(() => spare.backups.restore(file, status.files[0].name, incidentId));
    console.log(`restoring the incident on another laptop (copy, archive out, verify, archive in, index): ${seconds(t)} s; longest pause of the room's thread: ${restorePauseMs.toFixed(0)} ms; ${(spare.db.prepare('SELECT COUNT(*) FROM mentions WHERE incident_id = ?').pluck().get(restored.id) as number).toLocaleString('en')} mentions`);
    spare.close();
    console.log(`peak memory (the import's included): ${Math.round(peakRssMb())} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
