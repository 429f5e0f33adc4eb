import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseLanguage, DEMO_TAB_READY, expect, roomCode, test } from './fixtures';

/**
 * axe-core's reading of WCAG 2.1 A and AA (contrast, names, roles, structure) over every screen of the demo crisis:
 * people read this room on projectors and in sunlit offices, from the keyboard for hours, some with a screen reader.
 */
async function problems(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The draft watermark is faint on purpose (the statement stays readable through it); the red line at the top of
    // the page says "not approved" to everyone, at full contrast.
    .exclude('.print-watermark')
    .analyze();
  return result.violations.map((v) => `${where}: ${v.id} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim()})`).join('; ')}`);
}

for (const [language, theme] of [['en', 'light'], ['fa', 'dark']] as const) {
  test(`every screen of the demo crisis passes axe-core's WCAG 2.1 AA checks: ${language}, ${theme} theme`, async ({ page, room }) => {
    test.setTimeout(180_000); // some thirty pages and dialogs, each read whole
    if (theme === 'dark') await page.addInitScript(() => localStorage.setItem('firebreak.theme', 'dark'));
    const found: string[] = [];
    const check = async (where: string) => found.push(...(await problems(page, where)));

    await page.goto(room.url);
    await expect(page.getByTestId('first-run')).toBeVisible();
    await check('first run');
    await page.getByTestId('first-run-name').fill('Maria Ivanova');
    await page.getByTestId('first-run-role').fill('Incident lead');
    await page.getByTestId('first-run-start').click();
    if (language !== 'en') await chooseLanguage(page, language);
    await page.getByTestId('load-demo').click();
    await expect(page.getByTestId('incident-title')).toContainText('Northwind');
    const incidentId = /incidents\/([^/]+)/.exec(page.url())![1];

    for (const [tab, ready] of Object.entries(DEMO_TAB_READY)) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect(page.getByTestId(ready).first()).toBeVisible();
      await check(`${tab} tab`);
    }
    // The detail panes, and the alerts unfolded.
    await page.getByTestId('alert-fold').click();
    await page.getByTestId('tab-statements').click();
    await page.getByTestId('statement-item').first().click();
    await expect(page.getByTestId('statement-detail')).toBeVisible();
    await check('a statement');
    await page.getByTestId('tab-mentions').click();
    await page.getByTestId('mention-row').first().click();
    await expect(page.getByTestId('mention-detail')).toBeVisible();
    await check('a mention');

    // Dialogs, each closed again with Escape.
    const dialogs: [string, string, string][] = [
      ['statements', 'statement-new', 'new statement'],
      ['press', 'enquiry-new', 'new media enquiry'],
      ['team', 'open-assign', 'assign a role'],
      ['dashboard', 'open-alert-settings', 'alert thresholds'],
    ];
    for (const [tab, opener, where] of dialogs) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(opener).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(where);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
    await page.getByTestId('sharing-button').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('other laptops');
    await page.keyboard.press('Escape');

    // The list, the past crises, a new incident, and the pages that are printed.
    await page.goto(`${room.url}#/`);
    await expect(page.getByTestId('incident-row').first()).toBeVisible();
    await check('incident list');
    await page.getByTestId('new-incident').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check('new incident');
    await page.keyboard.press('Escape');
    await page.goto(`${room.url}#/past`);
    await expect(page.getByTestId('past-row').first()).toBeVisible();
    await check('past crises');
    const [statement] = await room.api<{ id: string; version: number }[]>('statements.list', { incidentId });
    for (const [hash, ready] of [
      [`print/sitrep/${incidentId}`, 'sitrep-entries'],
      [`print/review/${incidentId}`, 'review-print'],
      [`print/pack/${incidentId}`, 'print-ready'],
      [`print/statement/${statement.id}/${statement.version}`, 'print-ready'],
    ]) {
      await page.goto(`${room.url}#/${hash}`);
      await expect(page.getByTestId(ready)).toBeVisible();
      await check(hash.split('/').slice(0, 2).join(' '));
    }
    expect(found).toEqual([]);
  });
}

test.describe('a room opened to the other laptops', () => {
  test.use({ serveArgs: ['--host', '0.0.0.0'] });

  test('its join page passes the same checks: in English, then in Persian on the dark theme with a wrong code said', async ({ page, room }) => {
    await page.goto(room.url);
    await expect(page.getByTestId('join-room')).toBeVisible();
    const found = await problems(page, 'join page');
    await page.evaluate(() => localStorage.setItem('firebreak.theme', 'dark'));
    await page.reload();
    await chooseLanguage(page, 'fa');
    const code = roomCode(room.dataDir);
    await page.getByTestId('room-code').fill(code.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA');
    await page.getByTestId('room-join').click();
    await expect(page.getByTestId('join-error')).toBeVisible();
    found.push(...(await problems(page, 'join page, Persian, dark, wrong code')));
    expect(found).toEqual([]);
  });
});
