import type { Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, openDemoAs, test } from './fixtures';

type Channel = { id: number; platform: string; name: string; posting: string; note: string; keeperPersonName: string | null; waiting: { title: string }[] };

async function pick(page: Page, select: string, option: string) {
  await page.getByTestId(select).click();
  await page.getByTestId(`${select}-${option}`).click();
}

test('our channels: held posts, what each still lacks, an account taken over and regained, live on the other laptop and on the timeline', async ({ page, room, browser }) => {
  const incidentId = await openDemoAs(page, room, 'Olena Kovalenko', 'Social-media responder');
  await page.getByTestId('tab-channels').click();
  const cards = page.getByTestId('channel-card');
  await expect(cards).toHaveCount(6);
  await expect(page.getByTestId('channels-summary')).toHaveText('Taken over: 0 · posts held: 3 · behind on approved statements: 3 · channels: 6');
  // The Russian holding statement, approved for Telegram, is not out there.
  const telegram = cards.filter({ has: page.getByTestId('channel-name').getByText('Northwind RU', { exact: true }) });
  await expect(telegram).toHaveAttribute('data-posting', 'paused');
  await expect(telegram.getByTestId('channel-waiting')).toContainText('Approved for it, not out here yet: \u2068Предварительное заявление');
  const x = cards.filter({ has: page.getByTestId('channel-name').getByText('@NorthwindDrinks', { exact: true }) });
  await expect(x.getByTestId('channel-waiting')).toContainText('Update: first QA results on batch L-2211');
  await expect(x.getByTestId('channel-published')).toContainText('Holding statement: video of a Northwind Orange bottle (v1)');

  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openAs(other, room, 'Maria Ivanova', 'Incident lead');
  await other.goto(`${room.url}#/incidents/${incidentId}/channels`);
  await expect(other.getByTestId('channel-card')).toHaveCount(6);

  // Taken over: logged with what happened; the steps to take back control are on the card; red on every header.
  await x.getByTestId('channel-move-compromised').click();
  await expect(page.getByRole('dialog')).toContainText('change the password and the recovery e-mail and phone');
  await page.getByTestId('channel-note-input').fill('Password reset e-mail nobody asked for; a crypto giveaway posted at 14:02.');
  await page.getByTestId('channel-save').click();
  await expect(x).toHaveAttribute('data-posting', 'compromised');
  await expect(x.getByTestId('channel-lost-steps')).toBeVisible();
  // Taken over now (the time left as the dialog offered it), not when its posts were held 21 hours ago.
  const lostAt = (await room.api<(Channel & { postingSince: number })[]>('channels.list', { incidentId })).find((c) => c.name === '@NorthwindDrinks')!.postingSince;
  expect(Date.now() - lostAt).toBeLessThan(10 * 60_000);
  await expect(page.getByTestId('channels-lost-overdue')).toHaveText('Accounts taken over: 1');
  const otherX = other.getByTestId('channel-card').filter({ hasText: '@NorthwindDrinks' });
  await expect(otherX).toHaveAttribute('data-posting', 'compromised');
  await expect(other.getByTestId('channels-lost-overdue')).toHaveText('Accounts taken over: 1');
  // Taken over ones come first.
  await expect(cards.first()).toHaveAttribute('data-posting', 'compromised');

  // Regained: its posts stay held until the room has checked what was posted meanwhile.
  await x.getByTestId('channel-move-paused').click();
  await expect(x).toHaveAttribute('data-posting', 'paused');
  await expect(page.getByTestId('channels-lost-overdue')).toHaveCount(0);
  const saved = (await room.api<Channel[]>('channels.list', { incidentId })).find((c) => c.name === '@NorthwindDrinks')!;
  expect([saved.posting, saved.note, saved.keeperPersonName]).toEqual(['paused', 'Password reset e-mail nobody asked for; a crypto giveaway posted at 14:02.', 'Olena Kovalenko']);

  // The QA update published on X from another laptop: X no longer lacks it, without reloading.
  const update = (await room.api<{ id: string; title: string }[]>('statements.list', { incidentId })).find((s) => s.title === 'Update: first QA results on batch L-2211')!;
  await room.api('statements.publish', { id: update.id, channel: 'x', location: 'https://x.com/NorthwindDrinks/status/1' });
  await expect(x.getByTestId('channel-waiting')).toHaveCount(0);
  await expect(x.getByTestId('channel-published')).toContainText('Update: first QA results on batch L-2211 (v1)');
  await expect(page.getByTestId('channels-summary')).toHaveText('Taken over: 0 · posts held: 3 · behind on approved statements: 2 · channels: 6');

  // Each statement says the same of itself: where it is approved for and not out yet.
  await page.getByTestId('tab-statements').click();
  await page.getByTestId('statement-item').filter({ hasText: 'Предварительное заявление' }).click();
  await expect(page.getByTestId('statement-not-out')).toHaveText('Approved for these channels, not out there yet: Telegram, VK');
  await page.getByTestId('statement-item').filter({ hasText: 'Update: first QA results on batch L-2211' }).click();
  await expect(page.getByTestId('publications')).toContainText('X');
  await expect(page.getByTestId('statement-not-out')).toHaveCount(0);

  // On the timeline, each linking back to the channels.
  await page.getByTestId('tab-overview').click();
  const lost = page.getByTestId('timeline-channel.compromised').first();
  await expect(lost).toContainText('Account taken over: \u2068@NorthwindDrinks\u2069 (X) — \u2068Password reset e-mail nobody asked for');
  await expect(page.getByTestId('timeline-channel.paused').filter({ hasText: 'Account back in our hands' })).toHaveCount(1);
  await lost.getByTestId('timeline-channel').click();
  await expect(page.getByTestId('channels-tab')).toBeVisible();
  // The situation report lists the channels not as usual, and what they lack.
  await page.getByTestId('open-sitrep').click();
  await expect(page.getByTestId('sitrep-channels')).toContainText('Telegram \u2068Northwind RU\u2069: Posts held since');
  await expect(page.getByTestId('sitrep-channels')).toContainText('Approved for it, not out there yet: \u2068Предварительное заявление');
});

