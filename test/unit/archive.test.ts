import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { FirebreakEvent } from '../../shared/events';
import { FirebreakError, type Result, type Said } from '../../shared/errors';
import { ANN, countRows, tempDir, testCore } from './helpers';
import { fixture, importFile, newIncident } from './import-helpers';
import { at, constructedCrisis } from './review-fixture';

type TestCore = ReturnType<typeof testCore>;

/** A closed crisis with every kind of record: mentions and a quarantined row, review, action item, corrected time. */
async function richCrisis(core: TestCore): Promise<string> {
  const id = await constructedCrisis(core);
  await importFile(core, id, fixture('bad-dates.csv'));
  core.reports.saveReview(id, {
    summary: 'Contained in a morning.', wentWell: 'Legal was fast.', wentWrong: 'Late FAQ.', planChanges: 'FAQ template.',
    audience: [{ platform: 'x', account: '@northwind', before: 1000, after: 990 }], costs: [{ item: 'Refunds', amount: 10, currency: 'EUR' }],
    lessons: [{ text: 'Confirm the source first.', playbookId: 'viral_activity' }],
  }, ANN);
  core.reports.addActionItem(id, { title: 'Write the FAQ template', notes: '', ownerPersonId: null, ownerRoleId: 'spokesperson', dueAt: at(20) }, ANN);
  const entry = core.timeline.list(id).find((e) => e.kind === 'public_update')!;
  core.timeline.update(entry.id, { occurredAt: entry.occurredAt - 60_000, reason: 'clock drift' }, ANN);
  // Two enquiries, so a timeline line that pointed at the wrong one after the ids are renumbered would show.
  const statement = core.statements.list(id)[0];
  const unanswered = core.enquiries.add(id, { outlet: 'Radio Metro', journalist: '', contact: '', channel: 'phone', question: 'Interview?', deadlineAt: at(9), ownerPersonId: null, receivedAt: at(8, 10) }, ANN);
  const post = core.mentions.search({ incidentId: id }, { sort: 'time', direction: 'asc', offset: 5, limit: 1 }).rows[0];
  const enquiry = core.enquiries.add(id, { outlet: 'The Daily Ledger', journalist: 'Sarah', contact: '', channel: 'email', question: 'Recall?', deadlineAt: at(9), ownerPersonId: core.team.people()[0].id, receivedAt: at(8, 20), mentionId: post.id }, ANN);
  core.enquiries.update(enquiry.id, { status: 'answered', answer: 'We are aware and checking the batch.', statementId: statement.id }, ANN);
  core.enquiries.update(unanswered.id, { status: 'declined', answer: 'Not before the report.' }, ANN);
  // Two stakeholders too, the second informed (its timeline line must point at it after renumbering).
  core.stakeholders.add(id, { name: 'Investors', group: 'investors', channel: 'email', contact: '', dueAt: at(9), ownerPersonId: null }, ANN);
  const board = core.stakeholders.add(id, { name: 'Board', group: 'leadership', channel: 'phone', contact: '', dueAt: at(9), ownerPersonId: core.team.people()[0].id }, ANN);
  core.stakeholders.update(board.id, { status: 'informed', message: 'Called the chair.', statementId: statement.id }, ANN);
  // Two claims, the second answered (its lines must point at it, and its spread is counted from the restored index).
  core.claims.add(id, { claim: 'They knew for weeks', terms: ['knew'], verdict: 'unverified', facts: '', source: '', ownerPersonId: null }, ANN);
  const claim = core.claims.add(id, { claim: 'The batch is poisoned', terms: ['Southfield', 'poison*'], verdict: 'false', facts: 'Lab: clean.', source: 'QA', ownerPersonId: core.team.people()[0].id }, ANN);
  core.claims.update(claim.id, { status: 'answered', answer: 'The lab found nothing.', statementId: statement.id }, ANN);
  // A channel whose posts were held, then taken over (its lines must point at it), with its keeper.
  const x = core.channels.add(id, { platform: 'x', name: '@Northwind', url: 'https://x.com/Northwind', keeperPersonId: core.team.people()[0].id, note: '', posting: 'paused' }, ANN);
  core.channels.update(x.id, { posting: 'compromised', note: 'Login from abroad.' }, ANN);
  const fake = core.impostors.add(id, { platform: 'x', handle: '@NorthwindRefunds', url: '', reportRef: '', note: 'Card details by DM.' }, ANN);
  core.impostors.update(fake.id, { status: 'reported', reportRef: 'X case 1' }, ANN);
  return id;
}

