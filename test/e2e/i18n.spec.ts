import { expect, openAs, test } from './fixtures';

const HEADINGS = { en: 'Incidents', ru: 'Инциденты', uk: 'Інциденти', fa: 'رویدادها', el: 'Περιστατικά' } as const;

test('every UI language renders, and Persian flips the layout to right-to-left', async ({ page, room }) => {
  await openAs(page, room);
  for (const [code, heading] of Object.entries(HEADINGS)) {
    await page.getByTestId('language-button').click();
    await page.getByTestId(`language-${code}`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('html')).toHaveAttribute('dir', code === 'fa' ? 'rtl' : 'ltr');
  }

  await page.getByTestId('language-button').click();
  await page.getByTestId('language-fa').click();
  // The layout really flips: the "new incident" button moves to the left edge.
  const box = await page.getByTestId('new-incident').boundingBox();
  expect(box!.x).toBeLessThan(640);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.fa);
});

test('light and dark theme', async ({ page, room }) => {
  await openAs(page, room);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByTestId('theme-toggle').click();
  await expect.poll(background).not.toBe(light);
});
