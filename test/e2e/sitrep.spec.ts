import { execFileSync } from 'node:child_process';
import { chooseLanguage, expect, openDemoAs, test } from './fixtures';

type Report = { since: number; mentions: { period: { mentions: number } }; statements: { waiting: { title: string }[] } };

test('a situation report from the demo: figures, what happened, statements, tasks, team; copied as text, printed, marked as sent', async ({ page, room, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const incidentId = await openDemoAs(page, room, 'Maria I', 'Incident lead');
  await page.getByTestId('open-sitrep').click();
  const sitrep = page.getByTestId('sitrep');
  await expect(sitrep).toContainText('Situation report: \u2068Viral video: foreign object in Northwind juice bottle\u2069');
  // The demo's last report went out three hours ago: this one covers what came after it.
  const report = await room.api<Report>('sitrep.get', { incidentId });
  await expect(sitrep).toContainText(/last report sent/);
  await expect(page.getByTestId('sitrep-figures')).toContainText(`Mentions in the period: ${report.mentions.period.mentions.toLocaleString('en')}`);
  await expect(page.getByTestId('sitrep-next-update')).toContainText('Next public update due');
  await expect(page.getByTestId('sitrep-entries')).toContainText('Published "\u2068Update: first QA results on batch L-2211\u2069"');
  await expect(page.getByTestId('sitrep-entries')).not.toContainText('War room convened', { useInnerText: true });
  await expect(page.getByTestId('sitrep-statements')).toContainText('Waiting for approval: "\u2068Full QA report on batch L-2211\u2069"');
  await expect(page.getByTestId('sitrep-statements')).toContainText('Approved, not yet published: "\u2068Предварительное заявление');
  await expect(page.getByTestId('sitrep-tasks')).toContainText('Late: \u2068Send a Q&A sheet to retail store managers\u2069 — Media liaison (nobody holds it now)');
  await expect(page.getByTestId('sitrep-gap')).toContainText('nobody — a gap');

  // The whole crisis: the first decision is in it.
  await page.getByTestId('sitrep-period').click();
  await page.getByTestId('sitrep-period-whole').click();
  await expect(page.getByTestId('sitrep-entries')).toContainText('War room convened');

  // Copied as plain text for an e-mail: the same report, headings and lines.
  await page.getByTestId('sitrep-copy').click();
  await expect(page.getByTestId('notice')).toContainText('Copied');
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).replace(/[\u2068\u2069]/g, '');
  expect(copied).toContain('Situation report: Viral video');
  expect(copied).toContain('What happened and was decided');
  expect(copied).toContain('War room convened');
  expect(copied).not.toContain('Mark as sent');

  // Printed: the toolbar is not on the page.
  await page.emulateMedia({ media: 'print' });
  const file = test.info().outputPath('sitrep.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Full QA report on batch L-2211');
  expect(text).not.toContain('Copy as text');
  await page.emulateMedia({ media: 'screen' });

  // Sent: a line on the timeline by whoever sent it, and the next report starts from it.
  await page.getByTestId('sitrep-mark-sent').click();
  await expect(page.getByTestId('notice')).toContainText('Recorded on the timeline');
  await expect(page.getByTestId('sitrep-mark-sent')).toBeDisabled();
  await expect(page.getByTestId('sitrep-entries')).toContainText('War room convened', { useInnerText: true });
  await page.getByTestId('sitrep-period').click();
  await page.getByTestId('sitrep-period-last').click();
  await expect(page.getByTestId('sitrep-entries')).not.toContainText('Published');
  await expect(page.getByTestId('sitrep-mark-sent')).toBeEnabled();
  const next = await room.api<Report>('sitrep.get', { incidentId });
  expect(next.since).toBeGreaterThan(report.since);
  await page.getByTestId('print-back').click();
  await page.getByTestId('tab-dashboard').click();
  await expect(page.getByTestId('timeline-action').filter({ hasText: 'Situation report sent' }).first()).toContainText('Maria I');
});

test('in Persian the report reads right to left with Persian figures; in Russian it speaks Russian', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room);
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/print/sitrep/${incidentId}`);
  await expect(page.getByTestId('sitrep')).toContainText('گزارش وضعیت');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('sitrep-figures')).toContainText(/[۰-۹]/);
  await page.goto(room.url);
  await chooseLanguage(page, 'ru');
  await page.goto(`${room.url}#/print/sitrep/${incidentId}`);
  await expect(page.getByTestId('sitrep')).toContainText('Сводка');
  await expect(page.getByTestId('sitrep-statements')).toContainText('Ждёт утверждения');
});

test('on a guest laptop over plain http, where the Clipboard API is not offered, Copy as text still copies', async ({ page, room, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A browser on another laptop reaches the room at http://192.168.x.x: not a secure context, so no Clipboard API.
  await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false }));
  const incidentId = await openDemoAs(page, room);
  await page.goto(`${room.url}#/print/sitrep/${incidentId}`);
  await expect(page.getByTestId('sitrep-figures')).toBeVisible();
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  await page.getByTestId('sitrep-copy').click();
  await expect(page.getByTestId('notice')).toContainText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('What happened and was decided');
  expect(copied).toContain('Team on shift');
});

