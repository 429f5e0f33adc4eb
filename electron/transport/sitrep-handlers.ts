import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type SitrepMethods = Pick<Handlers, `sitrep.${string}` & keyof Handlers>;

/** Situation reports: read from the record; sending one writes a line on the timeline, which the room hears. */
export function createSitrepHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): SitrepMethods {
  const { sitreps, events } = core;
  return {
    'sitrep.get': (q) => sitreps.get(q.incidentId, q.since ?? sitreps.since(q.incidentId, q.period)),
    'sitrep.timer': (q) => sitreps.timer(q.incidentId),
    'sitrep.markSent': (q, ctx) => {
      const entry = sitreps.markSent(q.incidentId, actorOf(ctx));
      events.publish({ type: 'timeline.changed', incidentId: q.incidentId });
      return entry;
    },
  };
}
