import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import canonicalize from 'canonicalize';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { Actor } from '../../shared/domain';
import type { FirebreakError } from '../../shared/errors';
import { createDispatcher } from '../../electron/transport/dispatch';
import { carriesKeyMessage } from '../../shared/key-message-match';
import { ANN, testCore } from './helpers';

const person = { title: '', organisation: 'Northwind', phone: '+44 20 7946 0104', email: '', languages: [], notes: '' };
const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const LAWYER: Actor = { name: 'Elena Costa', role: 'Legal' };
const BACKUP_LAWYER: Actor = { name: 'Tom Fischer', role: 'Legal' };
const EXEC: Actor = { name: 'Daniel Brooks', role: 'Executive' };
const content = { title: 'Holding statement', body: 'We are aware of the video and are checking batch L-2211 with our quality team.', languages: ['en'], channels: ['website', 'x'] };

/** An incident at a level, with a roster: lead, legal (primary + backup), executive, spokesperson. */
function room(level: 1 | 2 | 3 | 4 = 3) {
  const core = testCore();
  const incident = core.incidents.create(newIncidentSchema.parse({ title: 'Juice', organisation: 'Northwind Juice Co.', status: 'active', level }), ANN);
  const add = (name: string, roleId: string, rank: 'primary' | 'backup' = 'primary', email = '') => {
    const p = core.team.savePerson(undefined, { ...person, name, email }, ANN);
    core.team.assign({ incidentId: incident.id, personId: p.id, roleId, rank }, ANN);
  };
  add(LEAD.name, 'lead');
  add(LAWYER.name, 'legal');
  add(BACKUP_LAWYER.name, 'legal', 'backup');
  add(EXEC.name, 'executive');
  add('Dan Press', 'spokesperson', 'primary', 'press@northwind.example');
  return { core, incidentId: incident.id };
}