test('a channel added in Persian (its link http(s) only), and the usual channels brought into a new crisis', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Leila Ahmadi', 'Monitor');
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/incidents/${incidentId}/channels`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('channel-new').click();
  await pick(page, 'channel-platform', 'youtube');
  await page.getByTestId('channel-name-input').fill('<img src=x onerror=alert(1)> نورث‌ویند فارسی');
  await page.getByTestId('channel-url-input').fill('javascript:alert(1)');
  await expect(page.getByTestId('channel-save')).toBeDisabled();
  await expect(page.getByRole('dialog')).toContainText('فقط نشانی http:// یا https://.');
  await page.getByTestId('channel-url-input').fill('https://www.youtube.com/@northwind-fa');
  await pick(page, 'channel-posting-select', 'paused');
  await page.getByTestId('channel-save').click();
  const card = page.getByTestId('channel-card').filter({ hasText: 'نورث‌ویند فارسی' });
  await expect(card).toHaveAttribute('data-posting', 'paused');
  await expect(card.locator('img')).toHaveCount(0);
  await expect(card.getByTestId('channel-posting')).toHaveText('انتشار متوقف');
  await expect(page.getByTestId('channels-summary')).toContainText('کانال‌ها: ۷');
  const added = (await room.api<Channel[]>('channels.list', { incidentId })).find((c) => c.platform === 'youtube')!;
  expect(added.name).toBe('<img src=x onerror=alert(1)> نورث‌ویند فارسی');

  // A new crisis: the brand's accounts are the same; one click lists them all (each once), as usual.
  const next = await room.api<{ id: string }>('incidents.create', { title: 'Next one', status: 'active' });
  await page.goto(`${room.url}#/incidents/${next.id}/channels`);
  await page.getByTestId('channels-add-known').click();
  await expect(page.getByTestId('channel-card')).toHaveCount(7);
  await expect(page.getByTestId('channel-card').filter({ hasText: '@NorthwindDrinks' })).toHaveAttribute('data-posting', 'as_usual');
  await page.getByTestId('channels-add-known').click();
  await expect(page.getByText('همهٔ کانال‌هایی که برند پیش‌تر ثبت کرده اینجا هستند.')).toBeVisible();
  await expect(page.getByTestId('channel-card')).toHaveCount(7);
});

test('accounts posing as the brand: the unreported one on the header, reported with its case number, taken down; logged in Russian with its posts in the explorer', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Olena Kovalenko', 'Social-media responder');
  // The fake Telegram support channel nobody has reported: red on the header, first on the tab.
  await expect(page.getByTestId('impostors-unreported-overdue')).toHaveText('Fake accounts not reported: 1');
  await page.getByTestId('impostors-unreported-overdue').click();
  const cards = page.getByTestId('impostor-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toHaveAttribute('data-status', 'spotted');
  await expect(cards.first().getByTestId('impostor-handle')).toHaveText('Northwind Поддержка');
  await cards.first().getByTestId('impostor-edit').click();
  await page.getByTestId('impostor-ref-input').fill('Telegram ticket 88213');
  await page.getByTestId('impostor-status-select').click();
  await page.getByTestId('impostor-status-select-reported').click();
  await page.getByTestId('impostor-save').click();
  const telegram = cards.filter({ hasText: 'Northwind Поддержка' });
  await expect(telegram).toHaveAttribute('data-status', 'reported');
  await expect(telegram.getByTestId('impostor-times')).toContainText('(\u2068Telegram ticket 88213\u2069)');
  await expect(page.getByTestId('impostors-unreported-overdue')).toHaveCount(0);
  // X took the refunds account down.
  const refunds = cards.filter({ hasText: '@NorthwindRefunds' });
  await refunds.getByTestId('impostor-move-removed').click();
  await expect(refunds).toHaveAttribute('data-status', 'removed');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('timeline-impostor.reported').first()).toContainText('Reported to the platform: \u2068Northwind Поддержка\u2069 (Telegram) — \u2068Telegram ticket 88213\u2069');
  await expect(page.getByTestId('timeline-impostor.removed')).toContainText('Taken down by the platform: \u2068@NorthwindRefunds\u2069 (X)');

  // In Russian: a fake account that posts among the mentions (a campaign account of the demo), its posts one click away.
  await chooseLanguage(page, 'ru');
  await page.getByTestId('tab-channels').click();
  await page.getByTestId('impostor-new').click();
  await page.getByTestId('impostor-handle-input').fill('@pravda_24_101');
  await page.getByTestId('impostor-save').click();
  const fake = cards.filter({ hasText: '@pravda_24_101' });
  await expect(fake).toHaveAttribute('data-status', 'spotted');
  await expect(fake.getByTestId('impostor-status')).toHaveText('Жалобы ещё нет');
  await expect(page.getByTestId('impostors-unreported-overdue')).toHaveText('Фальшивые аккаунты без жалобы: 1');
  await expect(fake.getByTestId('impostor-mentions')).toHaveText('Его публикации среди упоминаний: 1');
  await fake.getByTestId('impostor-posts').click();
  await expect(page.getByTestId('mention-row')).toHaveCount(1);
  await expect(page.getByTestId('mention-row').first()).toContainText('pravda_24_101');
  expect((await room.api<{ handle: string }[]>('impostors.list', { incidentId })).map((i) => i.handle)).toContain('@pravda_24_101');
});
