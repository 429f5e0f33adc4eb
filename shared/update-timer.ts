import type { Incident } from './domain';

/**
 * How often the public must hear from the brand while a crisis is live, by crisis level (minutes). Unclassified
 * incidents get the level-2 cadence until someone classifies them.
 */
export const UPDATE_CADENCE_MINUTES: Record<1 | 2 | 3 | 4, number> = { 1: 480, 2: 240, 3: 120, 4: 60 };
export const DEFAULT_CADENCE_MINUTES = 240;

/** The next public update: due `cadence` after the last one (or after the incident opened), while it is live. */
export type UpdateTimer = { cadenceMinutes: number; lastUpdateAt: number | null; dueAt: number };

export function updateTimer(incident: Incident, lastUpdateAt: number | null): UpdateTimer | null {
  if (incident.status !== 'active' && incident.status !== 'contained') return null;
  const cadenceMinutes = incident.level ? UPDATE_CADENCE_MINUTES[incident.level] : DEFAULT_CADENCE_MINUTES;
  const from = lastUpdateAt ?? incident.openedAt ?? incident.createdAt;
  return { cadenceMinutes, lastUpdateAt, dueAt: from + cadenceMinutes * 60_000 };
}
