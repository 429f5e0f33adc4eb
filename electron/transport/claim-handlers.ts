import { CLOSED_CLAIM_STATUSES } from '../../shared/claims';
import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';
import { announcer } from './record-events';

type ClaimMethods = Pick<Handlers, `claims.${string}` & keyof Handlers>;

/** Claims to check and answer: thin calls into the core, announcing changes (and the timeline lines they write) to the room. */
export function createClaimHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): ClaimMethods {
  const { claims, events } = core;
  const changed = announcer(events, 'claims.changed');
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'claims.list': (q) => claims.list(incident(q.incidentId)),
    'claims.add': (q, ctx) => {
      const added = claims.add(incident(q.incidentId), q.claim, actorOf(ctx));
      changed(added.incidentId, true);
      return added;
    },
    'claims.update': (q, ctx) => {
      const after = claims.update(q.id, q.patch, actorOf(ctx));
      // Closing one writes a line, a corrected answer time moves it (or nothing changed: the timeline read again for nothing).
      changed(after.incidentId, q.patch.answeredAt !== undefined || (q.patch.status !== undefined && CLOSED_CLAIM_STATUSES.includes(q.patch.status)));
      return after;
    },
    'claims.history': (q) => claims.history(q.id),
    'claims.counts': (q) => claims.counts(incident(q.incidentId)),
    'claims.forMention': (q) => claims.forMention(q.mentionId),
  };
}
