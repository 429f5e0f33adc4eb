import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Incident } from '../../../shared/domain';
import type { ImportService } from '../import/import-service';
import type { IncidentService } from '../incidents/incident-service';
import { demoMentionsCsv } from './demo-mentions';

const HOUR = 3_600_000;

/** Demo history is attributed to named team members so the record reads like a real one. */
const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const SCRIBE: Actor = { name: 'Nikos Papadopoulos', role: 'Scribe' };
const MONITOR: Actor = { name: 'Leila Ahmadi', role: 'Monitor' };

export const DEMO_EXPORT_NAME = 'northwind-brandwatch-export.csv';

/**
 * A realistic crisis so a newcomer sees a populated room at once. Idempotent: returns the existing demo.
 * Each capability extends it with its own data (mentions come through the real importer).
 */
export async function loadDemoCrisis(services: { incidents: IncidentService; imports: ImportService }, now: number = Date.now()): Promise<Incident> {
  const { incidents } = services;
  const existing = incidents.findDemo();
  if (existing) return existing;

  const created = incidents.create(
    {
      title: 'Viral video: foreign object in Northwind juice bottle',
      organisation: 'Northwind Juice Co.',
      description:
        'A TikTok video showing a bottle of Northwind Orange with a foreign object spread to X, Instagram and ' +
        'Telegram channels overnight. Claims of a "poisoned batch" are circulating without evidence; retailers ' +
        'are asking questions. Goal: acknowledge within the hour, confirm facts with QA, stop the false claims.',
      status: 'monitoring',
      level: 1,
      crisisType: 'viral_activity',
      phase: 'before',
      owner: LEAD.name,
      detectedAt: now - 20 * HOUR,
    },
    SCRIBE,
    { isDemo: true },
  );
  // The monitor saw the first posts earlier than the alert time; the correction keeps the original in history.
  incidents.setTime(created.id, 'detectedAt', now - 22 * HOUR, SCRIBE, 'First post found in the monitoring export');
  incidents.setStatus(created.id, 'active', LEAD, 'Volume tripled in two hours; war room convened');
  const incident = incidents.update(created.id, { level: 3 }, LEAD);
  await importDemoMentions(services.imports, incident.id, now);
  return incidents.get(incident.id);
}

async function importDemoMentions(imports: ImportService, incidentId: string, now: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-demo-'));
  const file = path.join(dir, DEMO_EXPORT_NAME);
  try {
    fs.writeFileSync(file, '\ufeff' + demoMentionsCsv(now));
    const started = await imports.start({ file, incidentId, actor: MONITOR, options: { timezone: 'UTC' } });
    await started.done;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
