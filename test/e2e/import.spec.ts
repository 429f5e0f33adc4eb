import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { chooseLanguage, expect, openAs, openDemoAs, test, type Room } from './fixtures';

const fixture = (name: string) => path.resolve(__dirname, '..', 'fixtures', 'imports', name);

/** A fresh incident, signed in, on its Imports tab. */
async function openImportsTab(page: Page, room: Room, title: string): Promise<void> {
  const incident = await room.api<{ id: string }>('incidents.create', { title });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}/imports`);
}

test('import an export through the UI, explore it, and undo it', async ({ page, room }) => {
  await openImportsTab(page, room, 'Import via UI');
  await page.getByTestId('import-file-input').setInputFiles(fixture('brandwatch.csv'));

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-preset')).toContainText('Brandwatch');
  await expect(preview.getByTestId('preview-encoding')).toContainText('utf-8');
  await expect(preview.getByTestId('preview-sample')).toContainText('Anna K');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('brandwatch.csv\u2069: 4 new, 0 duplicates, 0 quarantined');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('batch-counts')).toHaveText('4 / 0 / 0');

  await page.getByTestId('tab-mentions').click();
  await expect(page.getByTestId('mention-row')).toHaveCount(4);
  await page.getByTestId('mention-search').fill('"poisoned batch"');
  await expect(page.getByTestId('mention-row')).toHaveCount(1);
  await page.getByTestId('mention-row').first().click();
  await expect(page.getByTestId('mention-text')).toHaveText('Is this real? "Poisoned batch"\nwho sells this');
  await expect(page.getByTestId('mention-raw')).toContainText('Query Name');
  await expect(page.getByTestId('open-original')).toBeVisible();

  await page.getByTestId('tab-imports').click();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('batch-undo').click();
  await expect(page.getByTestId('batch-row')).toContainText('Undone');
  await page.getByTestId('tab-mentions').click();
  await expect(page.getByTestId('mentions-empty')).toBeVisible();
});

test('a large export (read in a worker thread from 4 MB on) imports through the UI, bad rows quarantined', async ({ page, room }) => {
  const rows = Array.from({ length: 30_000 }, (_, i) =>
    i % 10_000 === 9_999 ? `${i},someday,u${i},"broken date ${i}"` : `${i},2026-11-${String(1 + (i % 28)).padStart(2, '0')} 10:00,user ${i},"Northwind ${i % 3 === 0 ? 'refund, please' : 'juice'} ${'x'.repeat(120)}"`,
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'large-export.csv');
  fs.writeFileSync(file, ['id,date,author,text', ...rows].join('\n'));
  expect(fs.statSync(file).size).toBeGreaterThan(4 << 20);

  await openImportsTab(page, room, 'Large export via UI');
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('large-export.csv\u2069: 29,997 new, 0 duplicates, 3 quarantined', { timeout: 60_000 });
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('batch-counts')).toHaveText('29,997 / 0 / 3');
  await expect(page.getByTestId('quarantine-row')).toHaveCount(3);
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-search').fill('refund');
  await expect(page.getByTestId('mention-count')).toContainText(/9.999/);
});

test('a large Telegram export (a JSON document, streamed) is recognised and imports through the UI', async ({ page, room }) => {
  const messages = Array.from({ length: 12_000 }, (_, i) => ({
    id: i + 1, type: i % 10 === 9 ? 'service' : 'message', date: '2026-11-21T10:00:00', date_unixtime: String(1795255200 + i * 60),
    from: `Олег ${i % 40}`, from_id: `user${i % 40}`, text: i % 10 === 9 ? '' : `Партия ${i}: ${i % 2 ? 'возврат денег' : 'вкус странный'} ${'сок '.repeat(60)}`,
  }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'result.json');
  fs.writeFileSync(file, JSON.stringify({ name: 'Northwind fans', type: 'public_supergroup', id: 1001234, messages }, null, 1));
  expect(fs.statSync(file).size).toBeGreaterThan(4 << 20);

  await openImportsTab(page, room, 'Telegram via UI');
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('preview-preset')).toContainText('Telegram Desktop export');
  await expect(page.getByTestId('preview-sample')).toContainText('Партия 0: вкус странный');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('result.json\u2069: 10,800 new, 0 duplicates, 0 quarantined', { timeout: 60_000 });
  await page.getByTestId('import-close').click();
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-search').fill('возврат');
  await expect(page.getByTestId('mention-count')).toContainText(/4.800/) // odd messages, less every tenth (service);
});

test('a large file on its way to the room server shows how much of it has arrived', async ({ page, room }) => {
  const rows = Array.from({ length: 150_000 }, (_, i) => `${i},2026-11-21 10:00,user ${i},"Northwind ${i} ${'x'.repeat(150)}"`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'big-upload.csv');
  fs.writeFileSync(file, ['id,date,author,text', ...rows].join('\n'));
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  // The page's own calls, but the event stream: none may still wait when the server freezes, or they would hold the
  // browser's connections to it and the upload would only queue.
  const waiting = new Set<Request>();
  page.on('request', (r) => void (r.url().includes('/api/') && !r.url().endsWith('/api/events') && waiting.add(r)));
  page.on('requestfinished', (r) => void waiting.delete(r));
  page.on('requestfailed', (r) => void waiting.delete(r));
  await openImportsTab(page, room, 'Slow Wi-Fi');
  await expect(page.getByTestId('import-file-input')).toBeAttached();
  await expect.poll(() => waiting.size).toBe(0);
  // The room server stops reading mid-upload (as on a saturated network): what was sent so far stays on screen.
  room.freeze();
  const picked = page.getByTestId('import-file-input').setInputFiles(file); // Playwright waits for the page to settle
  await expect(page.getByTestId('upload-progress')).toContainText(new RegExp(`^Sending the file to the room server: \\d+% \\([\\d.]+ of ${mb.replace('.', '\\.')} MB\\)$`));
  room.wake();
  await picked;
  await expect(page.getByTestId('preview-sample')).toContainText('user 0');
  await expect(page.getByTestId('upload-progress')).toHaveCount(0);
});

test('several files at once: import all with the detected settings', async ({ page, room }) => {
  await openImportsTab(page, room, 'Many files via UI');
  await page.getByTestId('import-file-input').setInputFiles([fixture('pulsar.csv'), fixture('x-api-v2.json'), fixture('meltwater.tsv')]);
  await page.getByTestId('import-all').click();
  await expect(page.getByTestId('import-summary')).toHaveCount(3);
  await expect(page.getByTestId('import-summary').nth(2)).toContainText('meltwater.tsv\u2069: 2 new');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('batch-row')).toHaveCount(3);
});

test('bad rows wait in the quarantine and can be fixed from the UI', async ({ page, room }) => {
  await openImportsTab(page, room, 'Quarantine via UI');
  await page.getByTestId('import-file-input').setInputFiles(fixture('inconsistent-columns.csv'));
  await expect(page.getByTestId('preview-sample')).toContainText('will be quarantined');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('2 new, 0 duplicates, 2 quarantined');
  await page.getByTestId('import-close').click();

  const rows = page.getByTestId('quarantine-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('quarantine-reason')).toHaveText('has 2 fields where the header has 3');
  await rows.first().getByTestId('quarantine-fix').click();
  // A correction that still cannot be read says why, and the row stays.
  await rows.first().getByTestId('quarantine-field-date').fill('soon');
  await rows.first().getByTestId('quarantine-retry').click();
  await expect(page.getByTestId('notice')).toHaveText('Row 3 still cannot be read: no text and no title');
  await rows.first().getByTestId('quarantine-field-text').fill('Bob finally said something');
  await expect(rows).toHaveCount(2);
  await rows.first().getByTestId('quarantine-retry').click();
  await expect(page.getByTestId('notice')).toContainText('still cannot be read: cannot read the date');
  await rows.first().getByTestId('quarantine-field-date').fill('2026-11-21 10:01');
  await rows.first().getByTestId('quarantine-retry').click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('batch-counts')).toHaveText('3 / 0 / 1');
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-search').fill('finally');
  await expect(page.getByTestId('mention-row')).toHaveCount(1);
});

test('a file with hundreds of broken rows shows its quarantine page by page, and a fix keeps the page', async ({ page, room }) => {
  // 450 rows with a date nobody can read, among 50 good ones: more than one page of 200.
  const rows = Array.from({ length: 500 }, (_, i) => `${i},${i % 10 === 0 ? '2026-11-21 10:00' : `day ${i}`},user ${i},post ${i}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'many-bad-dates.csv');
  fs.writeFileSync(file, ['id,date,author,text', ...rows].join('\n'));
  await openImportsTab(page, room, 'Many broken rows');
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('50 new, 0 duplicates, 450 quarantined');
  await page.getByTestId('import-close').click();

  const shown = page.getByTestId('quarantine-shown').first();
  const cards = page.getByTestId('quarantine-row');
  await expect(shown).toHaveText('Rows 1–200 of 450');
  await expect(cards).toHaveCount(200);
  await expect(page.getByTestId('quarantine-previous').first()).toBeDisabled();
  await page.getByTestId('quarantine-next').last().click();
  await expect(shown).toHaveText('Rows 201–400 of 450');
  await expect(shown, 'the pager under the list takes the reader up to the new page').toBeInViewport();
  await page.getByTestId('quarantine-next').first().click();
  await expect(shown).toHaveText('Rows 401–450 of 450');
  await expect(cards).toHaveCount(50);
  await expect(page.getByTestId('quarantine-next').first()).toBeDisabled();
  // Rows 2..500 skip every tenth; row 401 of the quarantine is file row 447 (id 445).
  await expect(cards.first()).toContainText('post 445');

  // A fix on the last page keeps that page.
  await cards.first().getByTestId('quarantine-fix').click();
  await cards.first().getByTestId('quarantine-field-date').fill('2026-11-21 11:00');
  await cards.first().getByTestId('quarantine-retry').click();
  await expect(shown).toHaveText('Rows 401–449 of 449');
  await expect(cards.first()).toContainText('post 446');
  await page.getByTestId('quarantine-previous').first().click();
  await expect(shown).toHaveText('Rows 201–400 of 449');
});

