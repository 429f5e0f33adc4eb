import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type TriageMethods = Pick<Handlers, `triage.${string}` & keyof Handlers>;

/** Mention triage: thin calls into the core; every change is announced so the room's counts stay current. */
export function createTriageHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): TriageMethods {
  const { triage, events } = core;
  const changed = (incidentIds: readonly string[], timeline = false) => {
    for (const incidentId of incidentIds) {
      events.publish({ type: 'triage.changed', incidentId });
      // Escalation writes on the timeline and makes a follow-up task.
      if (timeline) events.publish({ type: 'timeline.changed', incidentId });
      if (timeline) events.publish({ type: 'plan.changed', incidentId });
    }
  };
  const incidentOf = (mentionId: number) => core.mentions.get(mentionId).incidentId;
  return {
    'triage.queue': (q) => triage.queue(q.filter, q),
    'triage.setState': (q, ctx) => {
      const r = triage.setState(q.mentionIds, q.state, actorOf(ctx), { assignee: q.assignee, note: q.note });
      changed(r.incidentIds, q.state === 'escalated');
      return { updated: r.updated };
    },
    'triage.markRead': (q, ctx) => {
      triage.markRead(q.mentionId, actorOf(ctx));
      changed([incidentOf(q.mentionId)]);
      return { ok: true as const };
    },
    'triage.assign': (q, ctx) => {
      const r = triage.assign(q.mentionIds, q.assignee, actorOf(ctx));
      changed(r.incidentIds);
      return { updated: r.updated };
    },
    'triage.respond': (q, ctx) => {
      const r = triage.respond(q.mentionId, q.text, q.platform, actorOf(ctx), q.wording);
      changed([incidentOf(q.mentionId)]);
      return r;
    },
    'triage.wordings': (q) => triage.wordings(q.mentionId),
    'triage.history': (q) => triage.history(q.mentionId),
    'triage.counts': (q) => triage.counts(q.incidentId, core.incidents.get(q.incidentId).level),
  };
}
