import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type StatementMethods = Pick<Handlers, (`statements.${string}` | `audit.${string}`) & keyof Handlers>;

/** Statements, approvals and the audit trail: the core enforces the rules; these calls announce what changed. */
export function createStatementHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): StatementMethods {
  const { statements, events } = core;
  const changed = <T extends { incidentId: string }>(s: T, timeline = true): T => {
    events.publish({ type: 'statements.changed', incidentId: s.incidentId });
    if (timeline) events.publish({ type: 'timeline.changed', incidentId: s.incidentId });
    return s;
  };
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'statements.list': (q) => statements.list(incident(q.incidentId)),
    'statements.get': (q) => statements.get(q.id),
    'statements.create': (q, ctx) => changed(statements.create(incident(q.incidentId), q.kind, q.content, actorOf(ctx)), false),
    'statements.fromTemplate': (q, ctx) => changed(statements.fromTemplate(incident(q.incidentId), q.templateId, actorOf(ctx)), false),
    'statements.edit': (q, ctx) => changed(statements.edit(q.id, q.content, actorOf(ctx), q.baseVersion), false),
    'statements.submit': (q, ctx) => changed(statements.submit(q.id, actorOf(ctx))),
    'statements.decide': (q, ctx) => changed(statements.decide(q.id, q.version, q.decision, q.reason, actorOf(ctx))),
    'statements.delegate': (q, ctx) => changed(statements.delegate(q.id, q.person, q.reason, actorOf(ctx)), false),
    'statements.remind': (q, ctx) => changed(statements.remind(q.id, actorOf(ctx)), false),
    'statements.publish': (q, ctx) => changed(statements.publish(q.id, q.channel, q.location, q.publishedAt, actorOf(ctx))),
    'statements.withdraw': (q, ctx) => changed(statements.withdraw(q.id, q.reason, actorOf(ctx))),
    'statements.comment': (q, ctx) => changed(statements.comment(q.id, q, actorOf(ctx)), false),
    'statements.recordPrint': (q, ctx) => statements.recordPrint(q.id, q.version, actorOf(ctx)),
    'statements.waitingForMe': (q, ctx) => statements.waitingFor(incident(q.incidentId), actorOf(ctx).name),
    'statements.keyMessages': (q) => statements.keyMessages(incident(q.incidentId)),
    'statements.addKeyMessage': (q, ctx) => {
      const list = statements.addKeyMessage(incident(q.incidentId), q.text, actorOf(ctx));
      events.publish({ type: 'statements.changed', incidentId: q.incidentId });
      return list;
    },
    'statements.retireKeyMessage': (q, ctx) => {
      const list = statements.retireKeyMessage(q.id, actorOf(ctx));
      events.publish({ type: 'statements.changed', incidentId: null });
      return list;
    },
    'statements.templates': () => core.templates.list(),
    'statements.saveTemplate': (q, ctx) => {
      actorOf(ctx);
      return core.templates.save(q.id, q.template);
    },
    'statements.chains': () => core.approvalChains.all(),
    'statements.setChain': (q, ctx) => {
      actorOf(ctx);
      const chains = core.approvalChains.set(q.level, q.roles);
      events.publish({ type: 'statements.changed', incidentId: null });
      return chains;
    },
    'audit.list': (q) => core.audit.list(incident(q.incidentId), q.statementId),
    'audit.verify': (q) => core.audit.verify(incident(q.incidentId)),
  };
}
