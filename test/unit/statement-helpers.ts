import type { StatementKind } from '../../shared/statements';
import { ANN, type testCore } from './helpers';

type TestCore = ReturnType<typeof testCore>;

/** A statement of the incident taken through its approval chain, each step decided by a person given its role. */
export function approvedStatement(core: TestCore, incidentId: string, body: string, kind: StatementKind = 'holding', content: { title?: string; channels?: string[] } = {}) {
  const s = core.statements.create(incidentId, kind, { title: content.title ?? 'Holding', body, languages: ['en'], channels: content.channels ?? ['press'] }, ANN);
  core.statements.submit(s.id, ANN);
  for (const step of core.statements.get(s.id).steps) {
    const role = step.roleId;
    const person = core.team.savePerson(undefined, { name: `Approver ${role}`, title: '', organisation: '', phone: '', email: '', languages: [], notes: '' }, ANN).id;
    core.team.assign({ incidentId, personId: person, roleId: role, rank: 'primary', shiftStart: null, shiftEnd: null, handover: '' }, ANN);
    core.statements.decide(s.id, 1, 'approved', null, { name: `Approver ${role}`, role });
  }
  return core.statements.get(s.id);
}
