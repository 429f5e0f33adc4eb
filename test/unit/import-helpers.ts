import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../electron/core/app-core';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { ImportOptions, Mention } from '../../shared/mentions';
import { ANN } from './helpers';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'imports');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** A CSV file of these lines in `dir`. */
export function csvFile(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export function newIncident(core: Core, title = 'Import target'): string {
  return core.incidents.create(newIncidentSchema.parse({ title }), ANN).id;
}

/** Imports through the real service and waits for the end, as the CLI does. */
export async function importFile(core: Core, incidentId: string, file: string, options: ImportOptions = {}) {
  const started = await core.imports.start({ file, incidentId, options: { timezone: 'UTC', ...options }, actor: ANN });
  return started.done;
}

export function mentionsOf(core: Core, incidentId: string, batchId?: string): Mention[] {
  return core.mentions.search({ incidentId, batchId }, { sort: 'time', direction: 'asc', offset: 0, limit: 500 }).rows;
}

/**
 * A CSV of `goodRows` fine rows whose last row opens a quote that runs on for 65 million `char`s: past the reader's
 * 64-million-character limit, so the import fails naming row `goodRows + 2`.
 */
export function runawayCsv(dir: string, goodRows: number, char: string): string {
  const file = path.join(dir, 'runaway.csv');
  const good = Array.from({ length: goodRows }, (_, i) => `2026-11-21 10:00,u${i},fine ${i}`);
  fs.writeFileSync(file, ['date,author,text', ...good, `2026-11-21 11:00,bad,"${char.repeat(65_000_000)}`].join('\n'));
  return file;
}
