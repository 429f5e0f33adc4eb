import type { Api, Method, ParsedArgOf } from '../../shared/api';
import type { Actor } from '../../shared/domain';
import { FirebreakError } from '../../shared/errors';
import type { Core } from '../core/app-core';
import { loadDemoCrisis } from '../core/demo/demo-crisis';
import { saidError } from '../core/said-error';
import { appVersion } from '../core/version';
import { createAnalyticsHandlers } from './analytics-handlers';
import { createAttentionHandlers } from './attention-handlers';
import { createBackupHandlers } from './backup-handlers';
import { createEnquiryHandlers } from './enquiry-handlers';
import { createImportHandlers } from './import-handlers';
import { createMentionHandlers } from './mention-handlers';
import { createPlanHandlers } from './plan-handlers';
import { createReviewHandlers } from './review-handlers';
import { createSitrepHandlers } from './sitrep-handlers';
import type { RoomSharing } from './room-sharing';
import { createStakeholderHandlers } from './stakeholder-handlers';
import { createClaimHandlers } from './claim-handlers';
import { createChannelHandlers } from './channel-handlers';
import { createStatementHandlers } from './statement-handlers';
import { createTeamHandlers } from './team-handlers';
import { createTriageHandlers } from './triage-handlers';

/**
 * `local`: the call comes from this laptop itself (the desktop window, or a browser on `firebreak serve`'s own
 * 127.0.0.1 listener), never from another laptop: only such a caller may open the room to the others.
 */
export type CallContext = { actor?: Actor; mode: 'desktop' | 'room' | 'cli'; local?: boolean };

/** What only some transports have: the room's listener for the other laptops (room-sharing.ts). */
export type HandlerExtras = { sharing?: RoomSharing };

export type Handlers = { [M in Method]: (arg: ParsedArgOf<M>, ctx: CallContext) => ReturnType<Api[M]> | Promise<ReturnType<Api[M]>> };

/** Writes are attributed to a person; a caller that has not said who it is may only read. */
export function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new FirebreakError('UNAUTHENTICATED', 'Say who you are first (name and role) before changing anything.');
  return ctx.actor;
}

/** Thin: argument already validated, rules live in the core services. */
export function createHandlers(core: Core, extras: HandlerExtras = {}): Handlers {
  const { incidents } = core;
  const sharingFor = (ctx: CallContext) => (ctx.local ? extras.sharing : undefined);
  return {
    'app.info': (_arg, ctx) => ({
      version: appVersion(),
      dataDir: core.dataDir,
      schemaVersion: core.schemaVersion(),
      mode: ctx.mode,
    }),
    'demo.load': () => loadDemoCrisis(core),
    'room.sharing': (_q, ctx) => sharingFor(ctx)?.info() ?? { canShare: false, open: false, code: null, port: null, links: [], windows: 0 },
    'room.share': (q, ctx) => {
      const sharing = sharingFor(ctx);
      if (!sharing) throw saidError('FORBIDDEN', 'hostOnly', {});
      return q.open ? sharing.open(q.newCode) : sharing.close();
    },
    'incidents.list': (q) => incidents.list(q),
    'incidents.get': (q) => incidents.get(q.id),
    'incidents.history': (q) => incidents.history(q.id),
    'incidents.create': (input, ctx) => incidents.create(input, actorOf(ctx)),
    'incidents.update': (q, ctx) => incidents.update(q.id, q.patch, actorOf(ctx)),
    'incidents.setStatus': (q, ctx) => incidents.setStatus(q.id, q.status, actorOf(ctx), q.reason),
    'incidents.setTime': (q, ctx) => incidents.setTime(q.id, q.field, q.value, actorOf(ctx), q.reason),
    'incidents.setArchived': (q, ctx) => incidents.setArchived(q.id, q.archived, actorOf(ctx)),
    ...createImportHandlers(core, actorOf),
    ...createMentionHandlers(core),
    ...createAnalyticsHandlers(core, actorOf),
    ...createTeamHandlers(core, actorOf),
    ...createTriageHandlers(core, actorOf),
    ...createPlanHandlers(core, actorOf),
    ...createStatementHandlers(core, actorOf),
    ...createReviewHandlers(core, actorOf),
    ...createBackupHandlers(core),
    ...createSitrepHandlers(core, actorOf),
    ...createEnquiryHandlers(core, actorOf),
    ...createStakeholderHandlers(core, actorOf),
    ...createClaimHandlers(core, actorOf),
    ...createChannelHandlers(core, actorOf),
    ...createAttentionHandlers(core, actorOf),
  };
}
