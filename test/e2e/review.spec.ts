import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chooseLanguage, expect, holdBack, openAs, test } from './fixtures';

type Past = { incident: { id: string; title: string } };

test('review a past crisis: figures, written review, action item, printed report with its figures', async ({ page, room }) => {
  await room.api('demo.load', {});
  const [past] = await room.api<Past[]>('review.pastCrises', {});
  await openAs(page, room, 'Ann Lee', 'Scribe');
  await page.getByTestId('past-crises-link').click();
  await expect(page.getByTestId('past-row')).toHaveCount(1);
  await page.getByTestId('past-search').fill('no such crisis');
  await expect(page.getByText('No closed crises match.')).toBeVisible();
  await page.getByTestId('past-search').fill('L-1907');
  await page.getByTestId('past-row').getByRole('button', { name: past.incident.title }).click();

  // Figures measured from the record, as the core computes them.
  const report = await room.api<{ metrics: { mentions: number; peakHour: { mentions: number } } }>('review.get', { incidentId: past.incident.id });
  await expect(page.getByTestId('figure-mentions')).toContainText(report.metrics.mentions.toLocaleString('en'));
  await expect(page.getByTestId('figure-peakHour')).toContainText(String(report.metrics.peakHour.mentions));
  await expect(page.getByTestId('figure-detectionToAcknowledgement')).toContainText('1 h 35 min');
  // The press desk that day: three journalists answered, the wire service after its deadline.
  await expect(page.getByTestId('figure-enquiries')).toContainText('Media enquiries answered / received (of them after the deadline)');
  await expect(page.getByTestId('figure-enquiries')).toContainText('3 / 3 (1)');
  await expect(page.getByTestId('figure-enquiryAnswer')).toContainText('1 h 30 min');
  await expect(page.getByTestId('chart-review')).toBeVisible();

  // The written part: edited and saved whole; an action item becomes a task.
  await expect(page.getByTestId('review-wentWell')).toHaveValue(/source post within 12 minutes/);
  await page.getByTestId('review-wentWell').fill('Legal approved the holding statement in 20 minutes.');
  await page.getByTestId('review-save').click();
  await expect(page.getByText(/Last saved by \u2068Ann Lee\u2069/)).toBeVisible();
  const saved = await room.api<{ review: { wentWell: string } }>('review.get', { incidentId: past.incident.id });
  expect(saved.review.wentWell).toBe('Legal approved the holding statement in 20 minutes.');
  await page.getByTestId('action-title').fill('Train two backup spokespeople');
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('review-actions')).toContainText('Train two backup spokespeople');

  // The printed report (Chromium's print of the same HTML the export writes) carries the figures.
  await page.getByTestId('review-pdf').click();
  await expect(page.getByTestId('review-print')).toContainText('After-action review');
  await page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath('review.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, ' ')).toContain(past.incident.title);
  expect(text).toMatch(/Detection → first public acknowledgement\s+1 h 35 min/);
  expect(text).toMatch(new RegExp(`Mentions\\s+${report.metrics.mentions}`));
  expect(text).toContain('Legal approved the holding statement in 20 minutes.');
  expect(text).toContain('Train two backup spokespeople');
  // The press log: each outlet and what it was told, the late answer marked.
  expect(text).toContain('Media enquiries');
  // Read in the page's order (in the layout, a table's columns wrap side by side, however the rest of the page falls).
  const flowing = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const log = flowing.slice(flowing.lastIndexOf('Media enquiries'));
  for (const words of ['Northern Wire', '(Deadline passed)', 'Yes: the independent laboratory found no']) expect(log).toContain(words);
  // It ends with the whole record: every line of the timeline, oldest first, with who wrote it.
  const record = flowing.slice(flowing.lastIndexOf('The whole timeline (oldest first; ★ key events)'));
  const entries = await room.api<{ kind: string; author: string; text: string }[]>('timeline.list', { incidentId: past.incident.id });
  const decision = entries.find((e) => e.kind === 'decision')!;
  for (const words of ['When', 'What happened', 'Status changed', 'Decision', decision.author, decision.text]) expect(record).toContain(words);
});