describe('statements: approval chains', () => {
  it('the chain follows the incident\'s level and is configurable; a submitted statement keeps its chain', () => {
    const low = room(1);
    const s1 = low.core.statements.submit(low.core.statements.create(low.incidentId, 'holding', content, ANN).id, ANN);
    assert.deepEqual(s1.steps.map((s) => s.roleId), ['lead']);
    const high = room(3);
    const s3 = high.core.statements.submit(high.core.statements.create(high.incidentId, 'holding', content, ANN).id, ANN);
    assert.deepEqual(s3.steps.map((s) => [s.roleId, s.holders]), [['lead', ['Maria Ivanova']], ['legal', ['Elena Costa']], ['executive', ['Daniel Brooks']]]);
    assert.deepEqual(s3.steps[1].backups, ['Tom Fischer']);
    high.core.approvalChains.set(3, ['legal']);
    assert.deepEqual(high.core.statements.get(s3.id).steps.map((s) => s.roleId), ['lead', 'legal', 'executive'], 'kept');
    const next = high.core.statements.submit(high.core.statements.create(high.incidentId, 'holding', content, ANN).id, ANN);
    assert.deepEqual(next.steps.map((s) => s.roleId), ['legal']);
    assert.throws(() => high.core.approvalChains.set(2, ['lead', 'astronaut']), /No role with id astronaut here/);
  });

  it('a version that is not there (a stale link) is said to be missing, in the reader\'s language', () => {
    const { core, incidentId } = room(1);
    const s = core.statements.create(incidentId, 'holding', content, ANN);
    assert.throws(
      () => core.statements.recordPrint(s.id, 7, ANN),
      (e: FirebreakError) => e.code === 'NOT_FOUND' && isDeepStrictEqual((e.details as { say: unknown }).say, { key: 'missing', params: { thing: 'statementVersion', id: '7' } }),
    );
  });

  it('each step is decided in order, only by a holder of its role; anyone else is refused and nothing is recorded', () => {
    const { core, incidentId } = room(3);
    const s = core.statements.submit(core.statements.create(incidentId, 'holding', content, ANN).id, ANN);
    const auditBefore = core.audit.list(incidentId).length;
    assert.throws(() => core.statements.decide(s.id, 1, 'approved', null, LAWYER), (e: Error & { code?: string }) => e.code === 'FORBIDDEN' && /Step 1 needs the Incident lead: Maria Ivanova/.test(e.message));
    assert.throws(() => core.statements.decide(s.id, 1, 'approved', null, ANN), /Ann Lee does not hold it/);
    assert.equal(core.audit.list(incidentId).length, auditBefore, 'refusals change nothing');
    core.statements.decide(s.id, 1, 'approved', null, LEAD);
    assert.throws(() => core.statements.decide(s.id, 1, 'approved', null, LEAD), /Step 2 needs the Legal approver: Elena Costa, Tom Fischer \(backup\)/);
    const afterLegal = core.statements.decide(s.id, 1, 'approved', null, BACKUP_LAWYER);
    assert.equal(afterLegal.steps[1].decision?.asBackup, true);
    assert.equal(afterLegal.state, 'in_review');
    assert.equal(afterLegal.waiting?.roleId, 'executive');
    const approved = core.statements.decide(s.id, 1, 'approved', null, { name: 'daniel brooks ', role: '' });
    assert.equal(approved.state, 'approved');
    assert.equal(approved.hash, createHash('sha256').update(canonicalize(content)!).digest('hex'), 'identified by the SHA-256 of its content');
    assert.ok(core.timeline.list(incidentId).some((e) => e.kind === 'statement.approved' && e.keyEvent));
  });

  it('an edit after approval makes a new version and voids the approvals; deciding on text not read is refused', () => {
    const { core, incidentId } = room(2);
    const s = core.statements.submit(core.statements.create(incidentId, 'holding', content, ANN).id, ANN);
    core.statements.decide(s.id, 1, 'approved', null, LEAD);
    core.statements.decide(s.id, 1, 'approved', null, LAWYER);
    assert.equal(core.statements.get(s.id).state, 'approved');
    const edited = core.statements.edit(s.id, { ...content, body: `${content.body} We apologise.` }, LEAD);
    assert.deepEqual([edited.state, edited.version, edited.voided.length], ['draft', 2, 2]);
    assert.notEqual(edited.hash, s.hash);
    assert.ok(edited.steps.every((st) => st.decision === null), 'no approval carries over to the new text');
    assert.equal(core.statements.edit(s.id, { ...content, body: `${content.body} We apologise.` }, LEAD).version, 2, 'saving the same text adds no version');
    core.statements.submit(s.id, ANN);
    // Deciding on the text as first read: refused, said with its figures so each reader gets it in their language.
    assert.throws(() => core.statements.decide(s.id, 1, 'approved', null, LEAD), (e: Error & { code?: string; details?: unknown }) =>
      e.code === 'CONFLICT' && e.message === 'The text changed since version 1; read version 2 before deciding.' &&
      isDeepStrictEqual(e.details, { version: 2, say: { key: 'staleVersion', params: { version: 1, current: 2 } } }));
    assert.throws(() => core.statements.decide(s.id, 2, 'changes_requested', ' ', LEAD), /reason is required/);
    const back = core.statements.decide(s.id, 2, 'changes_requested', 'Say when the QA report is due', LEAD);
    assert.equal(back.state, 'changes_requested');
    assert.throws(() => core.statements.publish(s.id, 'website', '', null, LEAD), /Only an approved statement can be published; this one is "Changes requested"\.$/);
    const history = core.audit.list(incidentId, s.id).map((e) => e.action);
    assert.deepEqual(history, ['create', 'submit', 'approve', 'approve', 'edit', 'submit', 'request_changes']);
    assert.equal(core.audit.list(incidentId, s.id)[4].payload.voidedApprovals, 2);
  });

  it('two writers at once: a save from a version someone else has replaced meanwhile is refused, saying who and which', () => {
    const { core, incidentId } = room(2);
    const s = core.statements.create(incidentId, 'holding', content, ANN);
    // Ann and the lead both opened version 1; the lead saves first.
    core.statements.edit(s.id, { ...content, body: `${content.body} Sales of the batch are paused.` }, LEAD, 1);
    const mine = { ...content, body: `${content.body} We apologise.` };
    assert.throws(() => core.statements.edit(s.id, mine, ANN, 1), (e: Error & { code?: string; details?: unknown }) =>
      e.code === 'CONFLICT' &&
      e.message === `${LEAD.name} saved version 2 while you were editing version 1. Your text is still in the editor: read their version, then save again to replace it.` &&
      isDeepStrictEqual(e.details, { version: 2, say: { key: 'editedMeanwhile', params: { version: 1, current: 2, author: LEAD.name } } }));
    assert.equal(core.statements.get(s.id).version, 2, 'nothing was saved');
    // Having read it, Ann saves from version 2: her text becomes version 3, and both stay in the history.
    assert.equal(core.statements.edit(s.id, mine, ANN, 2).version, 3);
    assert.deepEqual(core.statements.get(s.id).versions.map((v) => v.author), [ANN.name, LEAD.name, ANN.name]);
    // Saving the text already there is never a conflict; a client that does not say its version is not checked.
    assert.equal(core.statements.edit(s.id, mine, LEAD, 1).version, 3);
    assert.equal(core.statements.edit(s.id, content, LEAD).version, 4);
  });

  it('delegation goes to a backup of the role only, with the reason; publishing logs a public update that resets the timer', () => {
    const { core, incidentId } = room(2);
    const s = core.statements.submit(core.statements.create(incidentId, 'public', content, ANN).id, ANN);
    core.statements.decide(s.id, 1, 'approved', null, LEAD);
    assert.throws(() => core.statements.delegate(s.id, 'Ann Lee', 'on holiday', LEAD), (e: FirebreakError) =>
      e.message === "Ann Lee is not a backup for this step's role on the roster (backups: Tom Fischer)."
      && isDeepStrictEqual(e.details, { say: { key: 'notBackup', params: { person: 'Ann Lee', backups: 'Tom Fischer' } } }));
    const delegated = core.statements.delegate(s.id, 'Tom Fischer', 'Elena is on holiday', LEAD);
    assert.deepEqual(delegated.waiting?.holders, ['Tom Fischer']);
    core.statements.remind(s.id, LEAD);
    core.clock.now += 60_000;
    core.statements.decide(s.id, 1, 'approved', null, BACKUP_LAWYER);
    core.clock.now += 60_000;
    const published = core.statements.publish(s.id, 'website', 'https://northwind.example/statement', null, { name: 'Dan Press', role: 'Spokesperson' });
    assert.equal(published.state, 'published');
    assert.equal(core.timeline.lastPublicUpdate(incidentId), core.clock.now);
    assert.throws(() => core.statements.edit(s.id, { ...content, body: 'x' }, LEAD), /This statement is now "Published": its text can no longer change/);
    assert.deepEqual(core.audit.list(incidentId, s.id).map((e) => e.action), ['create', 'submit', 'approve', 'delegate', 'remind', 'approve', 'publish']);
    // A reminder sent from a laptop that has not heard the statement was decided meanwhile.
    assert.throws(() => core.statements.remind(s.id, LEAD), (e: FirebreakError) =>
      e.code === 'INVALID_TRANSITION' && isDeepStrictEqual(e.details, { say: { key: 'notInReview', params: { statementState: 'published' } } }));
    const withdrawn = core.statements.withdraw(s.id, 'Superseded by the QA results', LEAD);
    assert.equal(withdrawn.state, 'withdrawn');
  });

  it('templates become drafts with what the incident knows filled in; submission waits for the other placeholders', () => {
    const { core, incidentId } = room(3);
    const draft = core.statements.fromTemplate(incidentId, 'holding-en', ANN);
    assert.match(draft.current.body, /being shared about Northwind Juice Co\./);
    assert.match(draft.current.body, /Questions: press@northwind\.example, \+44 20 7946 0104\./);
    assert.deepEqual(draft.placeholders, ['{issue}']);
    assert.deepEqual([draft.kind, draft.languages, draft.channels], ['holding', ['en'], ['website', 'x']]);
    assert.throws(() => core.statements.submit(draft.id, ANN), /Fill in the placeholders first: \{issue\}/);
    const filled = core.statements.edit(draft.id, { ...draft.current, body: draft.current.body.replace('{issue}', 'a video') }, ANN);
    assert.equal(core.statements.submit(filled.id, ANN).state, 'in_review');
    assert.equal(core.templates.list().filter((t) => t.kind === 'holding' && t.crisisType === null).map((t) => t.lang).join(','), 'en,ru,uk,fa,el');
    // The library is the team's: a statement that worked becomes a template; seeded ones can be reworded.
    const mine = core.templates.save(undefined, { kind: 'social_reply', crisisType: 'false_information', lang: 'el', title: 'Απάντηση', body: 'Τα γεγονότα: {facts}' });
    assert.deepEqual([core.templates.list().at(-1)!.id, mine.builtin], [mine.id, false]);
    core.templates.save('faq-en', { ...core.templates.get('faq-en'), title: 'Questions and answers' });
    assert.equal(core.templates.get('faq-en').title, 'Questions and answers');
    assert.throws(() => core.templates.save('nope', { kind: 'faq', crisisType: null, lang: 'en', title: 'x', body: '' }), /No statement template/);
  });

  it('key messages: which ones a statement carries, in any of their wordings and inflections', () => {
    assert.equal(carriesKeyMessage('Our quality team is checking batch L-2211 today.', 'Quality team checks batch L-2211'), true);
    assert.equal(carriesKeyMessage('Мы проверяем партию L-2211 вместе с отделом качества.', 'We check batch L-2211\nПроверяем партию L-2211'), true);
    assert.equal(carriesKeyMessage('We are sorry.', 'Quality team checks batch L-2211'), false);
    const { core, incidentId } = room(1);
    core.statements.addKeyMessage(incidentId, 'Quality team checks batch L-2211', LEAD);
    const [k2] = core.statements.addKeyMessage(incidentId, 'No evidence of contamination', LEAD).slice(1);
    const s = core.statements.create(incidentId, 'holding', content, ANN);
    assert.deepEqual(s.coverage.map((c) => c.contained), [true, false]);
    core.statements.retireKeyMessage(k2.id, LEAD);
    assert.equal(core.statements.get(s.id).coverage.length, 1);
  });
});

