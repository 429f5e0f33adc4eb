import type { Browser, Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, openDemoAs, test, type Room } from './fixtures';

type Enquiry = { id: number; outlet: string; question: string; status: string; answer: string; statementId: string | null; statementVersion: number | null; closedBy: string | null; deadlineAt: number | null; receivedAt: number };

async function laptop(browser: Browser, room: Room, name: string, role: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openAs(page, room, name, role);
  return page;
}

test('the press desk: a call logged with its deadline, late in the header, answered with approved words, on the timeline and on the other laptop', async ({ page, room, browser }) => {
  const incidentId = await openDemoAs(page, room, 'Nikos P', 'Scribe');
  // The demo: the Russian paper's deadline has passed.
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('Press: 1 past deadline');
  await page.getByTestId('enquiries-overdue').click();
  await expect(page.getByTestId('press-tab')).toBeVisible();
  const rows = page.getByTestId('enquiry-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
  await expect(rows.first().getByTestId('enquiry-outlet')).toHaveText('Вечерний курьер');
  await expect(page.getByTestId('enquiry-row').filter({ hasText: 'The Daily Ledger' }).getByTestId('enquiry-closed')).toContainText('from "\u2068Holding statement: video of a Northwind Orange bottle\u2069" v1');

  // Another laptop on the same tab sees the new call without reloading.
  const other = await laptop(browser, room, 'Daniel B', 'Spokesperson');
  await other.goto(`${room.url}#/incidents/${incidentId}/press`);
  await expect(other.getByTestId('enquiry-row')).toHaveCount(4);

  // A call comes in: logged with the outlet's deadline, 20 minutes from now; the question is untrusted text.
  await page.getByTestId('enquiry-new').click();
  await page.getByTestId('enquiry-outlet-input').fill('Channel 9 News');
  await page.getByTestId('enquiry-journalist').fill('Alex Moore');
  await page.getByTestId('enquiry-contact').fill('+44 20 7946 0555');
  await page.getByTestId('enquiry-question').fill('<img src=x onerror=alert(1)> Will you recall every bottle?');
  const deadline = new Date(Date.now() + 20 * 60_000);
  const local = new Date(deadline.getTime() - deadline.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByTestId('enquiry-deadline').fill(local);
  await page.getByTestId('enquiry-save').click();
  const row = rows.filter({ hasText: 'Channel 9 News' });
  await expect(row).toHaveAttribute('data-status', 'new');
  await expect(row.getByTestId('enquiry-due-soon')).toHaveText(/^Due in (18|19|20) min$/); // the input keeps minutes, not seconds
  await expect(rows.filter({ hasText: 'Retail Trade Weekly' }).getByTestId('enquiry-due-soon')).toHaveCount(0); // three hours away
  await expect(row).toContainText('<img src=x onerror=alert(1)> Will you recall every bottle?');
  await expect(row.locator('img')).toHaveCount(0);
  await expect(other.getByTestId('enquiry-row').filter({ hasText: 'Channel 9 News' })).toBeVisible();
  let logged = (await room.api<Enquiry[]>('enquiries.list', { incidentId })).find((e) => e.outlet === 'Channel 9 News')!;
  expect(Math.abs(logged.deadlineAt! - deadline.getTime())).toBeLessThan(60_000);

  // Answered: not without what was said; then with the approved holding statement's words.
  await row.click();
  await page.getByTestId('enquiry-owner').click();
  await page.getByRole('option', { name: 'Daniel Brooks' }).click();
  await page.getByTestId('enquiry-status').click();
  await page.getByTestId('enquiry-status-answered').click();
  await expect(page.getByTestId('enquiry-save')).toBeDisabled();
  await page.getByTestId('enquiry-wording').click();
  await page.getByRole('option', { name: 'Holding statement: video of a Northwind Orange bottle' }).click();
  await expect(page.getByTestId('enquiry-answer')).toHaveValue(/We have seen the video of a Northwind Orange bottle/);
  await page.getByTestId('enquiry-save').click();
  await expect(row).toHaveAttribute('data-status', 'answered');
  await expect(row.getByTestId('enquiry-closed')).toContainText('Nikos P');
  logged = (await room.api<Enquiry[]>('enquiries.list', { incidentId })).find((e) => e.outlet === 'Channel 9 News')!;
  expect([logged.status, logged.closedBy, logged.statementVersion]).toEqual(['answered', 'Nikos P', 1]);
  expect(logged.answer).toContain('Our quality team is checking batch L-2211');
  await expect(other.getByTestId('enquiry-row').filter({ hasText: 'Channel 9 News' })).toHaveAttribute('data-status', 'answered');

  // Its history, and the timeline: received and answered, each linking back to the press desk.
  await row.click();
  await expect(page.getByTestId('enquiry-history')).toContainText('Status: New → Answered');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('tab-overview').click();
  const answered = page.getByTestId('timeline-enquiry.answered').filter({ hasText: 'Channel 9 News' });
  await expect(answered).toContainText('We have seen the video');
  await expect(page.getByTestId('timeline-enquiry.received').filter({ hasText: 'Channel 9 News' })).toBeVisible();
  await answered.getByTestId('timeline-enquiry').click();
  await expect(page.getByTestId('press-tab')).toBeVisible();

  // A call answered on the spot, logged with what was said; a deadline typed before the call came is refused, saying why.
  await page.getByTestId('enquiry-new').click();
  await page.getByTestId('enquiry-outlet-input').fill('Evening Standard Online');
  await page.getByTestId('enquiry-question').fill('Any comment on the refund queue?');
  const received = await page.getByTestId('enquiry-received').inputValue();
  const before = new Date(new Date(received).getTime() - 60 * 60_000);
  await page.getByTestId('enquiry-deadline').fill(new Date(before.getTime() - before.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  await page.getByTestId('enquiry-status').click();
  await page.getByTestId('enquiry-status-answered').click();
  await page.getByTestId('enquiry-answer').fill('Refunds are paid at any shop; we are adding staff to the hotline.');
  await page.getByTestId('enquiry-save').click();
  await expect(page.getByTestId('notice')).toContainText("The outlet's deadline cannot be before their enquiry came in");
  await page.getByTestId('enquiry-deadline').fill('');
  await page.getByTestId('enquiry-save').click();
  const spot = rows.filter({ hasText: 'Evening Standard Online' });
  await expect(spot).toHaveAttribute('data-status', 'answered');
  await expect(spot.getByTestId('enquiry-closed')).toContainText('Own words');
});

test('the press desk in Persian (right to left) and Russian; the situation report names the outlets still waiting', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Leila A', 'Monitor');
  await page.goto(`${room.url}#/incidents/${incidentId}/press`);
  await chooseLanguage(page, 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('press-tab')).toContainText('درخواست‌های رسانه‌ها');
  await expect(page.getByTestId('enquiries-overdue')).toHaveText('رسانه‌ها: ۱ با مهلت گذشته');
  await expect(page.getByTestId('enquiry-row').filter({ hasText: 'Radio Metro' })).toContainText('بدون اظهار نظر');
  await chooseLanguage(page, 'ru');
  await expect(page.getByTestId('tab-press')).toHaveText('Пресса');
  await expect(page.getByTestId('enquiry-row').filter({ hasText: 'Retail Trade Weekly' })).toContainText('Пока никто');

  await chooseLanguage(page, 'en');
  await page.getByTestId('open-sitrep').click();
  const section = page.getByTestId('sitrep-enquiries');
  await expect(section).toContainText('Past deadline: \u2068Вечерний курьер\u2069 — \u2068Maria Ivanova\u2069');
  await expect(section).toContainText('Waiting: \u2068Retail Trade Weekly\u2069 — \u2068no owner\u2069');
  await expect(section).toContainText('Enquiries received in the period: 3, answered or declined: 1');
});

test('a journalist asking in public: logged on the press desk from the post, which the enquiry then opens', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Leila A', 'Monitor');
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-row').first().click();
  const text = (await page.getByTestId('mention-text').innerText()).trim();
  await page.getByTestId('mention-to-press').click();
  await expect(page.getByTestId('enquiry-question')).toHaveValue(text);
  await expect(page.getByTestId('enquiry-channel')).toHaveText('Message');
  await page.getByTestId('enquiry-outlet-input').fill('Northwind Watch (blog)');
  await page.getByTestId('enquiry-save').click();
  await expect(page.getByTestId('notice')).toContainText('Logged on the Press tab');
  const [logged] = (await room.api<Enquiry[]>('enquiries.list', { incidentId })).filter((e) => e.outlet === 'Northwind Watch (blog)');
  expect(logged.question).toBe(text);

  await page.getByTestId('tab-press').click();
  const row = page.getByTestId('enquiry-row').filter({ hasText: 'Northwind Watch (blog)' });
  await row.getByTestId('enquiry-mention').click();
  await expect(page.getByTestId('mention-detail').getByTestId('mention-text')).toHaveText(text);
});

test('two laptops on one enquiry: saving the dialog changes only what was changed in it, not what the other laptop set meanwhile', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Nikos P', 'Scribe');
  await page.goto(`${room.url}#/incidents/${incidentId}/press`);
  const row = page.getByTestId('enquiry-row').filter({ hasText: 'Retail Trade Weekly' });
  await row.click();
  await expect(page.getByTestId('enquiry-owner')).toHaveText('Nobody yet', { useInnerText: true });
  // Meanwhile, on another laptop, the spokesperson takes it.
  const trade = (await room.api<Enquiry[]>('enquiries.list', { incidentId })).find((e) => e.outlet === 'Retail Trade Weekly')!;
  const people = await room.api<{ id: string; name: string }[]>('team.people', {});
  const daniel = people.find((p) => p.name === 'Daniel Brooks')!;
  await room.api('enquiries.update', { id: trade.id, patch: { ownerPersonId: daniel.id } });
  // Here, the status is moved on and saved, from a dialog that still shows nobody.
  await page.getByTestId('enquiry-status').click();
  await page.getByTestId('enquiry-status-answering').click();
  await page.getByTestId('enquiry-save').click();
  await expect(row).toHaveAttribute('data-status', 'answering');
  await expect(row).toContainText('Daniel Brooks');
  const after = (await room.api<(Enquiry & { ownerPersonId: string | null })[]>('enquiries.list', { incidentId })).find((e) => e.id === trade.id)!;
  expect([after.status, after.ownerPersonId]).toEqual(['answering', daniel.id]);
});

test('a deadline drawing near turns the header amber before it turns red', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Data leak rumour', status: 'active', level: 2 });
  await room.api('enquiries.add', { incidentId: incident.id, enquiry: { outlet: 'Northern Wire', question: 'Was customer data taken?', deadlineAt: Date.now() + 10 * 60_000 } });
  await openAs(page, room, 'Daniel B', 'Spokesperson');
  await page.goto(`${room.url}#/incidents/${incident.id}/overview`);
  await expect(page.getByTestId('enquiries-due-soon')).toHaveText('Press: 1 due within 30 min');
  await page.getByTestId('enquiries-due-soon').click();
  await expect(page.getByTestId('enquiry-row').getByTestId('enquiry-due-soon')).toHaveText(/^Due in (8|9|10) min$/);
});

