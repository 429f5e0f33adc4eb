import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';
import { announcer } from './record-events';

type ChannelMethods = Pick<Handlers, (`channels.${string}` | `impostors.${string}`) & keyof Handlers>;

/** The brand's own channels and the accounts posing as it: thin calls into the core, announcing changes (and the timeline lines they write) to the room. */
export function createChannelHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): ChannelMethods {
  const { channels, impostors, events } = core;
  const changed = announcer(events, 'channels.changed');
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'channels.list': (q) => channels.list(incident(q.incidentId)),
    'channels.add': (q, ctx) => {
      const added = channels.add(incident(q.incidentId), q.channel, actorOf(ctx));
      changed(added.incidentId, added.posting !== 'as_usual');
      return added;
    },
    'channels.addKnown': (q, ctx) => {
      const added = channels.addKnown(incident(q.incidentId), actorOf(ctx));
      if (added.length) changed(q.incidentId, false);
      return added;
    },
    'channels.update': (q, ctx) => {
      const before = channels.get(q.id);
      const after = channels.update(q.id, q.patch, actorOf(ctx));
      changed(after.incidentId, after.posting !== before.posting);
      return after;
    },
    'channels.history': (q) => channels.history(q.id),
    'channels.counts': (q) => channels.counts(incident(q.incidentId)),
    'channels.known': () => channels.known(),
    'impostors.list': (q) => impostors.list(incident(q.incidentId)),
    'impostors.add': (q, ctx) => {
      const added = impostors.add(incident(q.incidentId), q.impostor, actorOf(ctx));
      changed(added.incidentId, true);
      return added;
    },
    'impostors.update': (q, ctx) => {
      const before = impostors.get(q.id);
      const after = impostors.update(q.id, q.patch, actorOf(ctx));
      changed(after.incidentId, after.status !== before.status);
      return after;
    },
    'impostors.history': (q) => impostors.history(q.id),
  };
}
