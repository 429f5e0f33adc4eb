import type { Page } from '@playwright/test';
import { chooseLanguage, desktopBridge, expect, openDemoAs, test } from './fixtures';

const MIN = 60_000;

type Shown = { title: string; body: string; tag: string; lang: string; dir: string };

/**
 * Headless Chromium shows no notification anyone could see: each one the page creates is recorded (and still
 * created) so the test reads what the laptop would show, and can click it.
 */
function recordNotifications() {
  const Real = window.Notification;
  const shown: Array<{ title: string; body: string; tag: string; lang: string; dir: string; n: Notification }> = [];
  class Recorded extends Real {
    constructor(title: string, options: NotificationOptions = {}) {
      super(title, options);
      shown.push({ title, body: options.body ?? '', tag: options.tag ?? '', lang: options.lang ?? '', dir: options.dir ?? '', n: this });
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  Object.defineProperty(Recorded, 'requestPermission', { value: Real.requestPermission.bind(Real) });
  Object.assign(window, { Notification: Recorded, shownNotifications: shown });
}

const shown = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownNotifications: Shown[] }).shownNotifications.map(({ title, body, tag, lang, dir }) => ({ title, body, tag, lang, dir })));

/** The count in the window title, "(N) Incident — Firebreak"; 0 without one. */
const titleCount = async (page: Page) => Number(/^\((\d+)\) /.exec(await page.title())?.[1] ?? 0);

test('the window title counts what needs the room; with notifications on, a passed press deadline is a desktop notification that opens the press desk', async ({ page, room, context }) => {
  await context.grantPermissions(['notifications'], { origin: new URL(room.url).origin });
  await page.addInitScript(recordNotifications);
  const incidentId = await openDemoAs(page, room, 'Ann Lee', 'Scribe');

  // The title: what is red or amber on the header, counted (alerts not acknowledged, the late press and tasks).
  await expect(page).toHaveTitle(/^\(\d+\) .*Northwind.* — Firebreak$/);
  await expect(page.getByTestId('alert-ack').first()).toBeVisible(); // counted once the alerts are drawn
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('Press: 1 past deadline');
  const start = await titleCount(page);
  expect(start).toBeGreaterThan(1);
  await page.getByTestId('alert-ack').first().click();
  await expect.poll(() => titleCount(page)).toBe(start - 1);

  // Notifications are off until someone turns them on: a journalist's deadline passing says nothing yet.
  await expect(page.getByTestId('notify-off')).toBeVisible();
  const now = Date.now();
  await room.api('enquiries.add', {
    incidentId,
    enquiry: { outlet: 'Channel 9 News', journalist: 'Alex Moore', contact: '', channel: 'phone', question: 'Will you recall every bottle?', receivedAt: now - 60 * MIN, deadlineAt: now - 5 * MIN, ownerPersonId: null },
  });
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('Press: 2 past deadline');
  await expect.poll(() => titleCount(page)).toBe(start);
  expect(await shown(page)).toEqual([]);

  // Turned on: the first one says so.
  await page.getByTestId('notify-off').click();
  await expect(page.getByTestId('notify-on')).toBeVisible();
  await expect.poll(() => shown(page)).toEqual([expect.objectContaining({ title: 'Firebreak', body: expect.stringContaining('Desktop notifications are on') })]);

  // While the lead writes the situation report, another call's deadline passes: a notification naming the incident.
  await page.getByTestId('open-sitrep').click();
  await expect(page.getByTestId('sitrep-entries')).toBeVisible();
  const title = 'Viral video: foreign object in Northwind juice bottle';
  await room.api('enquiries.add', {
    incidentId,
    enquiry: { outlet: 'Radio Sever', journalist: 'Oleg K', contact: '', channel: 'phone', question: 'Who is responsible?', receivedAt: now - 60 * MIN, deadlineAt: now - 2 * MIN, ownerPersonId: null },
  });
  await expect.poll(async () => (await shown(page)).slice(1)).toEqual([{ title, body: 'Press: 3 past deadline', tag: `${incidentId}:pressLate`, lang: 'en', dir: 'ltr' }]);
  // The report's page keeps its own title (it names the PDF).
  await expect(page).toHaveTitle(/^Situation report/);

  // Its click brings the window forward on the press desk.
  await page.evaluate(() => {
    const last = (window as unknown as { shownNotifications: Array<{ n: Notification }> }).shownNotifications.at(-1)!;
    last.n.onclick?.(new Event('click'));
  });
  await expect(page.getByTestId('press-tab')).toBeVisible();
  await expect.poll(() => titleCount(page)).toBe(start + 1);

  // Remembered on this laptop; opening the app again is not news: what is already late is on the screen.
  await page.reload();
  await expect(page.getByTestId('notify-on')).toBeVisible();
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('Press: 3 past deadline');
  await expect.poll(() => titleCount(page)).toBe(start + 1);
  expect(await shown(page)).toEqual([]);

  // On the incident list: the same count in the title, and on the incident's row (which things, on hover).
  await page.getByRole('link', { name: 'Firebreak' }).click();
  const chip = page.getByTestId('incident-attention');
  await expect(chip).toHaveText(`Needs attention: ${start + 1}`);
  await expect.poll(() => titleCount(page)).toBe(start + 1);
  await expect(page).toHaveTitle(/^\(\d+\) Firebreak$/);
  await chip.hover();
  await expect(page.getByRole('tooltip')).toContainText('Press: 3 past deadline');

  // Turned off, the next passed deadline stays quiet (the list still counts it).
  await page.getByTestId('notify-on').click();
  await expect(page.getByTestId('notify-off')).toBeVisible();
  await room.api('enquiries.add', {
    incidentId,
    enquiry: { outlet: 'Morning Post', journalist: 'Li Wei', contact: '', channel: 'email', question: 'When did you know?', receivedAt: now - 60 * MIN, deadlineAt: now - MIN, ownerPersonId: null },
  });
  await expect(chip).toHaveText(`Needs attention: ${start + 2}`);
  expect(await shown(page)).toEqual([]);
});

