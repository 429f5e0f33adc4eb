import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseLanguage, expect, holdBack, openAs, openDemoAs, test } from './fixtures';

test('the demo dashboard shows the spike, alerts can be acknowledged and lead to their mentions', async ({ page, room }) => {
  await openDemoAs(page, room);

  // Alerts on every tab; acknowledging one writes it on the timeline with who did it.
  const banner = page.getByTestId('alert-banner');
  // The most pressing first: a volume spike (the demo has two, the video's and the copy-paste campaign's).
  const volume = banner.getByTestId('alert-volume');
  await expect(volume).toBeVisible();
  const said = (await volume.locator('span[dir="auto"]').textContent())!;
  await volume.getByTestId('alert-ack').click();
  await expect(banner.getByText(said)).toHaveCount(0);
  await expect(page.getByTestId('timeline-alert.acknowledged')).toContainText('Ann Lee');
  await expect(page.getByTestId('timeline-alert.raised').first()).toBeVisible();

  await page.getByTestId('tab-dashboard').click();
  await expect(page.getByTestId('dashboard-total')).toContainText('483');
  for (const chart of ['volume', 'negative-share', 'platforms', 'languages', 'share-of-voice']) {
    await expect(page.getByTestId(`chart-${chart}`).locator('canvas')).toBeVisible();
  }
  await expect(page.getByTestId('top-terms')).toContainText('poisonedbatch');
  await expect(page.getByTestId('authors-by-followers').locator('tbody tr').first()).toContainText('influencer');

  // Under a text search the charts count the matching mentions themselves: the explorer's number, no more.
  const incidentId = /incidents\/([^/]+)/.exec(page.url())![1];
  const { total } = await room.api<{ total: number }>('mentions.search', { filter: { incidentId, query: 'poisonedbatch' } });
  expect(total).toBeGreaterThan(50);
  await page.getByTestId('mention-search').fill('poisonedbatch');
  await expect(page.getByTestId('dashboard-total')).toContainText(`: ${total}`);
  await expect(page.getByTestId('chart-share-of-voice').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('top-terms')).toContainText('poisonedbatch');
  // Meanwhile the mentions' facts are read into memory in the background; from then on a search is counted there.
  const source = async () => (await room.api<{ source: string }>('analytics.dashboard', { filter: { incidentId, query: 'poisonedbatch' }, tzOffsetMinutes: 0 })).source;
  await expect.poll(source).toBe('memory');
  const negatives = await room.api<{ total: number }>('mentions.search', { filter: { incidentId, query: 'poisonedbatc', sentiment: ['negative'] } });
  await page.getByTestId('mention-search').fill('poisonedbatc');
  const toggleNegative = async () => {
    await page.getByTestId('sentiment-filter').click();
    await page.getByTestId('sentiment-negative').click();
    await page.keyboard.press('Escape');
  };
  await toggleNegative();
  await expect(page.getByTestId('dashboard-total')).toContainText(`: ${negatives.total}`);
  await toggleNegative();
  await page.getByTestId('mention-search').fill('');
  await expect(page.getByTestId('dashboard-total')).toContainText('483');

  // Save a chart as PNG.
  const download = page.waitForEvent('download');
  await page.getByTestId('png-volume').click();
  expect((await download).suggestedFilename()).toBe('firebreak-volume.png');

  // A click on a term opens exactly those mentions in the explorer.
  await page.getByTestId('top-terms').getByText(/^#poisonedbatch/).click();
  await expect(page).toHaveURL(/\/mentions$/);
  await expect(page.getByTestId('mention-row').first()).toContainText('#poisonedbatch');
  const count = await page.getByTestId('mention-count').textContent();
  expect(Number(count?.replace(/\D/g, ''))).toBeGreaterThan(50);
});

test('an analyst corrects sentiment one by one and in bulk; the correction wins and is kept', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Corrections' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'posts.csv');
  fs.writeFileSync(file, 'id,date,text,sentiment\n1,2026-11-20 10:00,Great service thank you,positive\n2,2026-11-20 10:05,Worst company ever,negative\n3,2026-11-20 10:10,Opening hours changed,\n');
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}/imports`);
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('3 new');
  await page.getByTestId('import-close').click();

  await page.getByTestId('tab-mentions').click();
  const first = page.getByTestId('mention-row').filter({ hasText: 'Great service' });
  await first.click();
  await expect(page.getByTestId('shown-sentiment')).toContainText('monitoring tool');
  await page.getByTestId('correct-negative').click();
  await expect(page.getByTestId('shown-sentiment')).toContainText('Negative');
  await expect(page.getByTestId('shown-sentiment')).toContainText('analyst');

  // Bulk: select two rows, mark them neutral.
  await page.getByTestId('mention-row').filter({ hasText: 'Worst company' }).getByTestId('mention-check').check();
  await page.getByTestId('mention-row').filter({ hasText: 'Opening hours' }).getByTestId('mention-check').check();
  await page.getByTestId('bulk-neutral').click();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await page.getByTestId('sentiment-filter').click();
  await page.getByTestId('sentiment-neutral').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mention-row')).toHaveCount(2);

  // The labels are in the engine's panel, per language.
  await page.getByTestId('tab-dashboard').click();
  await expect(page.getByTestId('sentiment-lang-en')).toContainText('3');

  // A mention quoted on the timeline links back to it.
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-row').filter({ hasText: 'Worst company' }).click();
  await page.getByTestId('mention-to-timeline').click();
  await page.getByTestId('tab-overview').click();
  const quoted = page.getByTestId('timeline-observation').filter({ hasText: 'Worst company ever' });
  await expect(quoted).toBeVisible();
  await quoted.getByTestId('timeline-mention').click();
  await expect(page.getByTestId('mention-text')).toHaveText('Worst company ever');
});

test('a labelled file trains a model; a broken one is refused with its row', async ({ page, room }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-'));
  const good = path.join(dir, 'labels.csv');
  const rows = ['text,label'];
  for (let i = 0; i < 60; i++) {
    // Domain words no lexicon knows: only learning from the labels can tell these apart.
    rows.push(`"Glass shard inside bottle ${i}",negative`, `"Refund arrived within hours ${i}",positive`, `"Store opens at ${i} o'clock",neutral`);
  }
  fs.writeFileSync(good, rows.join('\n'));
  const bad = path.join(dir, 'bad-labels.csv');
  fs.writeFileSync(bad, 'text,label\nFine,positive\nHmm,maybe\n');
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Training' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}/dashboard`);
  await page.getByTestId('labels-file-input').setInputFiles(bad);
  await expect(page.getByTestId('notice')).toHaveText('\u2068bad-labels.csv\u2069: row 3: "\u2068maybe\u2069" is not a label (negative, neutral or positive; -1, 0, 1)');
  // A row the reader cannot even split into fields: why, in the reader's language too.
  const torn = path.join(dir, 'torn-labels.csv');
  fs.writeFileSync(torn, 'text,label\nFine,positive\nHmm,maybe,not\n');
  await chooseLanguage(page, 'fa');
  await page.getByTestId('labels-file-input').setInputFiles(torn);
  await expect(page.getByTestId('notice')).toHaveText('\u2068torn-labels.csv\u2069: سطر ۳: ۳ فیلد دارد، در حالی که سرستون ۲ فیلد دارد');
  await chooseLanguage(page, 'en');
  await page.getByTestId('labels-file-input').setInputFiles(good);
  await expect(page.getByTestId('sentiment-lang-en')).toContainText('180');
  await expect(page.getByTestId('sentiment-lang-en')).toContainText('Learned model v1');
});

