import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { expect, openAs, test } from './fixtures';

/** What a camera reads from a QR code image on the page: drawn onto a canvas in the page, decoded here. */
async function readQr(image: Locator): Promise<string | null> {
  const { width, height, pixels } = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width: img.naturalWidth * 2, height: img.naturalHeight * 2 });
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, pixels: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
}

test('the laptop that keeps the room opens it to the others; another laptop joins with the code shown and sees changes live', async ({ page, browser, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Recall rumour' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await page.getByTestId('sharing-button').click();
  await page.getByTestId('sharing-open').click();
  await expect(page.getByTestId('sharing-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const code = (await page.getByTestId('sharing-code').textContent())!;
  const { port, links } = await room.api<{ port: number; links: string[] }>('room.sharing', {});
  // Each link's QR code reads back as that link (a phone's camera opens it, code included).
  await expect(page.getByTestId('sharing-qr')).toHaveCount(links.length);
  for (const [i, link] of links.entries()) expect(await readQr(page.getByTestId('sharing-qr').nth(i))).toBe(link);
  await page.screenshot({ path: test.info().outputPath('sharing.png') });
  await page.keyboard.press('Escape');

  // Another laptop (here: another browser on this machine) reaches the room's network port, and gives the code.
  const laptop = await browser.newContext();
  const guest = await laptop.newPage();
  await guest.goto(`http://127.0.0.1:${port}/`);
  await guest.getByTestId('room-code').fill(code);
  await guest.getByTestId('room-join').click();
  await guest.getByTestId('first-run-name').fill('Bob Stone');
  await guest.getByTestId('first-run-start').click();
  await guest.getByTestId('incident-row').filter({ hasText: 'Recall rumour' }).click();
  await expect(guest.getByTestId('timeline-card')).toBeVisible();
  // Only the laptop that keeps the room can open or close it.
  await expect(guest.getByTestId('sharing-button')).toHaveCount(0);
  // Nor are its backups theirs to see or make (they name this laptop's folders).
  await expect(page.getByTestId('backup-button')).toBeVisible();
  await expect(guest.getByTestId('backup-button')).toHaveCount(0);
  const refused = await guest.evaluate(async () => (await fetch('api/room.share', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"open":false}' })).status);
  expect(refused).toBe(403);

  // The laptop that keeps the room sees that someone is in.
  await page.getByTestId('sharing-button').click();
  await expect(page.getByTestId('sharing-windows')).toHaveText('Windows of other laptops in the room now: 1');
  await page.keyboard.press('Escape');

  // One room: what the host writes, the guest sees at once.
  await page.getByTestId('timeline-input').fill('Retailer called back');
  await page.getByTestId('timeline-add').click();
  await expect(guest.getByTestId('timeline')).toContainText('Retailer called back');

  // A new code (someone left the team): the laptop that joined with the old one is back at the join screen.
  await page.getByTestId('sharing-button').click();
  await page.getByTestId('sharing-renew').click();
  await expect(page.getByTestId('sharing-code')).not.toHaveText(code);
  await expect(guest.getByTestId('join-room')).toBeVisible({ timeout: 20_000 });
  // Closed again: nothing answers the other laptops any more.
  await page.getByTestId('sharing-close').click();
  await expect(page.getByTestId('sharing-open')).toBeVisible();
  await expect(guest.getByTestId('room-join')).toBeVisible();
  expect(await guest.evaluate(async () => fetch('api/room.status', { method: 'POST' }).then(() => 'answered', () => 'no answer'))).toBe('no answer');
  await laptop.close();
});

test('on a phone that joined by the QR code, an alert keeps its text readable and its buttons under it', async ({ page, room }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, room);
  await page.getByTestId('load-demo').click();
  const alert = page.getByTestId('alert-banner').getByTestId('alert-volume');
  await expect(alert).toBeVisible();
  const message = (await alert.locator('.MuiAlert-message').boundingBox())!;
  const buttons = (await alert.locator('.MuiAlert-action').boundingBox())!;
  expect(buttons.y).toBeGreaterThanOrEqual(message.y + message.height - 1);
  expect(message.width).toBeGreaterThan(250); // not a column of one word per line beside the buttons
});
