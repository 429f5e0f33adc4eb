import type { Actor } from '../../shared/domain';
import { CLOSED_STAKEHOLDER_STATUSES } from '../../shared/stakeholders';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';
import { announcer } from './record-events';

type StakeholderMethods = Pick<Handlers, `stakeholders.${string}` & keyof Handlers>;

/** Stakeholders to inform: thin calls into the core, announcing changes (and the timeline lines they write) to the room. */
export function createStakeholderHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): StakeholderMethods {
  const { stakeholders, events } = core;
  const changed = announcer(events, 'stakeholders.changed');
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'stakeholders.list': (q) => stakeholders.list(incident(q.incidentId)),
    'stakeholders.add': (q, ctx) => {
      const added = stakeholders.add(incident(q.incidentId), q.stakeholder, actorOf(ctx));
      changed(added.incidentId, false);
      return added;
    },
    'stakeholders.addUsual': (q, ctx) => {
      const added = stakeholders.addUsual(incident(q.incidentId), actorOf(ctx));
      if (added.length) changed(q.incidentId, false);
      return added;
    },
    'stakeholders.update': (q, ctx) => {
      const after = stakeholders.update(q.id, q.patch, actorOf(ctx));
      // Informing one or deciding it is not needed writes a line, a corrected time moves it (or nothing changed: the timeline read again for nothing).
      changed(after.incidentId, q.patch.informedAt !== undefined || (q.patch.status !== undefined && CLOSED_STAKEHOLDER_STATUSES.includes(q.patch.status)));
      return after;
    },
    'stakeholders.history': (q) => stakeholders.history(q.id),
    'stakeholders.counts': (q) => stakeholders.counts(incident(q.incidentId)),
    'stakeholders.known': () => stakeholders.known(),
  };
}