const dataLines = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n').slice(1);
const writeArchive = (file: string, lines: string[]) => fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));

/** Everything the incident's people see, compared between laptops (ids differ, content must not). */
function picture(core: TestCore, id: string) {
  const report = core.reports.get(id);
  return {
    metrics: report.metrics,
    series: report.series,
    review: { ...report.review },
    actionItems: report.actionItems.map((t) => t.title),
    timeline: core.timeline.list(id).map((e) => [e.kind, e.occurredAt, e.text]),
    statements: core.statements.list(id).map((s) => [s.title, s.state, s.version]),
    search: core.mentions.search({ incidentId: id, query: 'Southfield' }, { sort: 'time', direction: 'asc', offset: 0, limit: 500 }).total,
    dashboard: core.dashboard.dashboard({ incidentId: id }, 0).total,
    voice: core.dashboard.shareOfVoice({ incidentId: id }).topics.map((t) => [t.name, t.total]),
    quarantine: core.imports.listQuarantine({ incidentId: id, limit: 100, offset: 0 }).rows.map((q) => [q.rowNumber, q.reason]),
    enquiries: core.enquiries.list(id).map((e) => [e.outlet, e.status, e.answer, e.statementTitle, e.ownerPersonName, core.enquiries.history(e.id).map((h) => h.field),
      e.mentionId && core.mentions.get(e.mentionId).text, e.mentionId && core.mentions.get(e.mentionId).incidentId === id]),
    // Each enquiry line still points at its own enquiry.
    enquiryLines: core.timeline.list(id).filter((e) => e.ref?.enquiryId).map((e) => ((q) => [e.kind, q.outlet, q.incidentId === id])(core.enquiries.get(e.ref!.enquiryId!))),
    stakeholders: core.stakeholders.list(id).map((s) => [s.name, s.status, s.message, s.statementTitle, s.ownerPersonName, s.beforePublic, core.stakeholders.history(s.id).map((h) => h.field)]),
    stakeholderLines: core.timeline.list(id).filter((e) => e.ref?.stakeholderId).map((e) => ((s) => [e.kind, s.name, s.incidentId === id])(core.stakeholders.get(e.ref!.stakeholderId!))),
    claims: core.claims.list(id).map((c) => [c.claim, c.status, c.answer, c.statementTitle, c.ownerPersonName, c.spread, core.claims.history(c.id).map((h) => h.field)]),
    claimLines: core.timeline.list(id).filter((e) => e.ref?.claimId).map((e) => ((c) => [e.kind, c.claim, c.incidentId === id])(core.claims.get(e.ref!.claimId!))),
    channels: core.channels.list(id).map((c) => [c.platform, c.name, c.url, c.posting, c.postingSince, c.note, c.keeperPersonName, c.published, core.channels.history(c.id).map((h) => h.field)]),
    impostors: core.impostors.list(id).map((i) => [i.handle, i.status, i.reportRef, i.spottedAt, i.reportedAt, i.mentions, core.impostors.history(i.id).map((h) => h.field)]),
    impostorLines: core.timeline.list(id).filter((e) => e.ref?.impostorId).map((e) => ((i) => [e.kind, i.handle, i.incidentId === id])(core.impostors.get(e.ref!.impostorId!))),
    channelLines: core.timeline.list(id).filter((e) => e.ref?.ownChannelId).map((e) => ((c) => [e.kind, c.name, c.incidentId === id])(core.channels.get(e.ref!.ownChannelId!))),
  };
}

