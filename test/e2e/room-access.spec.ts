import { chooseLanguage, expect, roomCode, test } from './fixtures';

// Opened to the other laptops (every interface): the room asks each browser for its code.
test.use({ serveArgs: ['--host', '0.0.0.0'] });

test('a room opened to other laptops lets in only a browser that gives its code, said in the reader\'s language', async ({ page, room }) => {
  const code = roomCode(room.dataDir);
  await room.api('incidents.create', { title: 'Data leak rumour' });
  await page.goto(room.url);
  await expect(page.getByTestId('join-room')).toBeVisible();
  // Nothing of the room reaches a browser that has not joined: the page holds no data, the API answers nothing.
  await expect(page.getByText('Data leak rumour')).toHaveCount(0);
  const refused = await page.evaluate(async () => (await fetch('api/incidents.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  expect(refused).toBe(401);

  await chooseLanguage(page, 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ورود به اتاق بحران');
  const wrong = code.startsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA';
  await page.getByTestId('room-code').fill(wrong);
  await page.getByTestId('room-join').click();
  await page.screenshot({ path: test.info().outputPath('join-fa.png') });
  await expect(page.getByTestId('join-error')).toHaveText('این کد این اتاق نیست. آن را با کسی که سرور اتاق را راه انداخته بررسی کنید (در کد هرگز 0، O، 1 یا I نیست).');

  // Typed as people type it: small letters, with its dash.
  await page.getByTestId('room-code').fill(`${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
  await page.getByTestId('room-join').click();
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-name').fill('Ann Lee');
  await page.getByTestId('first-run-start').click();
  await expect(page.getByTestId('incident-row')).toHaveText(/Data leak rumour/);
  // It stays in: the room's cookie, not the page, remembers the code.
  await page.reload();
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
});

test('a join link lets another laptop straight in, and leaves no code in the address bar', async ({ browser, room }) => {
  await room.api('incidents.create', { title: 'Hijacked account' });
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await page.goto(`${room.url}#join=${roomCode(room.dataDir)}`);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-name').fill('Bob Stone');
  await page.getByTestId('first-run-start').click();
  await expect(page.getByTestId('incident-row')).toHaveText(/Hijacked account/);
  expect(page.url()).not.toContain('join=');
  await page.screenshot({ path: test.info().outputPath('joined.png') });
  await laptop.close();
});
