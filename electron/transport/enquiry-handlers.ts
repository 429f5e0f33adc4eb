import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';
import { announcer } from './record-events';

type EnquiryMethods = Pick<Handlers, `enquiries.${string}` & keyof Handlers>;

/** Media enquiries: thin calls into the core, announcing changes (and the timeline lines they write) to the room. */
export function createEnquiryHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): EnquiryMethods {
  const { enquiries, events } = core;
  const changed = announcer(events, 'enquiries.changed');
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'enquiries.list': (q) => enquiries.list(incident(q.incidentId)),
    'enquiries.add': (q, ctx) => {
      const added = enquiries.add(incident(q.incidentId), q.enquiry, actorOf(ctx));
      changed(added.incidentId, true);
      return added;
    },
    'enquiries.update': (q, ctx) => {
      const after = enquiries.update(q.id, q.patch, actorOf(ctx));
      // Answering or declining writes a line (or was already closed: a timeline read again for nothing, harmlessly).
      changed(after.incidentId, q.patch.status === 'answered' || q.patch.status === 'declined');
      return after;
    },
    'enquiries.history': (q) => enquiries.history(q.id),
    'enquiries.counts': (q) => enquiries.counts(incident(q.incidentId)),
    'enquiries.contacts': () => enquiries.contacts(),
  };
}