/** Counts the chimes the page plays (each is two notes: two oscillators started). */
function recordChimes() {
  const started = { notes: 0 };
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    const tone = create.call(this);
    const start = tone.start.bind(tone);
    tone.start = (when?: number) => {
      started.notes += 1;
      start(when);
    };
    return tone;
  };
  Object.assign(window, { chimeNotes: started });
}
const chimes = (page: Page) => page.evaluate(() => (window as unknown as { chimeNotes: { notes: number } }).chimeNotes.notes / 2);

test('in Persian the count and the notification are in Persian; a browser that blocks notifications gets a chime and is told why', async ({ page, room, context }) => {
  await page.addInitScript(recordNotifications);
  await page.addInitScript(recordChimes);
  const incidentId = await openDemoAs(page, room, 'Sara Ahmadi', 'Scribe');
  await chooseLanguage(page, 'fa');
  await expect(page).toHaveTitle(/^\([۰-۹]+\) .*Northwind/);

  // The browser's question answered no (headless Chromium refuses what the test did not grant): the bell says why,
  // and this laptop chimes instead.
  await page.getByTestId('notify-off').click();
  await expect(page.getByTestId('notice')).toContainText('مسدود');
  await expect(page.getByTestId('notify-on')).toBeVisible();
  await expect.poll(() => chimes(page)).toBe(1);
  await page.getByTestId('notify-on').click();
  await expect(page.getByTestId('notify-off')).toBeVisible();

  await context.grantPermissions(['notifications'], { origin: new URL(room.url).origin });
  await page.reload();
  await page.getByTestId('notify-off').click();
  await expect(page.getByTestId('notify-on')).toBeVisible();
  await room.api('enquiries.add', {
    incidentId,
    enquiry: { outlet: 'BBC Persian', journalist: 'Reza', contact: '', channel: 'message', question: 'آیا محصول ایمن است؟', receivedAt: Date.now() - 60 * MIN, deadlineAt: Date.now() - MIN, ownerPersonId: null },
  });
  await expect.poll(async () => (await shown(page)).find((n) => n.tag.endsWith(':pressLate'))).toEqual(expect.objectContaining({ lang: 'fa', dir: 'rtl', body: expect.stringMatching(/[۰-۹]/) }));
  expect(await chimes(page)).toBe(0);
});

test('a laptop that joined the room over plain http chimes when something goes up, and says why it cannot show notifications', async ({ page, room }) => {
  // A browser on another laptop reaches the room at http://192.168.x.x: not a secure context, so no notifications.
  await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
  await page.addInitScript(recordNotifications);
  await page.addInitScript(recordChimes);
  const incidentId = await openDemoAs(page, room, 'Leila A', 'Monitor');
  await page.getByTestId('notify-off').click();
  await expect(page.getByTestId('notice')).toContainText('Firebreak will chime here instead');
  await expect(page.getByTestId('notify-on')).toHaveAttribute('aria-label', /Sound alerts are on/);
  await expect.poll(() => chimes(page)).toBe(1);

  const add = (outlet: string) =>
    room.api('enquiries.add', { incidentId, enquiry: { outlet, question: 'Comment?', receivedAt: Date.now() - 60 * MIN, deadlineAt: Date.now() - MIN } });
  await add('Channel 9 News');
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('Press: 2 past deadline');
  await expect.poll(() => chimes(page)).toBe(2);
  // Remembered; after a reload the page may sound again once it has been clicked.
  await page.reload();
  await expect(page.getByTestId('notify-on')).toBeVisible();
  await page.getByTestId('tab-press').click();
  await expect(page.getByTestId('enquiry-row')).toHaveCount(5);
  await add('Morning Post');
  await expect(page.getByTestId('enquiry-row')).toHaveCount(6);
  await expect.poll(() => chimes(page)).toBe(1);
  expect(await shown(page)).toEqual([]);
});

test('in the desktop app a notification\'s click has the main process bring the window forward (the page\'s own focus does not raise it)', async ({ page, room, context }) => {
  await context.grantPermissions(['notifications'], { origin: new URL(room.url).origin });
  await page.addInitScript(recordNotifications);
  await page.addInitScript(desktopBridge);
  const incidentId = await openDemoAs(page, room, 'Ann Lee', 'Scribe');
  await page.getByTestId('notify-off').click();
  await expect.poll(async () => (await shown(page)).length).toBe(1); // "Desktop notifications are on"

  const now = Date.now();
  await room.api('enquiries.add', {
    incidentId,
    enquiry: { outlet: 'Radio Sever', journalist: 'Oleg K', contact: '', channel: 'phone', question: 'Who is responsible?', receivedAt: now - 60 * MIN, deadlineAt: now - 2 * MIN, ownerPersonId: null },
  });
  await expect.poll(async () => (await shown(page)).at(-1)?.tag).toBe(`${incidentId}:pressLate`);
  expect(await page.evaluate(() => (window as unknown as { desktopCalls: unknown[][] }).desktopCalls)).toEqual([]);
  await page.evaluate(() => {
    const last = (window as unknown as { shownNotifications: Array<{ n: Notification }> }).shownNotifications.at(-1)!;
    last.n.onclick?.(new Event('click'));
  });
  await expect(page.getByTestId('press-tab')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { desktopCalls: unknown[][] }).desktopCalls)).toEqual([['showWindow']]);
});