test('a legacy-encoded export is detected and can be overridden in the preview', async ({ page, room }) => {
  await openImportsTab(page, room, 'Encodings via UI');
  await page.getByTestId('import-file-input').setInputFiles(fixture('generic-cp1251.csv'));
  await expect(page.getByTestId('preview-encoding')).toContainText('windows-1251');
  await expect(page.getByTestId('preview-sample')).toContainText('Сок Northwind');
  await page.getByTestId('encoding-select').click();
  await page.getByTestId('encoding-windows-1252').click();
  await expect(page.getByTestId('preview-sample')).not.toContainText('Сок Northwind');
});

test('a file that is not an export is refused with its name and the reason', async ({ page, room }) => {
  await openImportsTab(page, room, 'Bad file via UI');
  await page.getByTestId('import-file-input').setInputFiles(fixture('binary.csv'));
  await expect(page.getByTestId('import-error')).toHaveText('\u2068binary.csv\u2069: looks like a binary file, not a text export (it contains NUL bytes)');
  // In the UI's language, the file named and isolated in the sentence.
  await page.getByRole('button', { name: 'Close' }).click();
  await chooseLanguage(page, 'fa');
  await page.getByTestId('import-file-input').setInputFiles(fixture('empty.csv'));
  await expect(page.getByTestId('import-error')).toHaveText('\u2068empty.csv\u2069: فایل خالی است');
});