test('a deadline under a minute away is due in 1 min, not in 0', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Data leak rumour', status: 'active', level: 2 });
  await room.api('enquiries.add', { incidentId: incident.id, enquiry: { outlet: 'Northern Wire', question: 'Was customer data taken?', deadlineAt: Date.now() + 50_000 } });
  await openAs(page, room, 'Daniel B', 'Spokesperson');
  await page.goto(`${room.url}#/incidents/${incident.id}/press`);
  await expect(page.getByTestId('enquiry-row').getByTestId('enquiry-due-soon')).toHaveText('Due in 1 min');
});

test('a journalist the room dealt with before is picked by name: outlet, journalist, channel and details filled in', async ({ page, room }) => {
  await openDemoAs(page, room, 'Nikos P', 'Scribe');
  await page.getByTestId('tab-press').click();
  await page.getByTestId('enquiry-new').click();
  // Sarah Whitfield wrote in the earlier crisis and again overnight: found by a piece of her name.
  await page.getByTestId('enquiry-outlet-input').fill('whitf');
  const option = page.getByTestId('press-contact-option');
  await expect(option).toHaveCount(1);
  await expect(option).toContainText('The Daily Ledger — Sarah Whitfield');
  await expect(option).toContainText('Enquiries: 2');
  await option.click();
  await expect(page.getByTestId('enquiry-outlet-input')).toHaveValue('The Daily Ledger');
  await expect(page.getByTestId('enquiry-journalist')).toHaveValue('Sarah Whitfield');
  await expect(page.getByTestId('enquiry-contact')).toHaveValue('s.whitfield@dailyledger.example');
  await expect(page.getByTestId('enquiry-channel')).toHaveText('E-mail');
  await page.getByTestId('enquiry-question').fill('Will you publish the lab report?');
  await page.getByTestId('enquiry-save').click();
  const row = page.getByTestId('enquiry-row').filter({ hasText: 'Will you publish the lab report?' });
  await expect(row).toContainText('Sarah Whitfield');
  await expect(row).toContainText('s.whitfield@dailyledger.example');

  // An outlet nobody called from before is typed as it is; the Cyrillic one is found by its own letters.
  await page.getByTestId('enquiry-new').click();
  await page.getByTestId('enquiry-outlet-input').fill('курьер');
  await expect(option).toContainText('Вечерний курьер — Ирина Соколова');
  await page.getByTestId('enquiry-outlet-input').fill('Channel 9 News');
  await expect(option).toHaveCount(0);
  await page.getByTestId('enquiry-journalist').fill('Alex Moore');
  await page.getByTestId('enquiry-question').fill('Is the recall national?');
  await page.getByTestId('enquiry-save').click();
  await expect(page.getByTestId('enquiry-row').filter({ hasText: 'Is the recall national?' }).getByTestId('enquiry-outlet')).toHaveText('Channel 9 News');
});