test('an archive moves between laptops: keep both on conflict, then compare the two on aligned curves; lessons reach the playbook', async ({ page, room }) => {
  await room.api('demo.load', {});
  const [past] = await room.api<Past[]>('review.pastCrises', {});
  const exported = await room.api<{ downloadId: string; fileName: string }>('archive.export', { incidentId: past.incident.id });
  const bytes = Buffer.from(await (await fetch(`${room.url}api/download/${exported.downloadId}`)).arrayBuffer());
  const file = test.info().outputPath(exported.fileName);
  fs.writeFileSync(file, bytes);

  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/past`);
  await page.getByTestId('archive-file').setInputFiles(file);
  await expect(page.getByRole('dialog')).toContainText(`"\u2068${past.incident.title}\u2069" is already here`);
  await page.getByTestId('archive-keep-both').click();
  await expect(page.getByTestId('past-row')).toHaveCount(2);
  for (const box of await page.getByTestId('past-row').locator('input[type="checkbox"]').all()) await box.check();
  await expect(page.getByTestId('compare')).toHaveText('Compare (2)');
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('compare-chart')).toBeVisible();
  const table = page.getByTestId('compare-table');
  await expect(table.getByRole('columnheader', { name: past.incident.title })).toHaveCount(2);
  await expect(table.getByRole('row', { name: /First spike → detection/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare.png') });
  await page.keyboard.press('Escape');

  // The lessons of that review are shown where the next crisis starts: the playbook of the running demo.
  const demo = (await room.api<{ id: string; title: string; status: string }[]>('incidents.list', {})).find((i) => i.status === 'active')!;
  await page.goto(`${room.url}#/incidents/${demo.id}/plan`);
  await expect(page.getByTestId('playbook-lessons').first()).toContainText('Have the holding statement pre-approved');
});

test('while the host laptop restores a crisis, the other laptops read on and are told that changes wait, then that it is over', async ({ browser, page, room }) => {
  await room.api('demo.load', {});
  const [past] = await room.api<Past[]>('review.pastCrises', {});
  const exported = await room.api<{ downloadId: string; fileName: string }>('archive.export', { incidentId: past.incident.id });
  const file = test.info().outputPath(exported.fileName);
  fs.writeFileSync(file, Buffer.from(await (await fetch(`${room.url}api/download/${exported.downloadId}`)).arrayBuffer()));

  // Another laptop in the room, on the incident list; each keeps every text the restoring bar showed, however briefly.
  const other = await (await browser.newContext()).newPage();
  for (const laptop of [page, other]) {
    await laptop.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { restoringSeen: seen });
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="room-restoring"]')?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }
  const seen = (laptop: typeof page) => laptop.evaluate(() => (window as unknown as { restoringSeen: string[] }).restoringSeen);
  // It joins through the room's network port, with the code in the link, as a laptop across the room does.
  const { port, code } = await room.api<{ port: number; code: string }>('room.share', { open: true });
  await other.goto(`http://127.0.0.1:${port}/#join=${code.replace('-', '')}`);
  await other.getByTestId('first-run-name').fill('Bob Stone');
  await other.getByTestId('first-run-start').click();
  await expect(other.getByTestId('incident-row').first()).toBeVisible();

  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/past`);
  // A large crisis takes minutes: the button says the restore is at work, and a second cannot start meanwhile.
  const release = await holdBack(page, '**/api/archive.import');
  await page.getByTestId('archive-file').setInputFiles(file);
  await expect(page.getByTestId('archive-import')).toHaveText('Restoring…');
  await expect(page.getByTestId('archive-import')).toBeDisabled();
  release();
  await page.getByTestId('archive-keep-both').click();
  await expect(page.getByTestId('past-row')).toHaveCount(2);
  await expect(page.getByTestId('archive-import')).toHaveText('Import archive');

  await expect(other.getByTestId('notice')).toHaveText('The restore is over: changes can be saved again.');
  expect(await seen(other)).toEqual([
    `Restoring "\u2068${past.incident.title}\u2069" on the host laptop: you can read everything, but nothing can be saved until it is in.`,
  ]);
  // The laptop that keeps the room is restoring it itself.
  expect(await seen(page)).toEqual([`Restoring "\u2068${past.incident.title}\u2069": you can read everything, but nothing can be saved until it is in.`]);
  await expect(other.getByTestId('room-restoring')).toHaveCount(0);
  await other.context().close();
});

test('a file that is not an archive is refused in the reader\'s language, naming the file', async ({ page, room }) => {
  await openAs(page, room);
  await page.goto(`${room.url}#/past`);
  await chooseLanguage(page, 'fa');
  await page.getByTestId('archive-file').setInputFiles(path.resolve(__dirname, '..', 'fixtures', 'imports', 'brandwatch.csv'));
  await expect(page.getByTestId('notice')).toContainText('\u2068brandwatch.csv\u2069 وارد نمی‌شود: بایگانی Firebreak نیست یا آسیب دیده است');
  await expect(page.getByTestId('notice')).toContainText('هیچ چیز تغییر نکرد.');
});

