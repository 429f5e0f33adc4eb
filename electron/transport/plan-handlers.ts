import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type PlanMethods = Pick<Handlers, `plan.${string}` & keyof Handlers>;

/** Playbooks and tasks: thin calls into the core, announcing changes (and timeline entries) to the room. */
export function createPlanHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): PlanMethods {
  const { playbooks, tasks, events } = core;
  const changed = (incidentId: string | null, timeline = false) => {
    events.publish({ type: 'plan.changed', incidentId });
    if (incidentId && timeline) events.publish({ type: 'timeline.changed', incidentId });
  };
  const incident = (id: string) => core.incidents.get(id).id;
  return {
    'plan.playbooks': () => playbooks.list(),
    'plan.savePlaybook': (q, ctx) => {
      const saved = playbooks.save(q.id, q.playbook, actorOf(ctx));
      changed(null);
      return saved;
    },
    'plan.apply': (q, ctx) => {
      const made = tasks.apply(incident(q.incidentId), q.playbookId, q.from, actorOf(ctx));
      changed(q.incidentId, true);
      return made;
    },
    'plan.applied': (q) => tasks.applied(incident(q.incidentId)),
    'plan.tasks': (q) => tasks.list(incident(q.incidentId)),
    'plan.addTask': (q, ctx) => {
      const task = tasks.add(incident(q.incidentId), q.task, actorOf(ctx));
      changed(q.incidentId);
      return task;
    },
    'plan.updateTask': (q, ctx) => {
      const task = tasks.update(q.id, q.patch, actorOf(ctx));
      changed(task.incidentId, q.patch.status === 'done');
      return task;
    },
    'plan.taskHistory': (q) => tasks.history(q.id),
    'plan.counts': (q) => tasks.counts(incident(q.incidentId)),
  };
}
