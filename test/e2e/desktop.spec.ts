import type { Page } from '@playwright/test';
import { desktopBridge, expect, openDemoAs, test } from './fixtures';

/** What the page asked of the desktop app's main process (beyond calls and events), in order. */
const desktopCalls = (page: Page) => page.evaluate(() => (window as unknown as { desktopCalls: unknown[][] }).desktopCalls);

test('in the desktop app a mention\'s link leaves through the main process, and a printed statement is handed to it as a PDF', async ({ page, room }) => {
  await page.addInitScript(desktopBridge);
  const incidentId = await openDemoAs(page, room, 'Maria Ivanova', 'Incident lead');

  // The original post opens in the system's browser (the main process checks it is http(s)); the window stays.
  await page.getByTestId('tab-mentions').click();
  await page.getByTestId('mention-row').first().click();
  await page.getByTestId('open-original').click();
  await expect.poll(async () => (await desktopCalls(page)).length).toBe(1);
  const [[kind, url]] = (await desktopCalls(page)) as [string, string][];
  expect(kind).toBe('openExternal');
  expect(url).toMatch(/^https:\/\//);
  await expect(page.getByTestId('mention-detail')).toContainText(url);
  expect(page.url()).toContain(`#/incidents/${incidentId}/mentions`);

  // Printing: the print is recorded, then the main process renders the page to a PDF named after it.
  await page.getByTestId('tab-statements').click();
  await page.getByTestId('statement-item').filter({ hasText: 'Published' }).first().click();
  await page.getByTestId('statement-print').click();
  await expect(page.getByTestId('print-now')).toBeVisible();
  const title = await page.title();
  await page.getByTestId('print-now').click();
  await expect.poll(async () => (await desktopCalls(page)).length).toBe(2);
  expect((await desktopCalls(page))[1]).toEqual(['savePdf', title]);
  expect(title).toMatch(/QA results/);
});