describe('incident archives', () => {
  it('round trip: export, import into an empty data directory, re-export gives the same content; the audit chain verifies', async () => {
    const a = testCore();
    const id = await richCrisis(a);
    const dir = tempDir();
    const first = path.join(dir, 'a.firebreak');
    const exported = await a.archives.export(id, first);
    const b = testCore();
    const imported = await b.archives.import(first);
    assert.equal(imported.id, id);
    const second = path.join(dir, 'b.firebreak');
    const again = await b.archives.export(id, second);
    assert.equal(again.sha256, exported.sha256);
    assert.deepEqual(dataLines(second), dataLines(first));
    assert.ok(dataLines(first).length > 100);
    assert.deepEqual(b.audit.verify(id), a.audit.verify(id));
    assert.equal(b.audit.verify(id).ok, true);
    b.clock.now = a.clock.now;
    assert.ok(picture(a, id).quarantine.length > 0, 'the quarantined rows travel too');
    assert.equal(picture(a, id).enquiries.length, 2, 'the media enquiries travel too');
    assert.deepEqual(picture(a, id).stakeholderLines, [['stakeholder.informed', 'Board', true]], 'the stakeholders travel too');
    assert.deepEqual(picture(a, id).claimLines.map(([kind, claim]) => [kind, claim]).sort(), [
      ['claim.answered', 'The batch is poisoned'], ['claim.logged', 'The batch is poisoned'], ['claim.logged', 'They knew for weeks'],
    ], 'the claims travel too');
    assert.deepEqual(picture(a, id).channelLines, [['channel.compromised', '@Northwind', true], ['channel.paused', '@Northwind', true]], 'the channels travel too');
    assert.deepEqual(picture(a, id).impostorLines.map(([kind]) => kind).sort(), ['impostor.reported', 'impostor.spotted'], 'the impostors travel too');
    assert.ok(picture(a, id).claims.some(([, , , , , spread]) => (spread as { total: number }).total > 0), 'a claim carried by mentions');
    assert.deepEqual(picture(b, id), picture(a, id));
    assert.deepEqual(b.reports.reviews.lessonsFor('viral_activity').map((l) => l.text), ['Confirm the source first.']);
  });

  it('an archive written before media enquiries existed (schema 19, no such tables) restores with none', async () => {
    const a = testCore();
    const id = await constructedCrisis(a);
    const dir = tempDir();
    const file = path.join(dir, 'new.firebreak');
    await a.archives.export(id, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    // What the version before wrote: the same lines without the tables added since (enquiries, stakeholders), the manifest at its schema.
    const manifest = { ...(JSON.parse(lines[0]) as Record<string, unknown>), schema: 19 };
    let skipping = false;
    const data = lines.slice(1, -1).filter((l) => {
      if (l.startsWith('{"t":')) skipping = /^\{"t":"(enquir|stakeholder|claim|own_channel|impostor)/.test(l);
      return !skipping;
    });
    assert.ok(data.length < lines.length - 2, 'the tables were there to take out');
    const sha256 = createHash('sha256').update(data.map((l) => `${l}\n`).join('')).digest('hex');
    const old = path.join(dir, 'old.firebreak');
    writeArchive(old, [JSON.stringify(manifest), ...data, JSON.stringify({ end: true, lines: data.length + 1, sha256 })]);
    const b = testCore();
    assert.equal((await b.archives.import(old)).id, id);
    assert.deepEqual(b.enquiries.list(id), []);
    assert.deepEqual(b.stakeholders.list(id), []);
    assert.deepEqual(b.claims.list(id), []);
    assert.deepEqual(b.channels.list(id), []);
    assert.deepEqual(b.impostors.list(id), []);
    assert.equal(b.timeline.list(id).length, a.timeline.list(id).length);
    // The same cut from an archive that says it is of this version is refused: it is missing tables it should have.
    const cut = path.join(dir, 'cut.firebreak');
    writeArchive(cut, [lines[0], ...data, JSON.stringify({ end: true, lines: data.length + 1, sha256 })]);
    await assert.rejects(testCore().archives.import(cut), (e: FirebreakError) => (e.details as { say: Said }).say.params.why === 'otherVersion');
  });

  it('an incident already here needs a choice: keep both (a copy with new ids whose chain verifies) or replace', async () => {
    const a = testCore();
    const id = await richCrisis(a);
    const file = path.join(tempDir(), 'x.firebreak');
    await a.archives.export(id, file);
    const mentionsBefore = countRows(a, 'mentions');
    await assert.rejects(a.archives.import(file), (e: Error & { code?: string; details?: { title?: string } }) => e.code === 'CONFLICT' && e.details?.title === 'Constructed juice crisis');
    assert.equal(countRows(a, 'mentions'), mentionsBefore, 'asking changes nothing');
    const copy = await a.archives.import(file, 'keep-both');
    assert.notEqual(copy.id, id);
    assert.equal(countRows(a, 'mentions'), 2 * mentionsBefore);
    assert.equal(a.audit.verify(copy.id).ok, true, 'the copy verifies against the ids it was written under');
    assert.equal(a.statements.list(copy.id).length, a.statements.list(id).length);
    assert.deepEqual(a.enquiries.list(copy.id).map((e) => e.statementId), [null, a.statements.list(copy.id)[0].id], "the copy's answer names the copy's statement");
    assert.notEqual(a.statements.list(copy.id)[0].id, a.statements.list(id)[0].id);
    assert.deepEqual(picture(a, copy.id), picture(a, id));
    assert.ok(await a.dashboard.columns.ready(id), 'the in-memory facts of the incident about to be replaced');
    const replaced = await a.archives.import(file, 'replace');
    assert.equal(replaced.id, id);
    assert.equal(a.dashboard.dashboard({ incidentId: id, query: 'juice' }, 0).source, 'mentions', 'replacing retires them');
    assert.equal(countRows(a, 'mentions'), 2 * mentionsBefore, 'replaced, not added');
    assert.equal(a.audit.verify(id).ok, true);
    assert.deepEqual(picture(a, id), picture(a, copy.id));
    const entry = a.timeline.list(id)[0];
    assert.throws(() => a.db.prepare('DELETE FROM timeline_entries WHERE id = ?').run(entry.id), /append-only|cannot be deleted|never deleted/i, 'the history is append-only again');
  });

  it('refuses a damaged, cut, edited or foreign file with a clear message and changes nothing', async () => {
    const a = testCore();
    const id = await richCrisis(a);
    const dir = tempDir();
    const good = path.join(dir, 'good.firebreak');
    await a.archives.export(id, good);
    const b = testCore();
    const incidentsBefore = countRows(b, 'incidents');
    const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
    // The English message, and why as a code the UI words in the reader's language.
    const cases: [string, () => void, RegExp, string[]][] = [
      ['not-gzip.firebreak', () => fs.writeFileSync(path.join(dir, 'not-gzip.firebreak'), 'id,text\n1,hello\n'), /not a Firebreak archive or it is damaged/, ['damaged']],
      ['cut.firebreak', () => fs.writeFileSync(path.join(dir, 'cut.firebreak'), fs.readFileSync(good).subarray(0, 2000)), /damaged|cut short/, ['damaged', 'cutShort']],
      ['edited.firebreak', () => writeArchive(path.join(dir, 'edited.firebreak'), lines.map((l) => l.replace('We are checking', 'We were never told'))), /changed or damaged after it was exported/, ['changed']],
      ['foreign.firebreak', () => writeArchive(path.join(dir, 'foreign.firebreak'), ['{"format":"something-else"}']), /is not a Firebreak archive/, ['notArchive']],
    ];
    for (const [name, make, message, why] of cases) {
      make();
      await assert.rejects(b.archives.import(path.join(dir, name)), (e: FirebreakError) => {
        const say = (e.details as { say: Said }).say;
        return message.test(e.message) && e.message.includes(name) && /Nothing was changed/.test(e.message) && say.key === 'archiveRefused' && say.params.file === name && why.includes(String(say.params.why));
      }, name);
    }
    // A forger who also recomputes the checksum: the audit chain still catches the changed decision.
    const forged = lines.map((l) => (l.includes('"request_changes"') || !l.includes('"approve"') ? l : l.replace('"approve"', '"reject"')));
    const data = forged.slice(1, -1);
    const sha256 = createHash('sha256').update(data.map((l) => `${l}\n`).join('')).digest('hex');
    writeArchive(path.join(dir, 'forged.firebreak'), [forged[0], ...data, JSON.stringify({ end: true, lines: data.length + 1, sha256 })]);
    await assert.rejects(b.archives.import(path.join(dir, 'forged.firebreak')), (e: FirebreakError) => {
      const say = (e.details as { say: Said }).say;
      return /^forged\.firebreak cannot be imported: its audit trail does not verify \(entry \d+: its content was changed after it was written\), so it may have been altered\. Nothing was changed\.$/.test(e.message) &&
        say.key === 'archiveRefused' && say.params.why === 'auditBroken' && say.params.auditWhy === 'changed' && typeof say.params.seq === 'number';
    });
    // A sound archive (its checksum holds) whose table has a column this version does not know: another version's.
    // (Refused at that table's header, before any of its rows.)
    const other = lines.map((l) => (l.startsWith('{"t":"timeline_entries"') ? l.replace('"c":["', '"c":["mood","') : l));
    const otherData = other.slice(1, -1);
    const otherSha = createHash('sha256').update(otherData.map((l) => `${l}\n`).join('')).digest('hex');
    writeArchive(path.join(dir, 'other-version.firebreak'), [other[0], ...otherData, JSON.stringify({ end: true, lines: otherData.length + 1, sha256: otherSha })]);
    await assert.rejects(b.archives.import(path.join(dir, 'other-version.firebreak')), (e: FirebreakError) => {
      const say = (e.details as { say: Said }).say;
      return say.key === 'archiveRefused' && say.params.why === 'otherVersion' && say.params.detail === 'timeline_entries: mood' &&
        /^other-version\.firebreak cannot be imported: it was made by another version of Firebreak/.test(e.message);
    });
    assert.equal(countRows(b, 'incidents'), incidentsBefore);
    assert.equal(countRows(b, 'mentions'), 0);
    assert.equal(countRows(b, 'audit_log'), 0);
  });

  it('a restore is written in a worker thread: the room keeps answering and reading, its writes are refused saying why until the restore is in', async () => {
    const a = testCore();
    const id = newIncident(a, 'Forty thousand mentions');
    const dir = tempDir();
    const csv = path.join(dir, 'many.csv');
    const rows = Array.from({ length: 40_000 }, (_, i) => `2026-11-21 ${String(10 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},user${i % 997},"Juice batch ${i}: is it safe, ${i % 7 ? 'asks' : 'says'} a parent"`);
    fs.writeFileSync(csv, ['date,author,text', ...rows].join('\n'));
    assert.equal((await importFile(a, id, csv)).imported, 40_000);
    const file = path.join(dir, 'many.firebreak');
    await a.archives.export(id, file);

    const b = testCore();
    const dispatch = createDispatcher(b, 'desktop', { error: () => undefined });
    await b.backups.backUpNow();
    assert.equal(b.backups.status().changed, false);
    const events: FirebreakEvent['type'][] = [];
    const shares: (number | null | 'over')[] = [];
    const during: { read?: Promise<Result<unknown>>; restoring: unknown; write?: Promise<Result<unknown>>; importing?: unknown; ticks: number } = { restoring: null, ticks: 0 };
    const ticker = setInterval(() => during.ticks++, 1);
    b.events.subscribe((e) => {
      events.push(e.type);
      if (e.type === 'restore.changed') shares.push(e.restoring ? e.restoring.share : 'over');
      if (e.type !== 'restore.changed' || !e.restoring || during.write) return;
      assert.equal(e.restoring.title, 'Forty thousand mentions');
      during.ticks = 0;
      // Called as the worker holds the write lock: a read answers, a write is refused at once with the restore's words.
      during.read = dispatch('incidents.list', {});
      during.restoring = b.archives.restoringNow();
      during.write = dispatch('incidents.create', { title: 'Written meanwhile' }, ANN);
      try {
        b.archives.refuseWhileRestoring();
      } catch (err) {
        during.importing = (err as FirebreakError).details;
      }
    });
    const restored = await b.archives.import(file);
    clearInterval(ticker);
    assert.equal(restored.id, id);
    assert.deepEqual(events.filter((t) => t === 'restore.changed' || t === 'incident.created').slice(-2), ['restore.changed', 'incident.created']);
    // Its progress: from the start of the writing, each percent of the rows, then the index rebuilt, then over.
    assert.equal(shares[0], 0);
    assert.deepEqual(shares.slice(-2), [null, 'over']);
    const rowShares = shares.slice(1, -2) as number[];
    assert.ok(rowShares.length >= 95 && rowShares.length <= 101, `about one report per percent (${rowShares.length})`);
    assert.deepEqual(rowShares, [...rowShares].sort((x, y) => x - y));
    assert.ok(rowShares[rowShares.length - 1] > 0.99);
    assert.deepEqual(await during.read, { ok: true, value: [] }, 'the room read while the restore was written');
    assert.deepEqual(during.restoring, { title: 'Forty thousand mentions', share: 0 });
    assert.ok(during.ticks > 0, 'the room thread ran while the restore was written');
    const write = await during.write!;
    assert.equal(write.ok, false);
    assert.deepEqual(!write.ok && (write.error.details as { say: Said }).say, { key: 'roomRestoring', params: { title: 'Forty thousand mentions' } });
    assert.match(!write.ok ? write.error.message : '', /^The room is restoring "Forty thousand mentions" from an archive or a backup: nothing can be saved until it is in/);
    assert.deepEqual((during.importing as { say: Said }).say.key, 'roomRestoring', 'an import is refused before it starts');
    // All of it is in, and the room writes again; the next backup sees the restore as a change.
    assert.equal(countRows(b, 'mentions'), 40_000);
    assert.equal(b.mentions.search({ incidentId: id, query: 'says' }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).total, rows.filter((r) => r.includes('says')).length);
    assert.equal(b.archives.restoringNow(), null);
    const after = await dispatch('incidents.create', { title: 'Written after' }, ANN);
    assert.equal(after.ok, true);
    assert.equal(b.backups.status().changed, true);
  });

  it('a restore waits for an import being written, and one restore at a time', async () => {
    const a = testCore();
    const id = await richCrisis(a);
    const file = path.join(tempDir(), 'rich.firebreak');
    await a.archives.export(id, file);
    const csv = path.join(tempDir(), 'some.csv');
    fs.writeFileSync(csv, ['date,author,text', ...Array.from({ length: 20_000 }, (_, i) => `2026-11-21 10:00,u${i},row ${i}`)].join('\n'));
    const started = await a.imports.start({ file: csv, incidentId: newIncident(a), options: { timezone: 'UTC' }, actor: ANN });
    await assert.rejects(a.archives.import(file, 'keep-both'), (e: FirebreakError) => (e.details as { say: Said }).say.key === 'restoreWaitsForImport');
    await started.done;
    const first = a.archives.import(file, 'keep-both');
    await assert.rejects(a.archives.import(file, 'keep-both'), (e: FirebreakError) => (e.details as { say: Said }).say.key === 'roomRestoring' && (e.details as { say: Said }).say.params.title === 'rich.firebreak');
    assert.notEqual((await first).id, id);
  });
});
