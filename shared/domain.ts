import { z } from 'zod';

/** Epoch milliseconds, UTC. Dates never cross the wire as `Date`. */
export const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/**
 * Incident lifecycle. `monitoring` is a watched situation that may not become a crisis; `active` is the war
 * room at work; `contained` means the spread stopped but work goes on; `resolved` means public work is done;
 * `closed` means reviewed and filed. A closed incident can be reopened (back to `active`).
 */
export const INCIDENT_STATUSES = ['monitoring', 'active', 'contained', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const STATUS_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  monitoring: ['active', 'closed'],
  active: ['contained', 'resolved', 'monitoring'],
  contained: ['active', 'resolved'],
  resolved: ['active', 'closed'],
  closed: ['active'],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Crisis levels from the team's crisis plan (1 self-inflicted ... 4 external force). */
export const CRISIS_LEVELS = [1, 2, 3, 4] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];

export const CRISIS_TYPES = [
  'negative_reviews',
  'viral_activity',
  'confidential_information',
  'unauthorised_access',
  'false_information',
  'user_conflicts',
] as const;
export type CrisisType = (typeof CRISIS_TYPES)[number];

export const PHASES = ['before', 'during', 'after'] as const;
export type Phase = (typeof PHASES)[number];

/** Times a user may correct after the fact; the original value stays in the change history. */
export const INCIDENT_TIME_FIELDS = ['detectedAt', 'openedAt', 'resolvedAt', 'closedAt'] as const;
export type IncidentTimeField = (typeof INCIDENT_TIME_FIELDS)[number];

export type Incident = {
  id: string;
  title: string;
  organisation: string;
  description: string;
  status: IncidentStatus;
  level: CrisisLevel | null;
  crisisType: CrisisType | null;
  phase: Phase;
  owner: string;
  detectedAt: number | null;
  openedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** How often the people outside the room expect a situation report (minutes, one of SITREP_CADENCES); null: no schedule. */
  sitrepEveryMinutes: number | null;
  archived: boolean;
  isDemo: boolean;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
};

export type IncidentChange = {
  id: number;
  incidentId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  changedBy: string;
  changedAt: number;
};

/** Who is acting. Kept locally by each client (first-run step) and sent with every call. */
export const actorSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).default(''),
});
export type Actor = z.infer<typeof actorSchema>;