test('on a phone (the room opened from its QR code) the app bar keeps to two lines, and the press desk and the plan read as cards, each value under its column name', async ({ page, room }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemoAs(page, room, 'Daniel B', 'Spokesperson');
  // The app bar keeps to two lines (it stays on screen while scrolling): the sharing button is its icon.
  expect((await page.locator('header').boundingBox())!.height).toBeLessThan(100);
  await expect(page.getByTestId('sharing-button')).toHaveAccessibleName('Other laptops');
  await page.getByTestId('tab-press').click();
  const table = page.getByTestId('enquiries');
  await expect(table.getByTestId('enquiry-row').first()).toBeVisible();
  await expect(table.locator('thead')).toBeHidden();
  const row = page.getByTestId('enquiry-row').filter({ hasText: 'Retail Trade Weekly' });
  const deadline = row.locator('td[data-label="Their deadline"]');
  const before = await deadline.evaluate((td) => getComputedStyle(td, '::before').content);
  expect(before).toBe('"Their deadline"');
  // Each cell takes the card's width instead of a sliver of a five-column table.
  const rowBox = (await row.boundingBox())!;
  expect((await deadline.boundingBox())!.width).toBeGreaterThan(rowBox.width * 0.8);
  expect((await row.getByTestId('enquiry-outlet').boundingBox())!.width).toBeGreaterThan(rowBox.width * 0.8);

  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('tasks').locator('td[data-label="Due"]').first()).toBeVisible();
  await expect(page.getByTestId('tasks').locator('thead')).toBeHidden();
  const due = page.getByTestId('tasks').locator('td[data-label="Due"]').first();
  expect((await due.boundingBox())!.x + (await due.boundingBox())!.width).toBeLessThanOrEqual(390);

  // On a laptop's screen it is the table again.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.getByTestId('tab-press').click();
  await expect(page.getByTestId('enquiries').locator('thead')).toBeVisible();
  expect(await page.locator('td[data-label="Their deadline"]').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('none');
});

