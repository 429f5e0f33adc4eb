import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportHtml } from '../../electron/core/review/report-html';
import { createDispatcher } from '../../electron/transport/dispatch';
import { newIncidentSchema } from '../../shared/api/incidents';
import { FirebreakError, type Said } from '../../shared/errors';
import { entryWords, wordingIn } from '../../shared/timeline-words';
import { impostorAuthor } from '../../shared/own-channels';
import { ANN, BOB, tempDir, testCore } from './helpers';
import { csvFile, importFile } from './import-helpers';
import { approvedStatement } from './statement-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
type TestCore = ReturnType<typeof testCore>;

const said = (err: unknown) => (err instanceof FirebreakError ? (err.details as { say?: Said }).say?.key : undefined);
const usual = { url: '', keeperPersonId: null, note: '', posting: 'as_usual' as const };

function crisis(core: TestCore, title = 'Juice video') {
  return core.incidents.create(newIncidentSchema.parse({ title, status: 'active', level: 2, detectedAt: core.clock.now - 3 * HOUR }), ANN).id;
}

const lines = (core: TestCore, incidentId: string) => core.timeline.list({ incidentId }).filter((e) => e.kind.startsWith('channel.')).reverse();

describe('own channels', () => {
  it('shows on each channel what was published on its platform and what was approved for it and is not out there', () => {
    const core = testCore();
    const incidentId = crisis(core);
    const x = core.channels.add(incidentId, { ...usual, platform: 'x', name: '@Northwind', url: 'https://x.com/Northwind' }, ANN);
    core.channels.add(incidentId, { ...usual, platform: 'telegram', name: 'Northwind RU' }, ANN);
    core.channels.add(incidentId, { ...usual, platform: 'website', name: 'northwind.example' }, ANN);
    const holding = approvedStatement(core, incidentId, 'We are checking the batch.', 'holding', { title: 'Holding', channels: ['website', 'x', 'telegram'] });
    // A reply wording is given mention by mention: never waiting on a channel.
    approvedStatement(core, incidentId, '{author}, we are checking.', 'social_reply', { title: 'Reply', channels: ['x'] });
    core.statements.publish(holding.id, 'website', 'https://northwind.example/news', core.clock.now - HOUR, BOB);
    core.statements.publish(holding.id, 'x', '', core.clock.now - 30 * MIN, BOB);
    const byPlatform = () => Object.fromEntries(core.channels.list(incidentId).map((c) => [c.platform, { published: c.published.map((p) => [p.title, p.version]), waiting: c.waiting.map((w) => [w.title, w.version]) }]));
    assert.deepEqual(byPlatform(), {
      x: { published: [['Holding', 1]], waiting: [] },
      telegram: { published: [], waiting: [['Holding', 1]] },
      website: { published: [['Holding', 1]], waiting: [] },
    });
    assert.deepEqual(core.channels.counts(incidentId), { total: 3, paused: 0, compromised: 0, waiting: 1, unreported: 0 });

    // A second one approved for X and Telegram: waiting on both until published there; edited, back to draft, it waits nowhere.
    const update = approvedStatement(core, incidentId, 'The first lab results are clean.', 'public', { title: 'QA update', channels: ['x', 'telegram'] });
    assert.deepEqual(byPlatform().x, { published: [['Holding', 1]], waiting: [['QA update', 1]] });
    core.statements.publish(update.id, 'x', '', null, BOB);
    assert.deepEqual(byPlatform().x, { published: [['QA update', 1], ['Holding', 1]], waiting: [] }, 'the latest first');
    assert.deepEqual(byPlatform().telegram.waiting, [['Holding', 1], ['QA update', 1]]);
    const faq = approvedStatement(core, incidentId, 'Yes, refunds.', 'faq', { title: 'FAQ', channels: ['website'] });
    assert.deepEqual(byPlatform().website.waiting, [['FAQ', 1]]);
    core.statements.edit(faq.id, { title: 'FAQ', body: 'Yes, full refunds.', languages: ['en'], channels: ['website'] }, ANN);
    assert.deepEqual(byPlatform().website.waiting, []);
    // Withdrawn: out of use, listed nowhere.
    core.statements.withdraw(holding.id, 'Superseded', BOB);
    assert.deepEqual(byPlatform().x, { published: [['QA update', 1]], waiting: [] });
    assert.deepEqual(byPlatform().telegram.waiting, [['QA update', 1]]);
    assert.equal(core.channels.get(x.id).url, 'https://x.com/Northwind');
  });

  it('puts every change of posting on the timeline at the time it happened, in the reader\'s language; a takeover says why', () => {
    const core = testCore();
    const incidentId = crisis(core);
    const start = core.clock.now;
    const x = core.channels.add(incidentId, { ...usual, platform: 'x', name: '@Northwind' }, ANN);
    assert.equal(lines(core, incidentId).length, 0, 'listed as usual: nothing happened');
    core.channels.update(x.id, { posting: 'paused', postingSince: start - 20 * MIN }, ANN);
    assert.throws(() => core.channels.update(x.id, { posting: 'as_usual', postingSince: start + HOUR }, ANN), (err) => said(err) === 'postingInFuture');
    core.clock.now = start + HOUR;
    core.channels.update(x.id, { posting: 'compromised', note: 'Password reset e-mail nobody asked for; a crypto giveaway posted.' }, BOB);
    assert.deepEqual(core.attention.summary('').find((a) => a.incidentId === incidentId)?.counts.channelsLost, 1);
    core.clock.now = start + 3 * HOUR;
    const back = core.channels.update(x.id, { posting: 'paused', postingSince: start + 2.5 * HOUR }, BOB);
    assert.deepEqual([back.posting, back.postingSince], ['paused', start + 2.5 * HOUR]);
    core.channels.update(x.id, { note: 'Checked: two posts by the intruders deleted.' }, BOB);

    const written = lines(core, incidentId);
    assert.deepEqual(written.map((e) => [e.kind, e.occurredAt, e.author]), [
      ['channel.paused', start - 20 * MIN, ANN.name],
      ['channel.compromised', start + HOUR, BOB.name],
      ['channel.paused', start + 2.5 * HOUR, BOB.name],
    ]);
    assert.deepEqual(written.map((e) => e.text), [
      'Posts held on X: @Northwind',
      'Account taken over: @Northwind (X) — Password reset e-mail nobody asked for; a crypto giveaway posted.',
      'Account back in our hands: @Northwind (X)',
    ]);
    assert.equal(entryWords(written[1], [], wordingIn('ru')), 'Аккаунт захвачен: @Northwind (X) — Password reset e-mail nobody asked for; a crypto giveaway posted.');
    assert.equal(entryWords(written[0], [], wordingIn('el')), 'Σε αναμονή οι δημοσιεύσεις — X: @Northwind');
    assert.deepEqual(core.channels.history(x.id).map((h) => h.field), ['posting', 'postingSince', 'note', 'posting', 'postingSince', 'posting', 'postingSince', 'note']);
    assert.equal(core.attention.summary('').find((a) => a.incidentId === incidentId)?.counts.channelsLost, 0);
    assert.throws(() => core.db.prepare('DELETE FROM own_channels WHERE id = ?').run(x.id), /never deleted/);
    assert.throws(() => core.db.prepare('UPDATE own_channel_events SET actor = ?').run('Eve'), /append-only/);
  });

  it('the situation report lists the channels not as usual or behind; the review counts holds and takeovers and reports them', () => {
    const core = testCore();
    const incidentId = crisis(core);
    const detected = core.incidents.get(incidentId).detectedAt!;
    const x = core.channels.add(incidentId, { ...usual, platform: 'x', name: '@Northwind' }, ANN);
    core.channels.add(incidentId, { ...usual, platform: 'instagram', name: '@northwind.juice', posting: 'paused', postingSince: detected + 50 * MIN }, ANN);
    core.channels.add(incidentId, { ...usual, platform: 'website', name: 'northwind.example' }, ANN);
    core.channels.update(x.id, { posting: 'paused', postingSince: detected + 40 * MIN }, ANN);
    core.channels.update(x.id, { posting: 'compromised', postingSince: detected + 60 * MIN }, ANN);
    core.channels.update(x.id, { posting: 'paused', postingSince: detected + 100 * MIN }, ANN);
    core.channels.update(x.id, { posting: 'compromised', postingSince: detected + 110 * MIN }, ANN);

    const report = core.sitreps.get(incidentId, detected);
    assert.deepEqual(report.channels.map((c) => [c.name, c.posting]), [['@Northwind', 'compromised'], ['@northwind.juice', 'paused']]);
    // Still lost (since 110 min after detection) at the clock, 180 min after it: 70 min, longer than the first 40.
    assert.deepEqual(core.reports.get(incidentId).metrics.channels, { listed: 3, paused: 2, detectionToPauseMs: 40 * MIN, lost: 1, longestLostMs: 70 * MIN });
    const html = renderReportHtml(core.reports.get(incidentId), { lang: 'en', timeZone: 'UTC' });
    assert.match(html, /<th>Own channels that held their posts \/ listed<\/th><td>2 \/ 3<\/td>/);
    assert.match(html, /<th>Accounts taken over \(longest out of our hands\)<\/th><td>1 \(1 h 10 min\)<\/td>/);
    assert.match(html, /<h2>Our channels<\/h2>/);
    assert.match(html, /<td>X: @Northwind<\/td><td>—<\/td><td>Taken over \(/);
    const quiet = crisis(core, 'Quiet one');
    assert.match(renderReportHtml(core.reports.get(quiet), { lang: 'en', timeZone: 'UTC' }), /<th>Accounts taken over \(longest out of our hands\)<\/th><td>—<\/td>/);
  });

  it('the brand\'s channels listed in a crisis before are offered to the next one, each once', () => {
    const core = testCore();
    const first = crisis(core, 'Spring');
    const keeper = core.team.savePerson(undefined, { name: 'Olena Kovalenko', title: '', organisation: '', phone: '', email: '', languages: [], notes: '' }, ANN).id;
    core.channels.add(first, { ...usual, platform: 'x', name: '@Northwind', url: 'https://x.com/Northwind', keeperPersonId: keeper, posting: 'paused' }, ANN);
    core.channels.add(first, { ...usual, platform: 'vk', name: 'Northwind' }, ANN);
    const next = crisis(core, 'Autumn');
    core.channels.add(next, { ...usual, platform: 'x', name: '@NORTHWIND' }, ANN);
    const added = core.channels.addKnown(next, BOB);
    assert.deepEqual(added.map((c) => [c.platform, c.name, c.posting, c.keeperPersonName]), [['vk', 'Northwind', 'as_usual', null]]);
    assert.deepEqual(core.channels.addKnown(next, BOB), [], 'nothing twice');
    assert.deepEqual(core.channels.known().map((k) => [k.platform, k.name]).sort(), [['vk', 'Northwind'], ['x', '@NORTHWIND']]);
  });

  it('the room API validates links, announces changes and the timeline lines they write', async () => {
    const core = testCore();
    const incidentId = crisis(core);
    const dispatch = createDispatcher(core, 'room');
    const seen: string[] = [];
    core.events.subscribe((e) => seen.push(e.type));
    const bad = await dispatch('channels.add', { incidentId, channel: { platform: 'x', name: '@Northwind', url: 'javascript:alert(1)' } }, ANN);
    assert.ok(!bad.ok && bad.error.code === 'BAD_REQUEST', 'a link that is not http(s) is refused');
    assert.ok(!(await dispatch('channels.add', { incidentId, channel: { platform: 'press', name: 'Press' } }, ANN)).ok, 'the press is not a channel of ours');
    const added = await dispatch('channels.add', { incidentId, channel: { platform: 'x', name: '@Northwind', url: 'https://x.com/Northwind' } }, ANN);
    assert.ok(added.ok);
    const id = (added.value as { id: number }).id;
    await dispatch('channels.update', { id, patch: { note: 'Summer promotions queued.' } }, ANN);
    await dispatch('channels.update', { id, patch: { posting: 'paused' } }, ANN);
    assert.deepEqual(seen.filter((t) => t === 'channels.changed' || t === 'timeline.changed'), ['channels.changed', 'channels.changed', 'channels.changed', 'timeline.changed']);
    const counts = await dispatch('channels.counts', { incidentId });
    assert.deepEqual(counts.ok && counts.value, { total: 1, paused: 1, compromised: 0, waiting: 0, unreported: 0 });
  });
});

describe('accounts posing as the brand', () => {
  it('are spotted, reported and taken down at the times given, each on the timeline; their posts are counted as the explorer finds them', async () => {
    const core = testCore();
    const incidentId = crisis(core);
    const start = core.clock.now;
    const dir = tempDir();
    const rows = ['date,author,handle,text', `${new Date(start - HOUR).toISOString()},Northwind Refunds,NorthwindRefunds,"Refund for L-2211: DM us your card number"`,
      `${new Date(start - 50 * MIN).toISOString()},Northwind Refunds,NorthwindRefunds,"We pay back today, DM us"`, `${new Date(start - 40 * MIN).toISOString()},Ann,ann,"Is @NorthwindRefunds real?"`];
    await importFile(core, incidentId, csvFile(dir, 'export.csv', rows));
    const fake = core.impostors.add(incidentId, { platform: 'x', handle: '@NorthwindRefunds', url: '', reportRef: '', note: 'Asks for card details.', spottedAt: start - 45 * MIN }, ANN);
    assert.deepEqual([fake.status, fake.spottedAt, fake.mentions], ['spotted', start - 45 * MIN, 2]);
    assert.equal(core.mentions.search({ incidentId, author: impostorAuthor(fake.handle) }, { sort: 'time', direction: 'asc', offset: 0, limit: 10 }).total, 2, 'Show its posts lists those');
    assert.equal(core.channels.counts(incidentId).unreported, 1);
    assert.throws(() => core.impostors.update(fake.id, { status: 'reported', at: start + HOUR }, ANN), (err) => said(err) === 'impostorInFuture');
    core.impostors.update(fake.id, { status: 'reported', reportRef: 'X case 4471', at: start - 30 * MIN }, BOB);
    assert.equal(core.channels.counts(incidentId).unreported, 0);
    core.clock.now = start + 2 * HOUR;
    const removed = core.impostors.update(fake.id, { status: 'removed' }, BOB);
    assert.deepEqual([removed.reportedAt, removed.removedAt], [start - 30 * MIN, start + 2 * HOUR]);
    const written = core.timeline.list({ incidentId }).filter((e) => e.kind.startsWith('impostor.')).reverse();
    assert.deepEqual(written.map((e) => [e.kind, e.occurredAt, e.text]), [
      ['impostor.spotted', start - 45 * MIN, 'Account posing as the brand: @NorthwindRefunds (X) — Asks for card details.'],
      ['impostor.reported', start - 30 * MIN, 'Reported to the platform: @NorthwindRefunds (X) — X case 4471'],
      ['impostor.removed', start + 2 * HOUR, 'Taken down by the platform: @NorthwindRefunds (X)'],
    ]);
    assert.equal(entryWords(written[0], [], wordingIn('fa')), 'حسابی خود را برند جا زده: @NorthwindRefunds (X) — Asks for card details.');
    // Back to spotted (taken down by mistake, it is back): the later times are cleared, the history keeps them.
    const back = core.impostors.update(fake.id, { status: 'spotted' }, BOB);
    assert.deepEqual([back.reportedAt, back.removedAt], [null, null]);
    assert.deepEqual(core.impostors.history(fake.id).map((h) => h.field), ['reportRef', 'status', 'reportedAt', 'status', 'removedAt', 'status', 'reportedAt', 'removedAt']);
    core.clock.now = start + 4 * HOUR;
    core.impostors.update(fake.id, { status: 'removed', at: start + 3 * HOUR }, BOB);

    const report = core.reports.get(incidentId);
    assert.deepEqual(report.metrics.impostors, { spotted: 1, removed: 1, medianToRemovalMs: 3 * HOUR + 45 * MIN });
    assert.match(renderReportHtml(report, { lang: 'en', timeZone: 'UTC' }), /<h3>Accounts posing as the brand<\/h3><table><thead><tr><th>The account<\/th>/);
    assert.deepEqual(core.sitreps.get(incidentId, start - HOUR).impostors, [], 'taken down: no longer in the situation report');
    assert.throws(() => core.db.prepare('DELETE FROM impostors').run(), /never deleted/);
  });
});