test('an import that fails keeps saying why in the import list, in the reader\'s language', async ({ page, room }) => {
  await openImportsTab(page, room, 'Failed import via UI');
  await chooseLanguage(page, 'fa');
  await page.getByTestId('import-file-input').setInputFiles(fixture('header-only.csv'));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('سرستون دارد اما هیچ سطری ندارد');
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('batch-status')).toHaveText('ناموفق');
  await page.getByTestId('batch-status').hover();
  await expect(page.getByRole('tooltip')).toHaveText('سرستون دارد اما هیچ سطری ندارد');
});

test('the demo crisis has mentions in five languages, readable in a right-to-left UI', async ({ page, room }) => {
  await openAs(page, room);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('tab-mentions').click();
  await expect(page.getByTestId('mention-count')).toContainText('483');
  await page.getByTestId('sentiment-filter').click();
  await page.getByTestId('sentiment-negative').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mention-count')).not.toContainText('483');
  // Sorted by reach, the negative mention reaching most people comes first (as the API ranks them).
  const incidentId = /incidents\/([^/]+)/.exec(page.url())![1];
  const top = await room.api<{ rows: { text: string; reach: number | null }[] }>('mentions.search', {
    filter: { incidentId, sentiment: ['negative'] }, sort: 'reach', direction: 'desc', limit: 2,
  });
  expect(top.rows[0].reach).toBeGreaterThan(top.rows[1].reach ?? -1);
  await page.getByTestId('sort-select').click();
  await page.getByTestId('sort-reach').click();
  await expect(page.getByTestId('mention-row').first()).toContainText(top.rows[0].text.slice(0, 40));
  // Search folds what people type interchangeably: Greek capitals without tonos, Persian typed with Arabic letters.
  await page.getByTestId('mention-search').fill('ζητάμε επιστροφή');
  await expect(page.getByTestId('mention-row')).toHaveCount(1);
  await expect(page.getByTestId('mention-row').first()).toContainText('ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΗ');
  await page.getByTestId('mention-search').fill('کیفیت');
  await expect(page.getByTestId('mention-row')).toHaveCount(1);
  await expect(page.getByTestId('mention-row').first()).toContainText('كيفيت آب‌ميوه');
  // A batch number typed on a Persian keyboard (Persian digits) finds one written in Latin digits, and the other way.
  // (Each search waits for its own answer: the list shows the one before until the new one comes.)
  for (const digits of ['۲۲۱۱', '2211']) {
    await page.getByTestId('mention-search').fill(digits);
    await expect(page.getByTestId('mention-row').first()).toContainText('سری ۲۲۱۱');
    await expect(page.getByTestId('mention-row')).toHaveCount(1);
    await page.getByTestId('mention-search').fill('');
    await expect(page.getByTestId('mention-row').nth(1)).toBeVisible();
  }
  await chooseLanguage(page, 'fa');
  await expect(page.getByTestId('tab-mentions')).toHaveText('اشاره‌ها');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('in Persian, the import preview names the tool, the delimiter and each bad row\'s reason in Persian', async ({ page, room }) => {
  await openImportsTab(page, room, 'Persian preview');
  await chooseLanguage(page, 'fa');
  await page.getByTestId('import-file-input').setInputFiles(fixture('bad-dates.csv'));
  await expect(page.getByTestId('preview-preset')).toContainText('عمومی (ستون‌ها را خودتان تطبیق دهید)');
  await expect(page.getByTestId('preview-sample')).toContainText('سطر ۴ به قرنطینه می‌رود: تاریخ ندارد');
  await expect(page.getByTestId('preview-sample')).toContainText('تاریخ «\u2068yesterday\u2069» خوانده نمی‌شود (اول روز، \u2068UTC\u2069)');
  await expect(page.getByText(', (ویرگول)')).toBeVisible();
  // The file name is isolated, so the count after it is not drawn beside it in a right-to-left line.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toHaveText('\u2068bad-dates.csv\u2069: ۱ جدید، ۰ تکراری، ۲ در قرنطینه');
});

test.describe('exporting the mentions on screen', () => {
  test.use({ timezoneId: 'Asia/Tehran' });

  test('the explorer saves what it shows as a CSV in the reader\'s time, which imports into another incident as it was', async ({ page, room }) => {
    const incidentId = await openDemoAs(page, room);
    await chooseLanguage(page, 'fa');
    await page.getByTestId('tab-mentions').click();
    await page.getByTestId('mention-search').fill('poisonedbatch');
    await page.getByTestId('sort-select').click();
    await page.getByTestId('sort-reach').click();
    const { rows: listed, total } = await room.api<{ rows: { id: number; text: string; publishedAt: number }[]; total: number }>('mentions.search', {
      filter: { incidentId, query: 'poisonedbatch' }, sort: 'reach', limit: 500,
    });
    await expect(page.getByTestId('mention-row').first()).toContainText(listed[0].text.slice(0, 20));

    const download = page.waitForEvent('download');
    await page.getByTestId('mentions-export').click();
    await page.getByTestId('export-csv').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Viral video foreign object in Northwind juice bottle - mentions - poisonedbatch.csv');
    await expect(page.getByTestId('notice')).toContainText(`${new Intl.NumberFormat('fa').format(total)} اشاره در`);
    await expect(page.getByTestId('notice')).toContainText('poisonedbatch.csv');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-e2e-')), 'exported.csv');
    await saved.saveAs(file);
    const records = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    expect(records.map((r) => Number(r.firebreak_id))).toEqual(listed.map((m) => m.id));
    expect(records).toHaveLength(total);
    const tehran = new Date(listed[0].publishedAt + 3.5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(records[0]['local_time (Asia/Tehran)']).toBe(tehran);

    // While a long export is written the button says how far it is (the answer held back here, the progress heard).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/mentions.export', async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const again = page.waitForEvent('download');
    await page.getByTestId('mentions-export').click();
    await page.getByTestId('export-csv').click();
    await expect(page.getByTestId('mentions-export')).toContainText(`${new Intl.NumberFormat('fa').format(100)}٪`);
    await expect(page.getByTestId('mentions-export')).toBeDisabled();
    release();
    await again;
    await expect(page.getByTestId('mentions-export')).toBeEnabled();
    await page.unroute('**/api/mentions.export');

    // Only the ticked ones, for "send legal these posts".
    const rows = page.getByTestId('mention-row');
    await rows.nth(2).getByTestId('mention-check').check();
    await rows.nth(0).getByTestId('mention-check').check();
    // As an Excel workbook this time: opens in Excel whatever its list separator.
    const picked = page.waitForEvent('download');
    await page.getByTestId('bulk-export').click();
    await page.getByTestId('export-xlsx').click();
    expect((await picked).suggestedFilename()).toBe('Viral video foreign object in Northwind juice bottle - mentions - 2 selected.xlsx');
    const pickedFile = path.join(path.dirname(file), 'picked.xlsx');
    await (await picked).saveAs(pickedFile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(pickedFile);
    const sheet = workbook.getWorksheet('Mentions')!;
    const idColumn = (sheet.getRow(1).values as unknown[]).indexOf('firebreak_id');
    expect([2, 3].map((r) => sheet.getRow(r).getCell(idColumn).value)).toEqual([listed[0].id, listed[2].id]);
    expect(sheet.rowCount).toBe(3);

    // Into another incident, through the import dialog: recognised, every mention new, then every one a duplicate.
    const copy = await room.api<{ id: string }>('incidents.create', { title: 'Split: poisoned batch claims' });
    await chooseLanguage(page, 'en');
    for (const [i, summary] of [`${total} new, 0 duplicates, 0 quarantined`, `0 new, ${total} duplicates, 0 quarantined`].entries()) {
      await page.goto(`${room.url}#/incidents/${copy.id}/imports`);
      await page.getByTestId('import-file-input').setInputFiles(file);
      await expect(page.getByTestId('import-preview').getByTestId('preview-preset')).toContainText('Firebreak export');
      await page.getByTestId('import-start').click();
      await expect(page.getByTestId('import-summary')).toContainText(summary);
      await page.getByTestId('import-close').click();
      await expect(page.getByTestId('batch-row')).toHaveCount(i + 1);
    }
    const copied = await room.api<{ rows: { text: string }[] }>('mentions.search', { filter: { incidentId: copy.id }, sort: 'reach', limit: 500 });
    // The same mentions (equal reaches come in another order: the copy's own ids break the tie).
    expect(copied.rows.map((m) => m.text).sort()).toEqual(listed.map((m) => m.text).sort());
  });
});
