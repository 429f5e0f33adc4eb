import type { Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, openDemoAs, test } from './fixtures';

type Stakeholder = { id: number; name: string; status: string; message: string; statementId: string | null; statementVersion: number | null; closedBy: string | null; beforePublic: boolean | null };

/** The datetime-local value of a moment, as the laptop's clock shows it. */
const localInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

async function pick(page: Page, select: string, option: string) {
  await page.getByTestId(select).click();
  await page.getByTestId(`${select}-${option}`).click();
}

test('stakeholders: the regulator due within the hour in the header, informed with approved words, on the timeline, in the situation report and on the other laptop', async ({ page, room, browser }) => {
  const incidentId = await openDemoAs(page, room, 'Nikos P', 'Scribe');
  // The demo: the food safety authority is due in 40 minutes, nobody has written to it yet.
  await expect(page.getByTestId('stakeholders-due-soon')).toHaveText('Stakeholders: 1 due within the hour');
  await page.getByTestId('stakeholders-due-soon').click();
  await expect(page.getByTestId('stakeholders-tab')).toBeVisible();
  const rows = page.getByTestId('stakeholder-row');
  const row = (name: string) => rows.filter({ has: page.getByTestId('stakeholder-name-cell').getByText(name, { exact: true }) });
  await expect(rows).toHaveCount(7);
  await expect(page.getByTestId('stakeholders-summary')).toHaveText('Informed: 4 of 7 · before the public: 3');
  const agency = row('Food Standards Agency');
  await expect(rows.first()).toHaveText(/Food Standards Agency/);
  await expect(agency.getByTestId('stakeholder-due-soon')).toHaveText(/^Due in (38|39|40) min$/);
  await expect(row('All staff').getByTestId('stakeholder-public')).toHaveText('Before the public');
  await expect(row('Key partners').getByTestId('stakeholder-public')).toHaveText('After the public');

  // Another laptop on the same tab follows without reloading.
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openAs(other, room, 'Daniel B', 'Spokesperson');
  await other.goto(`${room.url}#/incidents/${incidentId}/stakeholders`);
  await expect(other.getByTestId('stakeholder-row')).toHaveCount(7);

  // Informed: not without what they were told; with the approved holding statement's words, sent 10 minutes ago.
  await agency.click();
  await pick(page, 'stakeholder-status', 'informed');
  await expect(page.getByTestId('stakeholder-save')).toBeDisabled();
  await page.getByTestId('stakeholder-wording').click();
  await page.getByRole('option', { name: 'Holding statement: video of a Northwind Orange bottle' }).click();
  await expect(page.getByTestId('stakeholder-message')).toHaveValue(/We have seen the video of a Northwind Orange bottle/);
  await expect(page.getByTestId('key-carried').first()).toBeVisible();
  const sentAt = Date.now() - 10 * 60_000;
  await page.getByTestId('stakeholder-informed-at').fill(localInput(sentAt));
  await page.getByTestId('stakeholder-save').click();
  await expect(agency).toHaveAttribute('data-status', 'informed');
  await expect(agency.getByTestId('stakeholder-public')).toHaveText('After the public');
  await expect(agency.getByTestId('stakeholder-closed')).toContainText('from "\u2068Holding statement: video of a Northwind Orange bottle\u2069" v1');
  const told = (await room.api<Stakeholder[]>('stakeholders.list', { incidentId })).find((s) => s.name === 'Food Standards Agency')!;
  expect([told.status, told.closedBy, told.statementVersion]).toEqual(['informed', 'Nikos P', 1]);
  expect(told.message).toContain('Our quality team is checking batch L-2211');
  await expect(other.getByTestId('stakeholder-row').filter({ has: other.getByText('Food Standards Agency', { exact: true }) })).toHaveAttribute('data-status', 'informed');
  // Nothing is due within the hour any more: the header says who is still to inform.
  await expect(page.getByTestId('stakeholders-open')).toHaveText('Stakeholders: 1 to inform');

  // Its history, and the timeline line at the time they were told, linking back.
  await agency.click();
  await expect(page.getByTestId('stakeholder-history')).toContainText('Status: To inform → Informed');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('tab-overview').click();
  const line = page.getByTestId('timeline-stakeholder.informed').filter({ hasText: 'Food Standards Agency' });
  await expect(line).toContainText('Informed \u2068Food Standards Agency\u2069 — \u2068We have seen the video');
  await line.getByTestId('timeline-stakeholder').click();
  await expect(page.getByTestId('stakeholders-tab')).toBeVisible();

  // A stakeholder of the room's own: its name is untrusted text; the situation report lists who is still to inform.
  await page.getByTestId('stakeholder-new').click();
  await page.getByTestId('stakeholder-name').fill('<img src=x onerror=alert(1)> Northwind works council');
  await pick(page, 'stakeholder-group', 'employees');
  await pick(page, 'stakeholder-channel', 'meeting');
  await page.getByTestId('stakeholder-due').fill(localInput(Date.now() + 3 * 3_600_000));
  await page.getByTestId('stakeholder-save').click();
  const council = rows.filter({ hasText: 'Northwind works council' });
  await expect(council).toHaveAttribute('data-status', 'to_inform');
  await expect(council.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('stakeholders-open')).toHaveText('Stakeholders: 2 to inform');
  await page.getByTestId('open-sitrep').click();
  const report = page.getByTestId('sitrep-stakeholders');
  await expect(report).toContainText('To inform: \u2068Investors\u2069 — \u2068Maria Ivanova\u2069');
  await expect(report).toContainText('<img src=x onerror=alert(1)> Northwind works council');
  await expect(report).toContainText('Stakeholders informed in the period: 1');
});

