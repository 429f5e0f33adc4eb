import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseLanguage, expect, holdBack, openAs, test } from './fixtures';

/** A folder standing in for a USB drive plugged into the laptop that keeps the room. */
function usbDrive(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-usb-'));
}

test('the laptop that keeps the room backs up to a USB drive, and brings an incident back from a backup', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Recall rumour' });
  await room.api('timeline.add', { incidentId: incident.id, kind: 'decision', text: 'Hold statement until QA confirms' });
  const usb = usbDrive();
  await openAs(page, room);

  await page.getByTestId('backup-button').click();
  await expect(page.getByTestId('backup-status')).toContainText('No backup yet.');
  await expect(page.getByText('These backups are on this laptop\'s own disk')).toBeVisible();
  await page.getByTestId('backup-folder').fill(usb);
  await page.getByTestId('backup-every').fill('5');
  await page.getByTestId('backup-keep').fill('3');
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('notice')).toHaveText('Backup settings saved');
  await expect(page.getByText('These backups are on this laptop\'s own disk')).toHaveCount(0);

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('notice')).toHaveText('Backup made');
  await expect(page.getByTestId('backup-file')).toHaveCount(1);
  await expect(page.getByTestId('backup-status')).toContainText('Last backup:');
  await expect(page.getByTestId('backup-status')).toContainText('Nothing has changed since the last backup.');
  const [name] = fs.readdirSync(usb);
  expect(name).toMatch(/^firebreak-backup-\d{8}-\d{6}Z\.sqlite$/);
  await page.screenshot({ path: test.info().outputPath('backup.png') });

  // Work goes on; then someone wants the incident as it was at the backup, beside today's.
  await room.api('timeline.add', { incidentId: incident.id, kind: 'note', text: 'Written after the backup' });
  await page.getByTestId('backup-restore').click();
  const row = page.getByTestId('backup-incident');
  await expect(row).toContainText('Recall rumour');
  await expect(row).toContainText('also on this laptop');
  await row.getByTestId('backup-restore-incident').click();
  await expect(page.getByRole('dialog').filter({ hasText: 'This crisis is already on this laptop' })).toContainText(
    '"\u2068Recall rumour\u2069" is already here. Replace it with the copy in the backup, or keep both?',
  );
  // A large crisis takes minutes to restore: the dialog says it is at work until then.
  const release = await holdBack(page, '**/api/backup.restore');
  await page.getByTestId('archive-keep-both').click();
  await expect(page.getByTestId('backup-restoring')).toContainText('Restoring…');
  release();
  await expect(page.getByTestId('notice')).toHaveText('“\u2068Recall rumour\u2069” restored from the backup');
  await expect(page).not.toHaveURL(new RegExp(incident.id));
  await expect(page.getByTestId('timeline')).toContainText('Hold statement until QA confirms');
  await expect(page.getByTestId('timeline')).not.toContainText('Written after the backup');
  const all = await room.api<{ title: string }[]>('incidents.list', {});
  expect(all.map((i) => i.title)).toEqual(['Recall rumour', 'Recall rumour']);
});

test('a USB drive pulled out and a file that is not a backup are said in the reader\'s language (Persian)', async ({ page, room }) => {
  await room.api('incidents.create', { title: 'Hijacked account' });
  const usb = usbDrive();
  await room.api('backup.configure', { enabled: true, folder: usb, everyMinutes: 10, keep: 6 });
  await openAs(page, room);
  await chooseLanguage(page, 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  fs.rmSync(usb, { recursive: true });
  await page.getByTestId('backup-button').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('notice')).toHaveText(`نسخه‌های پشتیبان را نمی‌توان در \u2068${usb}\u2069 نوشت: پوشه وجود ندارد (درایو USB وصل است؟).`);
  await expect(page.getByTestId('backup-status')).toContainText('آخرین پشتیبان‌گیری ناموفق بود');
  await expect(page.getByTestId('backup-button')).toHaveClass(/colorError/);
  expect(fs.existsSync(usb)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('backup-failed-fa.png') });

  // Picked from the disk by mistake: a mention export, not a backup.
  await page.getByTestId('backup-file-input').setInputFiles(path.resolve(__dirname, '../fixtures/imports/brandwatch.csv'));
  await expect(page.getByTestId('backup-contents-error')).toHaveText('\u2068brandwatch.csv\u2069 نسخهٔ پشتیبان Firebreak نیست، یا آسیب دیده است.');
});

test('encrypted backups: the passphrase is set once on this laptop; a backup made under an older one asks for it when restored', async ({ page, room }) => {
  await room.api('incidents.create', { title: 'Customer data leak' });
  const usb = usbDrive();
  await openAs(page, room);
  await page.getByTestId('backup-button').click();
  await page.getByTestId('backup-folder').fill(usb);
  await page.getByTestId('backup-encrypted').click();
  await expect(page.getByText('Whoever restores a backup on another laptop needs it.')).toBeVisible();
  await page.getByTestId('backup-passphrase').fill('short');
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('notice')).toHaveText('A passphrase needs at least 8 characters.');
  await page.getByTestId('backup-passphrase').fill('orange juice at dawn');
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('notice')).toHaveText('Backup settings saved');
  await expect(page.getByText('A passphrase is set on this laptop.')).toBeVisible();

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-file')).toHaveCount(1);
  await expect(page.getByTestId('backup-file').getByLabel('encrypted')).toBeVisible();
  const [first] = fs.readdirSync(usb);
  expect(first).toMatch(/\.sqlite\.enc$/);
  expect(fs.readFileSync(path.join(usb, first)).includes('Customer data leak')).toBe(false);

  // The team changes the passphrase (someone left): the older backup now needs the old one, typed.
  await page.getByTestId('backup-change-passphrase').click();
  await page.getByTestId('backup-passphrase').fill('a new phrase for the team');
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('notice')).toHaveText('Backup settings saved');
  await page.getByTestId('backup-restore').click();
  await expect(page.getByTestId('backup-contents-error')).toHaveText(`\u2068${first}\u2069 is encrypted: type the passphrase it was made with.`);
  await page.getByTestId('backup-unlock-passphrase').fill('a new phrase for the team');
  await page.getByTestId('backup-unlock').click();
  await expect(page.getByTestId('backup-contents-error')).toHaveText(`That passphrase does not open \u2068${first}\u2069 (or the file was altered since it was made).`);
  await page.getByTestId('backup-unlock-passphrase').fill('orange juice at dawn');
  await page.getByTestId('backup-unlock').click();
  await expect(page.getByTestId('backup-incident')).toContainText('Customer data leak');
  await page.getByTestId('backup-restore-incident').click();
  await page.getByTestId('archive-keep-both').click();
  await expect(page.getByTestId('notice')).toHaveText('“\u2068Customer data leak\u2069” restored from the backup');
});
