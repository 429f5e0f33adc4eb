import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { STATEMENT_TEMPLATES } from '../../electron/core/db/migrations/seed-statement-templates';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import type { Actor } from '../../shared/domain';
import type { FirebreakError } from '../../shared/errors';
import { replyLength } from '../../shared/reply-length';
import type { StatementKind } from '../../shared/statements';
import { ANN, BOB, countRows, tempDir, testCore } from './helpers';
import { importFile } from './import-helpers';

const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
const RESPONDER: Actor = { name: 'Olena Kovalenko', role: 'Social-media responder' };
const REPLY = '{author}, we understand the worry. No evidence of contamination has been found; any bottle from batch L-2211 can be returned.';

/** A level-1 incident (the lead alone approves) with mentions on X (by handle), Telegram in Russian, news (a name) and one with no author. */
async function room() {
  const core = testCore();
  const incidentId = core.incidents.create(newIncidentSchema.parse({ title: 'Juice', organisation: 'Northwind', status: 'active', level: 1 }), ANN).id;
  const lead = core.team.savePerson(undefined, { name: LEAD.name, title: '', organisation: '', phone: '', email: '', languages: [], notes: '' }, ANN);
  core.team.assign({ incidentId, personId: lead.id, roleId: 'lead', rank: 'primary' }, ANN);
  const at = new Date(core.clock.now - 3_600_000).toISOString();
  const file = path.join(tempDir(), 'mentions.csv');
  fs.writeFileSync(file, [
    'id,date,text,author,handle,platform,language',
    `1,${at},Is the juice safe?,Jane Doe,janed,X,en`,
    `2,${at},Сок безопасен?,Иван,@ivan_k,Telegram,ru`,
    `3,${at},Northwind recalls nothing yet,Daily Courier,,News,en`,
    `4,${at},who knows,,,News,en`,
  ].join('\n'));
  await importFile(core, incidentId, file);
  const idOf = (text: string) => core.db.prepare('SELECT id FROM mentions WHERE text = ?').pluck().get(text) as number;
  const approved = (kind: StatementKind, body: string, languages = ['en'], title = `${kind} ${languages.join('+')}`) => {
    const s = core.statements.submit(core.statements.create(incidentId, kind, { title, body, languages, channels: ['x'] }, RESPONDER).id, RESPONDER);
    return core.statements.decide(s.id, s.version, 'approved', null, LEAD);
  };
  return { core, incidentId, idOf, approved };
}

