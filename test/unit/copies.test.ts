import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { copyKey } from '../../electron/core/mentions/copies';
import { alertWords, wordingIn } from '../../shared/timeline-words';
import { tempDir, testCore } from './helpers';
import { csvFile, importFile, newIncident } from './import-helpers';

const CLAIM = 'BREAKING: Northwind knew about the bad batch for weeks. Share before they delete this!';

const LINES = [
  'date,author,handle,text,platform,followers,sentiment',
  // A campaign: four accounts on two platforms, pasted with their own links, retweeted, shouted.
  `2026-11-21 10:04,Bot Two,@bot_2,"${CLAIM} https://t.co/bbb",x,12,negative`,
  `2026-11-21 10:01,Bot One,@bot_1,"${CLAIM} https://t.co/aaa",x,3,negative`,
  `2026-11-21 10:09,Bot Three,@bot_3,"RT @bot_1: ${CLAIM}",x,40,neutral`,
  `2026-11-21 10:30,Bot Four,@bot_4,"${CLAIM.toUpperCase().replace('BATCH', 'BATCH 😡🤬')}",telegram,,negative`,
  `2026-11-21 10:31,Bot Four,@bot_4,"${CLAIM} (again)",telegram,,negative`,
  // One angry customer repeating themselves is not a campaign.
  '2026-11-21 11:00,Ann,@ann,"I want my money back from Northwind today please",x,200,negative',
  '2026-11-21 11:10,Ann,@ann,"I want my money back from Northwind today, please!",x,200,negative',
  '2026-11-21 11:20,Ann,@ann,"i want my money back from northwind today please",x,200,negative',
  // Short cries are written alike by chance.
  '2026-11-21 12:00,Cat,@cat,"Refund now!",x,5,negative',
  '2026-11-21 12:01,Dan,@dan,"Refund now!",x,5,negative',
  '2026-11-21 12:02,Eve,@eve,"Refund now!",x,5,negative',
  // Words between handles: no stretch long enough to ask the index for as a phrase.
  '2026-11-21 13:00,Gus,@gus,"@a Northwind @b poisoned @c kids @d share @e now @f please",x,1,negative',
  '2026-11-21 13:01,Hal,@hal,"@g Northwind @h poisoned @i kids @j share @k now @l please",x,1,negative',
  '2026-11-21 13:02,Ida,@ida,"Northwind poisoned kids, share now please!!",x,1,negative',
  // The same words in another order, or one word changed, are other texts.
  '2026-11-21 12:30,Fay,@fay,"Northwind knew about the bad batch for weeks, share this before they delete it",x,9,negative',
];

