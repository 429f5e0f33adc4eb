/**
 * npm run bench:formats — the importer's time and peak memory for the formats the CSV benchmark does not exercise:
 * a Telegram Desktop export (one JSON document, 300,000 messages, ~125 MB) and an Excel-style workbook (200,000 rows,
 * shared strings written after the sheet, as Excel does). Each is imported into a fresh incident in a process of
 * its own, so each peak is its own. Prints figures; asserts nothing. MESSAGES=... ROWS=... for other sizes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCore } from '../../electron/core/app-core';
import { newIncidentSchema } from '../../shared/api/incidents';
import { peakRssMb } from './bench-utils';

const MESSAGES = Number(process.env.MESSAGES ?? 300_000);
const ROWS = Number(process.env.ROWS ?? 200_000);

function telegramExport(file: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '{\n "name": "Northwind fans",\n "type": "public_supergroup",\n "id": 1001234,\n "messages": [\n');
  for (let i = 1; i <= MESSAGES; i++) {
    const text = i % 5 ? `Видели новости про Northwind? сок бутылка возврат партия магазин видео ${i} — ужас` : ['Видели ', { type: 'link', text: `https://t.me/newsru/${i}` }, ' про Northwind?'];
    const message = { id: i, type: 'message', date: '2026-11-21T10:05:00', date_unixtime: String(1795255500 + i), from: `Пётр ${i % 3000}`, from_id: `user${i % 3000}`, text, reactions: [{ type: 'emoji', count: i % 17, emoji: '👍' }] };
    fs.writeSync(out, JSON.stringify(message, null, 1).replace(/^/gm, '  ') + (i < MESSAGES ? ',\n' : '\n'));
  }
  fs.writeSync(out, ' ]\n}\n');
  fs.closeSync(out);
}

async function workbook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Mentions');
  ws.addRow(['Date', 'Author', 'Text', 'URL', 'Platform', 'Lang', 'Sentiment', 'Reach']).commit();
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([
      `2026-10-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`, `user_${i % 5000}`,
      `Northwind juice bottle recall refund ${i} сок бутылка возврат партия магазин видео ${i * 7}`, `https://x.com/u/status/${1859100000000000000n + BigInt(i)}`,
      'x', i % 2 ? 'en' : 'ru', ['negative', 'neutral', 'positive'][i % 3], i * 3,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** In the child process: imports one file and prints its figures as JSON. */
async function importOne(file: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-formats-'));
  const core = createCore({ dataDir });
  const actor = { name: 'Bench', role: '' };
  const incident = core.incidents.create(newIncidentSchema.parse({ title: 'Formats' }), actor);
  const t = process.hrtime.bigint();
  const summary = await (await core.imports.start({ file, incidentId: incident.id, actor, options: { timezone: 'UTC' } })).done;
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ seconds, imported: summary.imported, status: summary.status, peakMb: peakRssMb() }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--import') return importOne(process.argv[3]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-formats-bench-'));
  const files: [string, string, () => Promise<void> | void][] = [
    [`Telegram Desktop export, ${MESSAGES.toLocaleString('en')} messages (JSON document)`, path.join(dir, 'result.json'), () => telegramExport(path.join(dir, 'result.json'))],
    [`Excel-style workbook, ${ROWS.toLocaleString('en')} rows with shared strings (XLSX)`, path.join(dir, 'export.xlsx'), () => workbook(path.join(dir, 'export.xlsx'))],
  ];
  for (const [label, file, make] of files) {
    await make();
    const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--import', file], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; imported: number; status: string; peakMb: number };
    const mb = fs.statSync(file).size / 1e6;
    console.log(`${label}, ${mb.toFixed(0)} MB: ${r.status}, ${r.imported.toLocaleString('en')} mentions in ${r.seconds.toFixed(1)} s, peak memory ${Math.round(r.peakMb)} MB`);
    fs.rmSync(file);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
