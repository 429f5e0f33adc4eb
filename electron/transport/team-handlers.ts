import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';

type TeamMethods = Pick<Handlers, `team.${string}` & keyof Handlers>;

/** People, roles and the roster: thin calls into the core, announcing changes to every window in the room. */
export function createTeamHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): TeamMethods {
  const { team, events } = core;
  const changed = (incidentId: string | null) => {
    events.publish({ type: 'team.changed', incidentId });
    if (incidentId) events.publish({ type: 'timeline.changed', incidentId });
  };
  return {
    'team.people': () => team.people(),
    'team.savePerson': (q, ctx) => {
      const person = team.savePerson(q.id, q.person, actorOf(ctx));
      changed(null);
      return person;
    },
    'team.roles': () => team.roles(),
    'team.saveRole': (q, ctx) => {
      actorOf(ctx);
      const role = team.saveRole(q.id, q.role);
      changed(null);
      return role;
    },
    'team.assign': (q, ctx) => {
      core.incidents.get(q.incidentId);
      const assignment = team.assign(q, actorOf(ctx));
      changed(q.incidentId);
      return assignment;
    },
    'team.endAssignment': (q, ctx) => {
      const assignment = team.endAssignment(q.id, actorOf(ctx), q.note);
      changed(assignment.incidentId);
      return assignment;
    },
    'team.roster': (q) => team.roster(core.incidents.get(q.incidentId).id, q.at),
    'team.assignments': (q) => team.assignments(q.incidentId),
  };
}
