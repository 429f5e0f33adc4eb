import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type AttentionMethods = Pick<Handlers, `attention.${string}` & keyof Handlers>;

/** What needs someone now, across the open incidents, for the person at the calling laptop. */
export function createAttentionHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): AttentionMethods {
  return {
    'attention.summary': (_q, ctx) => core.attention.summary(actorOf(ctx).name),
  };
}
