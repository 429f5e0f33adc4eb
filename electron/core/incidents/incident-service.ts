import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { incidentPatchSchema, incidentSchemas } from '../../../shared/api/incidents';
import {
  INCIDENT_TIME_FIELDS,
  canTransition,
  type Actor,
  type Incident,
  type IncidentChange,
  type IncidentStatus,
  type IncidentTimeField,
} from '../../../shared/domain';
import { notFound, saidError } from '../said-error';
import type { EventBus } from '../events';
import { IncidentRepo, type IncidentFilter } from './incident-repo';

type NewIncident = z.output<(typeof incidentSchemas)['incidents.create']>;
type IncidentPatch = z.output<typeof incidentPatchSchema>;
type Change = { field: string; oldValue: unknown; newValue: unknown; reason?: string | null };

const TIMELINE_FIELDS = new Set(['status', 'level', 'crisisType']);
const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The rules of an incident's life: lifecycle, times that may be corrected, and a change record of everything. */
export class IncidentService {
  private readonly repo: IncidentRepo;

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
    /** Status, level and crisis type changes are also events of the crisis: they go on its timeline. */
    private readonly timeline?: { add(e: { incidentId: string; kind: string; author: string; role: string; text: string; occurredAt: number; ref: Record<string, unknown> }): unknown },
  ) {
    this.repo = new IncidentRepo(db);
  }

  list(filter: IncidentFilter): Incident[] {
    return this.repo.list(filter);
  }

  get(id: string): Incident {
    const incident = this.repo.get(id);
    if (!incident) throw notFound('incident', id);
    return incident;
  }

  history(id: string): IncidentChange[] {
    this.get(id);
    return this.repo.history(id);
  }

  create(input: NewIncident, actor: Actor, opts: { isDemo?: boolean } = {}): Incident {
    const now = this.now();
    const incident: Incident = {
      id: randomUUID(),
      title: input.title,
      organisation: input.organisation,
      description: input.description,
      status: input.status,
      level: input.level,
      crisisType: input.crisisType,
      phase: input.phase,
      owner: input.owner || actor.name,
      detectedAt: input.detectedAt ?? now,
      openedAt: input.status === 'active' ? now : null,
      resolvedAt: null,
      closedAt: null,
      sitrepEveryMinutes: null,
      archived: false,
      isDemo: opts.isDemo ?? false,
      createdAt: now,
      createdBy: actor.name,
      updatedAt: now,
    };
    this.db.transaction(() => {
      this.repo.insert(incident);
      this.record(incident.id, actor, now, [{ field: 'created', oldValue: null, newValue: incident.title }]);
    })();
    this.events.publish({ type: 'incident.created', incidentId: incident.id });
    return incident;
  }

  update(id: string, patch: IncidentPatch, actor: Actor): Incident {
    return this.mutate(id, actor, (current) => {
      const next = { ...current };
      const changes: Change[] = [];
      for (const [key, value] of Object.entries(patch) as [keyof IncidentPatch, unknown][]) {
        if (value === undefined || current[key] === value) continue;
        changes.push({ field: key, oldValue: current[key], newValue: value });
        Object.assign(next, { [key]: value });
      }
      return { next, changes };
    });
  }

  setStatus(id: string, status: IncidentStatus, actor: Actor, reason?: string): Incident {
    return this.mutate(id, actor, (current) => {
      if (current.status === status) return { next: current, changes: [] };
      if (!canTransition(current.status, status)) {
        // Usually another laptop moved it first, and this one offered the moves of the status it last heard of.
        throw saidError('INVALID_TRANSITION', 'incidentStatus', { incidentFrom: current.status, incidentTo: status }, { from: current.status, to: status });
      }
      const now = this.now();
      const next: Incident = { ...current, status };
      if (status === 'active' && next.openedAt === null) next.openedAt = now;
      if (status === 'resolved' && next.resolvedAt === null) next.resolvedAt = now;
      if (status === 'closed') next.closedAt = now;
      if (current.status === 'closed') {
        // Reopening: the crisis is back, so it is neither resolved nor closed nor filed away.
        next.closedAt = null;
        next.resolvedAt = null;
        next.archived = false;
      }
      if (status === 'active' || status === 'contained') next.phase = 'during';
      if (status === 'resolved' || status === 'closed') next.phase = 'after';
      const changes = diffFields(current, next, ['status', 'phase', 'archived', ...INCIDENT_TIME_FIELDS]);
      changes[0] = { ...changes[0], reason: reason ?? null };
      return { next, changes };
    });
  }

  /** Back-dating: the corrected time replaces the value; the original stays in the history with the reason. */
  setTime(id: string, field: IncidentTimeField, value: number | null, actor: Actor, reason?: string): Incident {
    return this.mutate(id, actor, (current) => {
      const next = { ...current, [field]: value };
      assertTimesInOrder(next);
      return { next, changes: diffFields(current, next, [field]).map((c) => ({ ...c, reason: reason ?? null })) };
    });
  }

  setArchived(id: string, archived: boolean, actor: Actor): Incident {
    return this.mutate(id, actor, (current) => {
      if (archived && current.status !== 'closed') {
        throw saidError('INVALID_TRANSITION', 'archiveNotClosed', { incidentFrom: current.status }, { status: current.status });
      }
      const next = { ...current, archived };
      return { next, changes: diffFields(current, next, ['archived']) };
    });
  }

  findDemo(): Incident | undefined {
    return this.repo.findDemo();
  }

  private mutate(
    id: string,
    actor: Actor,
    change: (current: Incident) => { next: Incident; changes: Change[] },
  ): Incident {
    const result = this.db.transaction(() => {
      const current = this.get(id);
      const { next, changes } = change(current);
      if (changes.length === 0) return current;
      const now = this.now();
      const updated = { ...next, updatedAt: now };
      this.repo.update(updated);
      this.record(id, actor, now, changes);
      return updated;
    })();
    this.events.publish({ type: 'incident.changed', incidentId: id });
    return result;
  }

  private record(incidentId: string, actor: Actor, at: number, changes: Change[]): void {
    for (const c of changes) {
      if (this.timeline && TIMELINE_FIELDS.has(c.field)) {
        const from = asText(c.oldValue);
        const to = asText(c.newValue);
        this.timeline.add({
          incidentId, kind: `incident.${c.field}`, author: actor.name, role: actor.role, occurredAt: at,
          text: `${c.field}: ${from ?? '-'} → ${to ?? '-'}${c.reason ? ` (${c.reason})` : ''}`, ref: { field: c.field, from, to },
        });
      }
      this.repo.addChange({
        incidentId,
        field: c.field,
        oldValue: asText(c.oldValue),
        newValue: asText(c.newValue),
        reason: c.reason ?? null,
        changedBy: actor.name,
        changedAt: at,
      });
    }
  }
}

function diffFields(a: Incident, b: Incident, fields: readonly (keyof Incident)[]): Change[] {
  return fields.filter((f) => a[f] !== b[f]).map((f) => ({ field: f, oldValue: a[f], newValue: b[f] }));
}

/** detected <= opened <= resolved <= closed, for the values that are set. */
function assertTimesInOrder(i: Incident): void {
  let previous: { field: IncidentTimeField; value: number } | null = null;
  for (const field of INCIDENT_TIME_FIELDS) {
    const value = i[field];
    if (value === null) continue;
    if (previous && value < previous.value) {
      throw saidError('BAD_REQUEST', 'timeOrder', { field, before: previous.field }, { field, before: previous.field });
    }
    previous = { field, value };
  }
}