test('an answer in own words shows, as it is typed, which of the key messages it carries', async ({ page, room }) => {
  await openDemoAs(page, room, 'Daniel B', 'Spokesperson');
  await page.getByTestId('tab-press').click();
  await page.getByTestId('enquiry-row').filter({ hasText: 'Retail Trade Weekly' }).click();
  await expect(page.getByTestId('key-message-coverage')).toHaveCount(0);
  await page.getByTestId('enquiry-answer').fill('Our quality team is checking batch L-2211 with an independent laboratory.');
  const coverage = page.getByTestId('key-message-coverage');
  await expect(coverage.getByTestId('key-carried')).toHaveText(['✓ Our quality team is checking batch L-2211']);
  await expect(coverage.getByTestId('key-missing')).toHaveCount(2);
  await expect(coverage.getByTestId('key-missing').filter({ hasText: 'No evidence of contamination has been found' })).toHaveCount(1);
  // In Russian: the refund message is carried by its Russian wording.
  await page.getByTestId('enquiry-answer').fill('Любую бутылку из партии L-2211 можно вернуть с полным возвратом денег.');
  await expect(coverage.getByTestId('key-carried')).toHaveText(['✓ Any bottle from batch L-2211 can be returned for a full refund']);

  // Answered so: the after-action review counts the answers that carried a key message (the overnight one did too).
  await expect(page.getByTestId('review-figures')).toHaveCount(0);
  await page.getByTestId('enquiry-status').click();
  await page.getByTestId('enquiry-status-answered').click();
  await page.getByTestId('enquiry-save').click();
  await expect(page.getByTestId('enquiry-row').filter({ hasText: 'Retail Trade Weekly' })).toHaveAttribute('data-status', 'answered');
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('figure-pressKeyMessages')).toContainText('Press answers carrying a key message');
  await expect(page.getByTestId('figure-pressKeyMessages')).toContainText('2 / 2');
});