test('the usual stakeholders for a data leak, in Greek and in Persian, added once', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Customer data leak', status: 'active', crisisType: 'confidential_information', detectedAt: Date.now() - 2 * 3_600_000 });
  await openAs(page, room, 'Eleni K', 'Incident lead');
  await chooseLanguage(page, 'el');
  await page.goto(`${room.url}#/incidents/${incident.id}/stakeholders`);
  await expect(page.getByTestId('stakeholders-tab')).toContainText('Δεν υπάρχει κανείς ακόμη');
  await page.getByTestId('stakeholders-add-usual').click();
  await expect(page.getByTestId('notice')).toHaveText('Ενδιαφερόμενοι που προστέθηκαν: 6');
  const rows = page.getByTestId('stakeholder-row');
  await expect(rows).toHaveCount(6);
  // The board, due an hour after detection, is already late; the data protection authority's 72 hours run from detection.
  await expect(rows.first().getByTestId('stakeholder-name-cell')).toHaveText('Διοικητικό συμβούλιο και διοίκηση');
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
  await expect(rows.filter({ hasText: 'Αρχή Προστασίας Δεδομένων' })).toHaveAttribute('data-overdue', 'false');
  await expect(page.getByTestId('stakeholders-overdue')).toHaveText('Ενδιαφερόμενοι: 2 εκπρόθεσμοι');
  await page.getByTestId('stakeholders-add-usual').click();
  await expect(page.getByTestId('notice')).toHaveText('Οι συνήθεις ενδιαφερόμενοι για αυτή την κρίση είναι ήδη όλοι στη λίστα.');
  await expect(rows).toHaveCount(6);

  // One told before anyone listed them: added as informed, in own words; nothing is public yet, so they heard it first.
  await page.getByTestId('stakeholder-new').click();
  await page.getByTestId('stakeholder-name').fill('Συμβούλιο εργαζομένων');
  await pick(page, 'stakeholder-status', 'informed');
  await expect(page.getByTestId('stakeholder-save')).toBeDisabled();
  await page.getByTestId('stakeholder-message').fill('Ενημερώθηκε προφορικά από τη διευθύντρια.');
  await page.getByTestId('stakeholder-save').click();
  const council = rows.filter({ hasText: 'Συμβούλιο εργαζομένων' });
  await expect(council).toHaveAttribute('data-status', 'informed');
  await expect(council.getByTestId('stakeholder-public')).toHaveText('Πριν από το κοινό');

  // The same list in Persian, right to left; the names stored once, shown in each reader's language.
  await chooseLanguage(page, 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(rows.filter({ hasText: 'نهاد حفاظت از داده‌ها' })).toHaveCount(1);
  await expect(rows).toHaveCount(7);
  const listed = await room.api<Stakeholder[]>('stakeholders.list', { incidentId: incident.id });
  expect(listed.map((s) => s.name)).toContain('Data protection authority');
});

test('a stakeholder of the room\'s own listed in another crisis is picked by name, with its group, channel and contact', async ({ page, room }) => {
  await openDemoAs(page, room, 'Maria I', 'Incident lead');
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Second batch complaint', status: 'active', crisisType: 'negative_reviews' });
  await page.goto(`${room.url}#/incidents/${incident.id}/stakeholders`);
  await expect(page.getByTestId('stakeholders-tab')).toBeVisible();
  await page.getByTestId('stakeholder-new').click();
  await page.getByTestId('stakeholder-name').fill('standards');
  const option = page.getByTestId('stakeholder-known-option');
  await expect(option).toHaveCount(1);
  await expect(option).toContainText('Food Standards Agency');
  await expect(option).toContainText('Regulator · Listed: 1');
  await option.click();
  await expect(page.getByTestId('stakeholder-name')).toHaveValue('Food Standards Agency');
  await expect(page.getByTestId('stakeholder-contact')).toHaveValue('incidents@food.example');
  await expect(page.getByTestId('stakeholder-group')).toHaveText('Regulator');
  await page.getByTestId('stakeholder-save').click();
  await expect(page.getByTestId('stakeholder-row')).toContainText('Regulator · E-mail · \u2068incidents@food.example\u2069');
});

test('a publication recorded on another laptop, earlier than a stakeholder was told, turns them "after the public" without reloading', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Maria I', 'Incident lead');
  await page.getByTestId('tab-stakeholders').click();
  const staff = page.getByTestId('stakeholder-row').filter({ has: page.getByTestId('stakeholder-name-cell').getByText('All staff', { exact: true }) });
  // Staff heard the holding statement 20 h 6 min ago, before it went out 20 hours ago.
  await expect(staff.getByTestId('stakeholder-public')).toHaveText('Before the public');
  // The Russian holding statement was in fact posted on Telegram 21 hours ago: recorded now, from another laptop.
  const russian = (await room.api<{ id: string; title: string }[]>('statements.list', { incidentId })).find((s) => s.title.startsWith('Предварительное'))!;
  await room.api('statements.publish', { id: russian.id, channel: 'telegram', publishedAt: Date.now() - 21 * 3_600_000 });
  await expect(staff.getByTestId('stakeholder-public')).toHaveText('After the public');
});
