import type { Actor, Incident } from '../../../shared/domain';
import type { IncidentService } from '../incidents/incident-service';

const HOUR = 3_600_000;

/** The demo scribe; demo history is attributed to named team members so the record reads like a real one. */
const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const SCRIBE: Actor = { name: 'Nikos Papadopoulos', role: 'Scribe' };

/**
 * A realistic crisis so a newcomer sees a populated room at once. Idempotent: returns the existing demo.
 * Later capabilities (mentions, team, statements, review) extend this with their own data.
 */
export function loadDemoCrisis(incidents: IncidentService, now: number = Date.now()): Incident {
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
  return incidents.update(created.id, { level: 3 }, LEAD);
}
