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
  const cadenceMinutes = incident.level ? UPDATE_CADENCE_MINUTES[incident.level] : DEFAULT_CADENCE_MINUTES;
  const dueAt = deadline(incident, lastUpdateAt, cadenceMinutes);
  return dueAt === null ? null : { cadenceMinutes, lastUpdateAt, dueAt };
}

/** A recurring deadline of a live crisis: `minutes` after the last time it was met, or after the incident opened; null once it is not live. */
export function deadline(incident: Incident, last: number | null, minutes: number): number | null {
  if (incident.status !== 'active' && incident.status !== 'contained') return null;
  return (last ?? incident.openedAt ?? incident.createdAt) + minutes * 60_000;
}
