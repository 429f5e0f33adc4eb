import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, test, type Room } from './fixtures';

/** A new incident's page, read in Persian, with its timeline showing; returns the incident's id. */
async function openIncidentInPersian(page: Page, room: Room, title: string): Promise<string> {
  const incident = await room.api<{ id: string }>('incidents.create', { title });
  await openAs(page, room);
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('timeline-card')).toBeVisible();
  return incident.id;
}

test('a laptop that loses the room server says so, refuses to pretend, and catches up when it is back', async ({ page, room }) => {
  const incidentId = await openIncidentInPersian(page, room, 'Flaky Wi-Fi');
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);

  // The host laptop's room server goes away; this laptop's stream of changes stays cut off until said otherwise.
  await page.route('**/api/events', (route) => route.abort());
  await room.stop();
  await expect(page.getByTestId('connection-lost')).toHaveText('ارتباط با سرور اتاق بحران قطع شد. آنچه می‌بینید ممکن است قدیمی باشد؛ در حال اتصال دوباره…');
  // Writing meanwhile is refused in plain words (nothing pretends to be saved).
  await page.getByTestId('timeline-input').fill('Called the retailer');
  await page.getByTestId('timeline-add').click();
  await expect(page.getByTestId('notice')).toHaveText('سرور اتاق بحران پاسخ نداد (آیا Wi-Fi وصل است؟). پس از برقراری دوبارهٔ ارتباط، دوباره تلاش کنید.');
  await expect(page.getByTestId('timeline-input')).toHaveValue('Called the retailer');

  // It comes back, and another laptop writes before this one hears the room again: that change's event never reaches it.
  await room.start();
  await room.api('timeline.add', { incidentId, kind: 'decision', text: 'Decided while you were away' });
  await page.unroute('**/api/events');
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveText('ارتباط با اتاق بحران برقرار شد: همهٔ آنچه روی صفحه است دوباره به‌روز است.');
  await expect(page.getByTestId('timeline')).toContainText('Decided while you were away');
  // And writing works again.
  await page.getByTestId('timeline-add').click();
  await expect(page.getByTestId('timeline')).toContainText('Called the retailer');
});

test('a blip the browser\'s first retry mends shows no bar, and what changed meanwhile still arrives', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Blip' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('timeline-card')).toBeVisible();
  await room.stop();
  await room.start();
  // Written before this laptop's stream is back (the browser retries after 3 s): its event is never delivered here.
  await room.api('timeline.add', { incidentId: incident.id, kind: 'decision', text: 'Decided during the blip' });
  await expect(page.getByTestId('timeline')).toContainText('Decided during the blip');
  await page.waitForTimeout(3_000); // past the point where a real outage would show the bar
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);
});

test.describe('a room server that goes silent without closing the connection', () => {
  // One beat a second: the laptop takes 5 s of silence (2.5 beats and 2.5 s) for a lost room, then shows the bar 5 s later.
  test.use({ serveArgs: ['--heartbeat', '1'] });

  test('is taken for lost after a few missed beats, and the laptop is back in the room when it wakes', async ({ page, room }) => {
    const incident = await room.api<{ id: string }>('incidents.create', { title: 'Host laptop asleep' });
    await openAs(page, room);
    await page.goto(`${room.url}#/incidents/${incident.id}`);
    await expect(page.getByTestId('timeline-card')).toBeVisible();
    await page.waitForTimeout(2_000); // the beats arrive: no bar
    await expect(page.getByTestId('connection-lost')).toHaveCount(0);

    // The host laptop sleeps: its connections stay open, nothing is said on them, and no error reaches the browser.
    room.freeze();
    await expect(page.getByTestId('connection-lost')).toHaveText('Lost the connection to the room server. What you see may be out of date; reconnecting…', { timeout: 20_000 });

    room.wake();
    await expect(page.getByTestId('notice')).toHaveText('Back in touch with the room: everything on screen is up to date again.', { timeout: 15_000 });
    await expect(page.getByTestId('connection-lost')).toHaveCount(0);
    // The reopened stream carries the room's changes again.
    await room.api('timeline.add', { incidentId: incident.id, kind: 'decision', text: 'Decided after the host woke up' });
    await expect(page.getByTestId('timeline')).toContainText('Decided after the host woke up');
  });
});

test('a write the room\'s database refuses (another program holds it) is said in the reader\'s language, and the text waits', async ({ page, room }) => {
  await openIncidentInPersian(page, room, 'Held database');

  // Another program (the command line restoring an archive, say) holds the room's database past its busy timeout.
  const other = new BetterSqlite3(path.join(room.dataDir, 'firebreak.sqlite'));
  other.exec('BEGIN IMMEDIATE');
  try {
    await page.getByTestId('timeline-input').fill('Holding statement sent to the retailer');
    await page.getByTestId('timeline-add').click();
    await expect(page.getByTestId('notice')).toHaveText(
      'برنامهٔ دیگری پایگاه داده را در اختیار دارد (Firebreak دیگری، یا خط فرمان آن، با همین پوشهٔ داده). کمی بعد دوباره تلاش کنید یا آن برنامه را ببندید. اگر چیزی را تغییر می‌دادید، ذخیره نشد.',
      { timeout: 15_000 },
    );
    await expect(page.getByTestId('timeline-input')).toHaveValue('Holding statement sent to the retailer');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  await page.getByTestId('timeline-add').click();
  await expect(page.getByTestId('timeline')).toContainText('Holding statement sent to the retailer');
});