test('a schedule for reports: the header counts down to the next one, turns red when it is late, and a report sent resets it', async ({ page, room }) => {
  await openDemoAs(page, room, 'Maria I', 'Incident lead');
  // The demo: every four hours, the last one sent three hours ago.
  const chip = page.getByTestId('sitrep-timer');
  await expect(chip).toHaveText(/^Next situation report in [01] h \d+ min$/);
  await page.getByTestId('open-sitrep').click();
  await expect(page.getByTestId('sitrep-next-report')).toContainText('Next report due');
  await page.getByTestId('sitrep-every').click();
  await page.getByTestId('sitrep-every-60').click();
  await expect(page.getByTestId('sitrep-every')).toHaveText('Every hour');
  await page.getByTestId('print-back').click();
  await expect(chip).toHaveText(/^Situation report overdue by 2 h \d+ min$/);
  await expect(chip).toHaveClass(/MuiChip-colorError/);
  await expect(page.locator('[data-testid="history-entry"][data-field="sitrepEveryMinutes"]').first()).toContainText('from Every 4 hours to Every hour');

  await page.getByTestId('open-sitrep').click();
  await page.getByTestId('sitrep-mark-sent').click();
  await expect(page.getByTestId('notice')).toContainText('Recorded on the timeline');
  await page.getByTestId('print-back').click();
  await expect(chip).toHaveText(/^Next situation report in (0 h 5\d|1 h 0) min$/);

  await page.getByTestId('open-sitrep').click();
  await page.getByTestId('sitrep-every').click();
  await page.getByTestId('sitrep-every-off').click();
  await expect(page.getByTestId('sitrep-next-report')).toHaveCount(0);
  await page.getByTestId('print-back').click();
  await expect(page.getByTestId('update-timer')).toBeVisible();
  await expect(chip).toHaveCount(0);
});

test('a report being read does not change under the reader: a change on another laptop is announced, and Refresh shows it', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Maria I', 'Incident lead');
  await page.getByTestId('open-sitrep').click();
  const entries = page.getByTestId('sitrep-entries');
  await expect(entries).toContainText('Published');
  // This laptop's own change (the schedule) reloads the report itself: nothing to announce.
  await page.getByTestId('sitrep-every').click();
  await page.getByTestId('sitrep-every-60').click();
  await expect(page.getByTestId('sitrep-every')).toHaveText('Every hour');
  await page.waitForTimeout(1_500); // the room's event for it has come and been compared
  await expect(page.getByTestId('sitrep-stale')).toHaveCount(0);

  // Another laptop writes a decision: said, not slipped into the page being read.
  await room.api('timeline.add', { incidentId, kind: 'decision', text: 'Pull batch L-2211 from every shelf tonight' });
  await expect(page.getByTestId('sitrep-stale')).toContainText('The room has changed since this report was drawn up');
  await expect(entries).not.toContainText('Pull batch L-2211');
  await page.getByTestId('sitrep-refresh').click();
  await expect(entries).toContainText('Pull batch L-2211 from every shelf tonight');
  await expect(page.getByTestId('sitrep-stale')).toHaveCount(0);

  // Another laptop sends the report meanwhile: after a refresh this one starts from it, without the decision.
  await room.api('sitrep.markSent', { incidentId });
  await expect(page.getByTestId('sitrep-stale')).toBeVisible();
  await page.getByTestId('sitrep-refresh').click();
  await expect(entries).not.toContainText('Pull batch L-2211');

  // Once this laptop marked it sent, the page is the report that went out: later changes are not announced on it.
  await page.getByTestId('sitrep-mark-sent').click();
  await expect(page.getByTestId('notice')).toContainText('Recorded on the timeline');
  await room.api('timeline.add', { incidentId, kind: 'observation', text: 'Competitor mentions the recall' });
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId('sitrep-stale')).toHaveCount(0);
});

/**
 * Reports and printed statements leave the room (headquarters abroad, a review a year later): they say which time
 * zone their times are in, the laptop's own, in the reader's language.
 */
test.describe('on a laptop set to Tehran time', () => {
  test.use({ timezoneId: 'Asia/Tehran' });

  test('the situation report and the printed press pack name the time zone of their times', async ({ page, room }) => {
    const incidentId = await openDemoAs(page, room, 'Maria I', 'Incident lead');
    await page.getByTestId('open-sitrep').click();
    await expect(page.getByTestId('sitrep-zone')).toHaveText('Time zone: Iran Standard Time (GMT+03:30)');
    await page.goto(`${room.url}#/incidents/${incidentId}/overview`);
    await chooseLanguage(page, 'ru');
    await page.goto(`${room.url}#/print/pack/${incidentId}`);
    await expect(page.getByTestId('print-cover')).toContainText('Часовой пояс: Иран, стандартное время (GMT+03:30)');
  });
});