describe('statements: the audit trail', () => {
  it('is hash-chained: verification passes, then finds the first changed or missing entry', () => {
    const { core, incidentId } = room(1);
    const s = core.statements.submit(core.statements.create(incidentId, 'holding', content, ANN).id, ANN);
    core.statements.decide(s.id, 1, 'approved', null, LEAD);
    core.statements.recordPrint(s.id, 1, LEAD);
    assert.deepEqual(core.audit.verify(incidentId), { ok: true, entries: 4, firstBroken: null });
    assert.throws(() => core.db.prepare('UPDATE audit_log SET actor = ?').run('x'), /append-only/);
    assert.throws(() => core.db.prepare('DELETE FROM audit_log').run(), /append-only/);
    assert.throws(() => core.db.prepare('UPDATE statement_versions SET body = ?').run('x'), /never changed/);
    // Someone edits the database file directly: the triggers are gone, the chain still tells.
    core.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    core.db.prepare("UPDATE audit_log SET actor = 'Somebody else' WHERE seq = 3").run();
    // In English, and as a code with its figures that the audit dialog words in the reader's language.
    assert.deepEqual(core.audit.verify(incidentId).firstBroken, { seq: 3, code: 'changed', params: {}, reason: 'its content was changed after it was written' });
    core.db.prepare("UPDATE audit_log SET actor = 'Maria Ivanova' WHERE seq = 3").run();
    assert.equal(core.audit.verify(incidentId).ok, true);
    core.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    assert.deepEqual(core.audit.verify(incidentId).firstBroken, { seq: 3, code: 'missing', params: { expected: 2, found: 3 }, reason: 'entry 2 is missing (the next entry is number 3)' });
  });

  it('through the dispatcher: the caller is the approver, whatever the client claims elsewhere', async () => {
    const { core, incidentId } = room(1);
    const dispatch = createDispatcher(core, 'cli');
    const made = await dispatch('statements.create', { incidentId, kind: 'holding', content }, ANN);
    assert.ok(made.ok);
    const id = (made.value as { id: string }).id;
    await dispatch('statements.submit', { id }, ANN);
    const refused = await dispatch('statements.decide', { id, version: 1, decision: 'approved' }, ANN);
    assert.equal(refused.ok ? null : refused.error.code, 'FORBIDDEN');
    const waiting = await dispatch('statements.waitingForMe', { incidentId }, LEAD);
    assert.equal(waiting.ok && (waiting.value as unknown[]).length, 1);
    const ok = await dispatch('statements.decide', { id, version: 1, decision: 'approved' }, LEAD);
    assert.equal(ok.ok && (ok.value as { state: string }).state, 'approved');
    const verify = await dispatch('audit.verify', { incidentId }, ANN);
    assert.equal(verify.ok && (verify.value as { ok: boolean }).ok, true);
  });
});

describe('the demo crisis statements', () => {
  it('has statements in every state, a stalled approval, and an audit trail that verifies', async () => {
    const { loadDemoCrisis } = await import('../../electron/core/demo/demo-crisis');
    const core = testCore();
    const demo = await loadDemoCrisis(core, core.clock.now);
    const list = core.statements.list(demo.id);
    assert.deepEqual([...new Set(list.map((s) => s.state))].sort(), ['approved', 'changes_requested', 'draft', 'in_review', 'published']);
    const stuck = list.find((s) => s.state === 'in_review')!;
    assert.deepEqual([stuck.waiting?.roleId, stuck.waiting?.holders], ['legal', ['Elena Costa']]);
    assert.equal(core.audit.verify(demo.id).ok, true);
    const published = core.timeline.list({ incidentId: demo.id, kinds: ['public_update'] });
    assert.equal(published.length, 4, 'the holding statement on three channels and the QA update');
    assert.equal(core.timeline.lastPublicUpdate(demo.id), core.clock.now - 1.5 * 3_600_000);
  });
});