describe('replies in approved wording', () => {
  it('offers the approved statements that can be replies, in the mention\'s language first, {author} as its platform names them', async () => {
    const { core, incidentId, idOf, approved } = await room();
    const reply = approved('social_reply', REPLY);
    const faq = approved('faq', 'Yes: tests found nothing wrong.');
    const russian = approved('social_reply', '{author}, мы проверяем партию L-2211.', ['ru']);
    approved('internal', 'Internal briefing: do not speculate.');
    const draft = core.statements.create(incidentId, 'social_reply', { title: 'Draft', body: 'Not yet approved', languages: ['en'], channels: ['x'] }, RESPONDER);
    const withdrawn = approved('social_reply', 'Old line', ['en'], 'Withdrawn line');
    core.statements.withdraw(withdrawn.id, 'Superseded', LEAD);
    const other = core.incidents.create(newIncidentSchema.parse({ title: 'Other', status: 'active', level: 1 }), ANN).id;
    core.statements.create(other, 'social_reply', { title: 'Elsewhere', body: 'x', languages: ['en'], channels: ['x'] }, RESPONDER);

    const onX = core.triage.wordings(idOf('Is the juice safe?'));
    assert.deepEqual(onX.map((w) => w.statementId), [reply.id, faq.id, russian.id], 'English ones first, replies before FAQ; no internal briefing, draft, withdrawn or other incident');
    assert.ok(!onX.some((w) => w.statementId === draft.id || w.statementId === withdrawn.id));
    assert.equal(onX[0].text, REPLY.replace('{author}', '@janed'), 'a handle on X');
    assert.deepEqual([onX[0].inMentionLanguage, onX[2].inMentionLanguage, onX[0].version], [true, false, 1]);

    const onTelegram = core.triage.wordings(idOf('Сок безопасен?'));
    assert.equal(onTelegram[0].statementId, russian.id, 'the Russian text first for a Russian mention');
    assert.equal(onTelegram[0].text, '@ivan_k, мы проверяем партию L-2211.', 'one @ however the export wrote it');
    assert.equal(core.triage.wordings(idOf('Northwind recalls nothing yet'))[0].text.split(',')[0], 'Daily Courier', 'a name where there are no handles');
    assert.equal(core.triage.wordings(idOf('who knows'))[0].text, REPLY, 'nobody named: {author} left for the responder');

    core.statements.publish(reply.id, 'x', '', null, RESPONDER);
    assert.equal(core.triage.wordings(idOf('Is the juice safe?'))[0].published, true, 'published statements stay usable');
  });

  it('a reply remembers the approved text it came from and whether it was changed; the review counts them', async () => {
    const { core, incidentId, idOf, approved } = await room();
    const reply = approved('social_reply', REPLY);
    const use = { statementId: reply.id, version: reply.version };
    const safe = idOf('Is the juice safe?');
    const asIs = core.triage.wordings(safe)[0].text;
    core.triage.respond(safe, asIs.replace(' No evidence', '\n\nNo evidence'), undefined, RESPONDER, use);
    const edited = core.triage.respond(idOf('Northwind recalls nothing yet'), `${core.triage.wordings(idOf('Northwind recalls nothing yet'))[0].text} Thanks for asking.`, undefined, RESPONDER, use);
    core.triage.respond(idOf('who knows'), 'We are looking into it.', undefined, BOB);

    assert.deepEqual(core.triage.history(safe).responses[0].wording, { statementId: reply.id, version: 1, title: 'social_reply en', edited: false }, 're-wrapped lines are still the approved text');
    assert.equal(edited.wording?.edited, true);
    assert.equal(core.triage.history(idOf('who knows')).responses[0].wording, null);
    assert.equal(core.db.prepare('SELECT triage_state FROM mentions WHERE id = ?').pluck().get(safe), 'responded');
    const m = core.reports.get(incidentId).metrics.triage;
    assert.deepEqual([m.replies, m.approvedWording, m.editedWording], [3, 2, 1]);
  });

  it('refuses words that are no longer approved as taken, and records nothing', async () => {
    const { core, incidentId, idOf, approved } = await room();
    const reply = approved('social_reply', REPLY);
    const safe = idOf('Is the juice safe?');
    const text = core.triage.wordings(safe)[0].text;
    const stale = (e: FirebreakError, state: string) =>
      e.code === 'CONFLICT' && isDeepStrictEqual((e.details as { say: unknown }).say, { key: 'wordingStale', params: { title: 'social_reply en', statementState: state } }) &&
      e.message.startsWith('"social_reply en" changed since you took its wording: it is now "');

    core.statements.edit(reply.id, { title: 'social_reply en', body: `${REPLY} Sorry.`, languages: ['en'], channels: ['x'] }, RESPONDER);
    assert.throws(() => core.triage.respond(safe, text, undefined, RESPONDER, { statementId: reply.id, version: 1 }), (e: FirebreakError) => stale(e, 'draft'));
    const again = core.statements.decide(core.statements.submit(reply.id, RESPONDER).id, 2, 'approved', null, LEAD);
    assert.throws(() => core.triage.respond(safe, text, undefined, RESPONDER, { statementId: reply.id, version: 1 }), (e: FirebreakError) => stale(e, 'approved'), 'approved again, but not the words taken');
    core.statements.withdraw(again.id, 'Superseded', LEAD);
    assert.throws(() => core.triage.respond(safe, text, undefined, RESPONDER, { statementId: reply.id, version: 2 }), (e: FirebreakError) => stale(e, 'withdrawn'));
    const internal = approved('internal', 'Briefing');
    assert.throws(() => core.triage.respond(safe, text, undefined, RESPONDER, { statementId: internal.id, version: 1 }), (e: FirebreakError) => e.code === 'NOT_FOUND');
    const other = core.incidents.create(newIncidentSchema.parse({ title: 'Other', status: 'active', level: 1 }), ANN).id;
    const elsewhere = core.statements.create(other, 'social_reply', { title: 'Elsewhere', body: 'x', languages: ['en'], channels: ['x'] }, RESPONDER);
    assert.throws(() => core.triage.respond(safe, text, undefined, RESPONDER, { statementId: elsewhere.id, version: 1 }), (e: FirebreakError) => e.code === 'NOT_FOUND', 'another incident\'s statement');

    assert.equal(countRows(core, 'mention_responses'), 0, 'nothing recorded');
    assert.equal(core.db.prepare('SELECT triage_state FROM mentions WHERE id = ?').pluck().get(safe), 'new');
    assert.equal(core.reports.get(incidentId).metrics.triage.replies, 0);
  });

  it('{author} may stay in a reply or FAQ statement when it is submitted, not in a holding statement', async () => {
    const { core, incidentId } = await room();
    const reply = core.statements.create(incidentId, 'social_reply', { title: 'Reply', body: REPLY, languages: ['en'], channels: ['x'] }, RESPONDER);
    assert.deepEqual(reply.placeholders, []);
    assert.equal(core.statements.submit(reply.id, RESPONDER).state, 'in_review');
    const holding = core.statements.create(incidentId, 'holding', { title: 'Holding', body: REPLY, languages: ['en'], channels: ['x'] }, RESPONDER);
    assert.deepEqual(holding.placeholders, ['{author}']);
    assert.throws(() => core.statements.submit(holding.id, RESPONDER), /Fill in the placeholders first: \{author\}/);
  });

  it('over the contract: wordings listed, a reply with its wording recorded, a bad wording refused by the schema', async () => {
    const { core, idOf, approved } = await room();
    const reply = approved('social_reply', REPLY);
    const dispatch = createDispatcher(core, 'cli');
    const ctx = RESPONDER;
    const safe = idOf('Is the juice safe?');
    const listed = await dispatch('triage.wordings', { mentionId: safe }, ctx);
    assert.ok(listed.ok);
    const [w] = listed.value as { statementId: string; version: number; text: string }[];
    const sent = await dispatch('triage.respond', { mentionId: safe, text: w.text, wording: { statementId: w.statementId, version: w.version } }, ctx);
    assert.ok(sent.ok);
    assert.equal((sent.value as { wording: { statementId: string } }).wording.statementId, reply.id);
    const bad = await dispatch('triage.respond', { mentionId: safe, text: 'x', wording: { statementId: reply.id, version: 0 } }, ctx);
    assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST');
  });

  it('an archive carries which approved text each reply came from, to a copy kept beside the original too', async () => {
    const { core, incidentId, idOf, approved } = await room();
    const reply = approved('social_reply', REPLY);
    const safe = idOf('Is the juice safe?');
    core.triage.respond(safe, core.triage.wordings(safe)[0].text, undefined, RESPONDER, { statementId: reply.id, version: 1 });
    core.incidents.setStatus(incidentId, 'resolved', ANN);
    core.incidents.setStatus(incidentId, 'closed', ANN);
    const file = path.join(tempDir(), 'juice.firebreak');
    await core.archives.export(incidentId, file);
    const copy = await core.archives.import(file, 'keep-both');
    const copied = core.db.prepare('SELECT id FROM mentions WHERE incident_id = ? AND text = ?').pluck().get(copy.id, 'Is the juice safe?') as number;
    const [statement] = core.statements.list(copy.id);
    assert.notEqual(statement.id, reply.id);
    assert.deepEqual(core.triage.history(copied).responses[0].wording, { statementId: statement.id, version: 1, title: 'social_reply en', edited: false }, 'points at the copy\'s own statement');
  });

  it('the built-in reply templates address the author, unless the team rewrote them', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'm.sqlite'));
    migrate(db, MIGRATIONS, 17);
    const [ours, rewritten] = STATEMENT_TEMPLATES.filter((t) => t.kind === 'social_reply');
    db.prepare('UPDATE statement_templates SET body = ? WHERE id = ?').run('Our own reply.', rewritten.id);
    migrate(db, MIGRATIONS);
    const body = (id: string) => db.prepare('SELECT body FROM statement_templates WHERE id = ?').pluck().get(id);
    assert.equal(body(ours.id), `{author}, ${ours.body[0].toLowerCase()}${ours.body.slice(1)}`);
    assert.equal(body(rewritten.id), 'Our own reply.');
    db.close();
  });
});

describe('reply length as the platform counts it', () => {
  it('X: letters of Latin, Cyrillic, Greek and Arabic script 1, CJK 2, an emoji 2, a link 23; elsewhere what people see', () => {
    assert.equal(replyLength('a'.repeat(280), 'x'), 280);
    assert.equal(replyLength('Сок Χυμός آبمیوه', 'x'), 16);
    assert.equal(replyLength('果汁', 'x'), 4);
    assert.equal(replyLength('👨‍👩‍👧 ok', 'x'), 5, 'a family emoji is one emoji');
    assert.equal(replyLength('see https://northwind.example/news/l-2211-full-report-on-the-batch', 'x'), 4 + 23);
    assert.equal(replyLength('e\u0301', 'x'), 1, 'a letter and its accent, normalised');
    assert.equal(replyLength('👨‍👩‍👧 果汁', 'instagram'), 4);
  });
});