test('alert thresholds are edited from what the incident has, even when the room is slow to say it', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Thresholds' });
  // Set on another laptop: a quieter incident needs fewer mentions to count as a spike.
  await room.api('alerts.saveSettings', { incidentId: incident.id, settings: { sensitivity: 'high', minCount: 5, windowMinutes: 30, baselineWindows: 12, followerThreshold: 50_000, newTerms: false } });
  const release = await holdBack(page, '**/api/alerts.settings');
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}/dashboard`);
  await page.getByTestId('open-alert-settings').click();
  await expect(page.getByTestId('alert-settings-loading')).toBeVisible(); // no form to save defaults from
  release();
  await expect(page.getByTestId('alert-minCount')).toHaveValue('5');
  await page.getByTestId('alert-windowMinutes').fill('45');
  await page.getByTestId('alert-settings-save').click();
  await expect(page.getByTestId('alert-settings-save')).toHaveCount(0);
  const saved = await room.api<{ minCount: number; windowMinutes: number; sensitivity: string; newTerms: boolean }>('alerts.settings', { incidentId: incident.id });
  expect([saved.minCount, saved.windowMinutes, saved.sensitivity, saved.newTerms]).toEqual([5, 45, 'high', false]);
});

test('the explorer finds an author from part of the name or handle; a top author clicked on the dashboard stays that one account', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room);
  await page.getByTestId('tab-dashboard').click();
  const top = page.getByTestId('authors-by-followers').locator('tbody tr').first();
  await expect(top).toContainText('influencer');
  await top.click();
  await expect(page).toHaveURL(/\/mentions$/);
  const author = page.getByTestId('author-filter');
  const handle = await author.inputValue();
  expect(handle).toMatch(/^[a-z]{2}_user\d+$/);
  // Exactly that account's negative mentions (the demo names accounts en_user12 and en_user120 alike).
  const exact = await room.api<{ total: number; rows: { authorHandle: string }[] }>('mentions.search', { filter: { incidentId, author: handle, sentiment: ['negative'] } });
  expect(exact.rows.every((m) => m.authorHandle === handle)).toBe(true);
  await expect(page.getByTestId('mention-count')).toHaveText(`${exact.total} mentions`);

  // Typed: words of the name or handle, begun, in any case; Greek without its accents.
  await page.getByTestId('explorer-clear').click();
  await expect(author).toHaveValue('');
  await expect(page.getByTestId('mention-count')).toHaveText('483 mentions');
  await author.fill('el ANG');
  await expect(page.getByTestId('mention-count')).toHaveText('1 mentions');
  await expect(page.getByTestId('mention-row')).toContainText('ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΗ');
  await author.fill('@fa_par');
  await expect(page.getByTestId('mention-row')).toContainText('سری ۲۲۱۱');
  await expect(page.getByTestId('mention-count')).toHaveText('1 mentions');

  // The accounts that match are suggested with their counts; picking one filters by it exactly.
  await author.fill('fa_user');
  const options = page.getByTestId('author-option');
  await expect(options.first()).toBeVisible();
  const suggested = await room.api<{ handle: string; mentions: number }[]>('mentions.authors', { incidentId, typed: 'fa_user' });
  await expect(options).toHaveCount(suggested.length);
  await expect(options.first()).toContainText(`${suggested[0].mentions} mentions`);
  await options.first().click();
  await expect(author).toHaveValue(suggested[0].handle);
  await expect(page.getByTestId('mention-count')).toHaveText(`${suggested[0].mentions} mentions`);
  await expect(options).toHaveCount(0);

  // From one mention: everything its account posted.
  await page.getByTestId('explorer-clear').click();
  await expect(page.getByTestId('mention-count')).toHaveText('483 mentions');
  const newest = (await room.api<{ rows: { authorHandle: string | null; author: string | null }[] }>('mentions.search', { filter: { incidentId }, limit: 1 })).rows[0];
  await page.getByTestId('mention-row').first().click();
  await page.getByTestId('mention-from-author').click();
  const account = newest.authorHandle ?? newest.author!;
  await expect(author).toHaveValue(account);
  const own = await room.api<{ total: number }>('mentions.search', { filter: { incidentId, author: account } });
  await expect(page.getByTestId('mention-count')).toHaveText(`${own.total} mentions`);
});

test('the copies card finds the demo\'s copy-paste campaign, and every copy is one click away', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room);
  await chooseLanguage(page, 'el');
  await page.getByTestId('tab-dashboard').click();
  const { groups } = await room.api<{ groups: { mentionId: number; text: string; mentions: number; accounts: number }[] }>('analytics.copies', { filter: { incidentId }, tzOffsetMinutes: 0 });
  expect(groups.map((g) => g.text.slice(0, 8))).toEqual(['BREAKING', 'СРОЧНО: ']);
  const card = page.getByTestId('copies-card');
  await expect(card.getByTestId('copy-group')).toHaveCount(2);
  await expect(card.getByTestId('copy-text').first()).toContainText('Northwind knew about the contaminated batch');
  await expect(card.getByTestId('copy-figures').first()).toContainText(`${groups[0].accounts} λογαριασμοί · ${groups[0].mentions} αναφορές`);

  // A click lists every copy (pasted with its own link, or retweeted), with the dashboard's filter kept.
  await card.getByTestId('copy-group').first().click();
  await expect(page.getByTestId('filter-copies')).toBeVisible();
  const listed = (n: number) => expect(page.getByTestId('mention-count')).toHaveText(new RegExp(`^${n} `));
  await listed(groups[0].mentions);
  await expect(page.getByTestId('mention-row').filter({ hasText: 'RT @truth_now_100' }).first()).toBeVisible();

  // The early warning raised it too; its "Show mentions" lists the same copies.
  await page.getByTestId('filter-copies').locator('.MuiChip-deleteIcon').click();
  await listed(483);
  await page.getByTestId('alert-fold').click();
  const alert = page.getByTestId('alert-banner').getByTestId('alert-copies');
  await expect(alert).toContainText('Ίδιες λέξεις από 12 λογαριασμούς μέσα σε 60 λεπτά');
  await expect(alert).toContainText('«\u2068BREAKING: Northwind knew'); // the quoted post isolated in its own direction
  await alert.getByTestId('alert-show').click();
  await expect(page.getByTestId('filter-copies')).toBeVisible();
  await listed(groups[0].mentions);

  // A mention of it says how many posted its words, and leads to them from anywhere in the list.
  await page.getByTestId('filter-copies').locator('.MuiChip-deleteIcon').click();
  await expect(page.getByTestId('filter-copies')).toHaveCount(0);
  await listed(483);
  await page.getByTestId('mention-search').fill('СРОЧНО');
  await listed(groups[1].mentions);
  await page.getByTestId('mention-row').first().click();
  await expect(page.getByTestId('mention-copies')).toHaveText(`Ίδιες λέξεις: αναφορές ${groups[1].mentions}, λογαριασμοί ${groups[1].accounts}`);
  await page.getByTestId('mention-search').fill('');
  await page.getByTestId('mention-copies').click();
  await listed(groups[1].mentions);
  await expect(page.getByTestId('filter-copies')).toBeVisible();

  // An ordinary complaint was not copied: its mention offers no copies.
  await page.getByTestId('explorer-clear').click();
  await page.getByTestId('mention-search').fill('Απαράδεκτο');
  await expect(page.getByTestId('mention-row').first()).toContainText('Απαράδεκτο');
  await page.getByTestId('mention-row').first().click();
  await expect(page.getByTestId('mention-text')).toContainText('Απαράδεκτο');
  await expect(page.getByTestId('mention-from-author')).toBeVisible();
  await expect(page.getByTestId('mention-copies')).toHaveCount(0);
});