describe('copies: the same words from many accounts', () => {
  it('folds case, accents, letters and links away; keeps words and their order', () => {
    const key = copyKey(`${CLAIM} https://t.co/aaa`);
    assert.ok(key);
    assert.equal(copyKey(`RT @bot_1: ${CLAIM} https://t.co/zzz`), key, 'a retweet, another link');
    assert.equal(copyKey(`${CLAIM.toUpperCase()}!!! 😡`), key, 'capitals, punctuation, emoji');
    assert.equal(copyKey(`@northwind ${CLAIM} www.example.com/x`), key, 'a reply to someone, a bare link');
    assert.notEqual(copyKey(`${CLAIM} Really.`), key, 'one more word');
    assert.equal(copyKey('Η NORTHWIND ΠΡΕΠΕΙ ΝΑ ΑΠΑΝΤΗΣΕΙ ΑΜΕΣΑ ΣΕ ΟΛΟΥΣ'), copyKey('Η Northwind πρέπει να απαντήσει άμεσα σε όλους'), 'Greek in capitals');
    assert.equal(copyKey('كيفيت آب ميوه Northwind خيلي بد بود'), copyKey('کیفیت آب میوه Northwind خیلی بد بود'), 'Persian on an Arabic keyboard');
    assert.notEqual(copyKey('write to ann@example.com about the Northwind refund'), copyKey('write to about the Northwind refund'), 'an e-mail address is words, not a handle');
    assert.equal(copyKey('Refund now, Northwind!'), null, 'too short to tell');
    assert.equal(copyKey(''), null);
  });

  it('groups a campaign on the dashboard, lists every copy, and counts them on each mention', async () => {
    const core = testCore();
    const incidentId = newIncident(core);
    await importFile(core, incidentId, csvFile(tempDir(), 'copies.csv', LINES));
    const search = (filter: object) => core.mentions.search({ incidentId, ...filter }, { sort: 'time', direction: 'asc', offset: 0, limit: 50 });
    const idOf = (handle: string) => search({ author: handle }).rows[0].id;

    const { groups, sample, sampled } = core.dashboard.copies({ incidentId });
    assert.equal(sample, LINES.length - 1);
    assert.equal(sampled, false);
    assert.equal(groups.length, 2, 'two campaigns; neither Ann repeating herself, nor "Refund now!", nor a rewording');
    assert.deepEqual(search({ copyOf: groups[1].mentionId }).rows.map((m) => m.authorHandle), ['@gus', '@hal', '@ida'], 'found without a phrase');
    const [campaign] = groups;
    assert.deepEqual(
      { ...campaign, text: undefined },
      { mentionId: idOf('@bot_1'), text: undefined, mentions: 4, accounts: 4, platforms: ['telegram', 'x'], first: Date.UTC(2026, 10, 21, 10, 1), last: Date.UTC(2026, 10, 21, 10, 30), medianFollowers: 12 },
    );
    assert.equal(campaign.text, `${CLAIM} https://t.co/aaa`, 'shown as its earliest post');
    assert.deepEqual(core.dashboard.copies({ incidentId, platforms: ['telegram'] }).groups, [], 'within the filter: one account on Telegram');

    // The group's click: exactly its copies, with the list's other filters.
    const copies = search({ copyOf: campaign.mentionId });
    assert.deepEqual(copies.rows.map((m) => m.authorHandle), ['@bot_1', '@bot_2', '@bot_3', '@bot_4']);
    assert.equal(copies.total, 4);
    assert.deepEqual(search({ copyOf: campaign.mentionId, sentiment: ['negative'] }).rows.map((m) => m.authorHandle), ['@bot_1', '@bot_2', '@bot_4']);
    assert.equal(core.dashboard.dashboard({ incidentId, copyOf: campaign.mentionId }, 0).total, 4, 'the charts count the same mentions');
    const queue = core.triage.queue({ incidentId, copyOf: idOf('@bot_3') }, { limit: 50 });
    assert.equal(queue.length, 4, 'the triage queue too, from any of the copies');

    // Each mention says how many posted its words; a short one has no copies to tell, and its filter is itself.
    assert.deepEqual(core.mentions.copies(idOf('@bot_2')), { mentions: 4, accounts: 4 });
    assert.deepEqual(core.mentions.copies(idOf('@fay')), { mentions: 1, accounts: 1 });
    assert.deepEqual(core.mentions.copies(idOf('@ann')), { mentions: 3, accounts: 1 });
    const cry = idOf('@cat');
    assert.equal(core.mentions.copies(cry), null);
    assert.deepEqual(search({ copyOf: cry }).rows.map((m) => m.id), [cry]);

    // And the file for the platform's abuse report: the copies, nothing else.
    const exported = core.mentions.export({ incidentId, copyOf: campaign.mentionId }, { sort: 'time', direction: 'asc', format: 'jsonl' });
    assert.equal(exported.total, 4);
    const chunks: Buffer[] = [];
    await exported.writeTo(new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) }));
    assert.deepEqual(Buffer.concat(chunks).toString('utf8').trim().split('\n').map((line) => (JSON.parse(line) as { handle: string }).handle), ['@bot_1', '@bot_2', '@bot_3', '@bot_4']);
  });

  it('raises one early-warning alert when many accounts post the same words within a window, and not for a slow trickle', async () => {
    const core = testCore();
    const incidentId = newIncident(core);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 8, 0) + minutes * 60_000).toISOString();
    const lines = ['date,author,handle,text,platform,followers'];
    // A quiet baseline, then twelve accounts paste the claim within 40 minutes; five more paste a second one over a day.
    for (let i = 0; i < 30; i++) lines.push(`${at(i * 20)},Person ${i},@p${i},Ordinary words about Northwind number ${i} today,x,100`);
    const long = `${CLAIM} Again: ${CLAIM}`;
    for (let i = 0; i < 12; i++) lines.push(`${at(600 + i * 3)},Bot ${i},@bot${i},"${long} https://t.co/${i}",x,${i}`);
    for (let i = 0; i < 5; i++) lines.push(`${at(i * 300)},Slow ${i},@slow${i},"Northwind juice tastes different since the summer, anyone else notice",x,50`);
    await importFile(core, incidentId, csvFile(tempDir(), 'burst.csv', lines));
    core.alerts.saveSettings(incidentId, { ...core.alerts.settings(incidentId), copyAccounts: 10 }, { name: 'Ann', role: 'Monitor' });

    const raised = core.alerts.evaluate(incidentId).filter((a) => a.kind === 'copies');
    assert.equal(raised.length, 1, 'the burst, not the trickle');
    const [alert] = raised;
    assert.equal(alert.observed, 12);
    assert.equal(alert.windowStart, Date.parse(at(600)));
    assert.equal(alert.detail.text, `${long.slice(0, 139)}…`, 'a line of it');
    assert.equal(alert.detail.accounts, 12);
    // Worded in Persian, the quoted English keeps its own direction (isolated, as the UI quotes); a report keeps it as written.
    const isolated = (t: string) => `\u2068${t}\u2069`;
    assert.ok(alertWords(alert, { ...wordingIn('fa'), quote: isolated }).endsWith(`«${isolated(alert.detail.text!)}»`));
    assert.ok(alertWords(alert, wordingIn('en')).endsWith(`“${alert.detail.text}”`));
    const shown = core.mentions.search({ incidentId, ...alert.filter }, { sort: 'time', direction: 'asc', offset: 0, limit: 50 });
    assert.equal(shown.total, 12, '"Show mentions" lists every copy');
    assert.ok(core.timeline.list(incidentId).some((e) => e.kind === 'alert.raised' && e.ref?.alertId === alert.id), 'on the timeline');

    // Raised once: more copies later, or another evaluation, add nothing; a higher threshold or switching it off finds none.
    assert.deepEqual(core.alerts.evaluate(incidentId), []);
    core.alerts.saveSettings(incidentId, { ...core.alerts.settings(incidentId), copyAccounts: 13 }, { name: 'Ann', role: 'Monitor' });
    assert.equal(core.alerts.list(incidentId).filter((a) => a.kind === 'copies').length, 1);
    const other = newIncident(core, 'Quiet');
    await importFile(core, other, csvFile(tempDir(), 'burst2.csv', lines));
    core.alerts.saveSettings(other, { ...core.alerts.settings(other), copies: false }, { name: 'Ann', role: 'Monitor' });
    assert.deepEqual(core.alerts.evaluate(other).filter((a) => a.kind === 'copies'), []);
    core.alerts.saveSettings(other, { ...core.alerts.settings(other), copies: true, copyAccounts: 13 }, { name: 'Ann', role: 'Monitor' });
    assert.deepEqual(core.alerts.evaluate(other).filter((a) => a.kind === 'copies'), []);
  });

  it('migration 0023 keeps every alert, its id and its acknowledgement, and accepts the new kind', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS, 22);
    db.prepare("INSERT INTO incidents (id, title, status, phase, created_at, created_by, updated_at) VALUES ('i1', 'T', 'active', 'during', 1, 'Ann', 1)").run();
    db.prepare(`INSERT INTO alerts (id, incident_id, kind, key, window_start, window_end, observed, baseline, detail, filter, raised_at, acknowledged_by, acknowledged_at)
      VALUES (7, 'i1', 'volume', '100', 100, 200, 41, 2.8, '{}', '{}', 300, 'Ann', 400)`).run();
    assert.throws(() => db.prepare("INSERT INTO alerts (incident_id, kind, key, window_start, window_end, observed, detail, filter, raised_at) VALUES ('i1', 'copies', 'k', 1, 2, 3, '{}', '{}', 4)").run(), /CHECK/);
    migrate(db);
    assert.deepEqual(db.prepare('SELECT id, kind, observed, acknowledged_by FROM alerts').all(), [{ id: 7, kind: 'volume', observed: 41, acknowledged_by: 'Ann' }]);
    db.prepare("INSERT INTO alerts (incident_id, kind, key, window_start, window_end, observed, detail, filter, raised_at) VALUES ('i1', 'copies', 'k', 1, 2, 3, '{}', '{}', 4)").run();
    assert.throws(() => db.prepare("INSERT INTO alerts (incident_id, kind, key, window_start, window_end, observed, detail, filter, raised_at) VALUES ('i1', 'copies', 'k', 1, 2, 3, '{}', '{}', 4)").run(), /UNIQUE/, 'raised once');
  });
});