/**
 * Numbers are typed as their writers type them: a Persian keyboard types Persian digits (Chromium's number field
 * dropped them, and the field stayed empty), a Russian writes a decimal comma. What is saved is the number meant.
 */
test('followers and costs typed in Persian digits or with a Russian decimal comma are saved as the numbers meant', async ({ page, room }) => {
  await room.api('demo.load', {});
  const [past] = await room.api<Past[]>('review.pastCrises', {});
  await openAs(page, room, 'Ann Lee', 'Scribe');
  await page.getByTestId('past-crises-link').click();
  await page.getByTestId('past-row').getByRole('button', { name: past.incident.title }).click();
  await expect(page.getByTestId('review-save')).toBeVisible();
  await chooseLanguage(page, 'fa');

  await page.getByTestId('review-audience-add').click();
  await page.getByTestId('review-audience').getByRole('textbox').nth(-4).fill('instagram');
  await page.getByTestId('audience-before').last().fill('۱۲٬۴۰۰');
  await page.getByTestId('audience-after').last().fill('۱۱۹۰۰');
  await expect(page.getByTestId('audience-before').last()).toHaveValue('۱۲۴۰۰'); // shown in Persian digits once left
  await page.getByTestId('review-costs-add').click();
  await page.getByTestId('review-costs').getByRole('textbox').nth(-3).fill('Call centre overtime');
  const amount = page.getByTestId('cost-amount').last();
  await amount.fill('۱۲۵۰٫۵');
  await page.getByTestId('review-save').click();
  await expect(page.getByText(/Ann Lee/).first()).toBeVisible();
  type Saved = { review: { audience: { before: number | null; after: number | null }[]; costs: { amount: number }[] } };
  await expect.poll(async () => (await room.api<Saved>('review.get', { incidentId: past.incident.id })).review.costs.at(-1)?.amount).toBe(1250.5);
  const saved = await room.api<Saved>('review.get', { incidentId: past.incident.id });
  expect(saved.review.audience.at(-1)).toMatchObject({ before: 12400, after: 11900 });

  await chooseLanguage(page, 'ru');
  await expect(amount).toHaveValue('1250,5');
  await amount.fill('abc');
  await expect(page.getByText('Это не число')).toBeVisible();
  await amount.fill('99,5');
  await expect(page.getByText('Это не число')).toHaveCount(0);
  await page.getByTestId('review-save').click();
  await expect.poll(async () => (await room.api<Saved>('review.get', { incidentId: past.incident.id })).review.costs.at(-1)?.amount).toBe(99.5);
});
