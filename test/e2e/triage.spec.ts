import { chooseLanguage, expect, focusNothing, holdBack, openDemoAs, showTriage, test } from './fixtures';

test('triage the demo queue from the keyboard: escalate, answer, and see the counts move', async ({ page, room }) => {
  await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  const awaiting = page.getByTestId('count-awaiting');
  await expect(awaiting).toContainText('3'); // the demo's escalated one and two waiting for a reply

  await page.getByTestId('tab-triage').click();
  await showTriage(page, 'new'); // the ones nobody has opened yet
  const rows = page.getByTestId('triage-row');
  await expect(rows.first()).toBeVisible();
  // j selects the top of the queue; its priority is explained; n: needs a response (it leaves the "new" list).
  await focusNothing(page);
  await page.keyboard.press('j');
  await expect(page.getByTestId('triage-why')).toContainText('Priority');
  await page.keyboard.press('n');
  await expect(awaiting).toContainText('4');

  // The next one: r to write the reply, Enter records it.
  await page.keyboard.press('j');
  const firstText = await page.getByTestId('triage-text').textContent();
  await page.keyboard.press('r');
  await page.keyboard.type('Thank you, we are checking this batch now.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-responded')).toContainText('3'); // the demo's two replies in the approved wording, and this one

  // The answered one is under "Responded", with its reply and history.
  await showTriage(page, 'responded');
  await rows.filter({ hasText: (firstText ?? '').slice(0, 30) }).first().click();
  await expect(page.getByTestId('triage-history')).toContainText('Thank you, we are checking this batch now.');

  // Escalation from the list lands on the timeline.
  await showTriage(page, 'new');
  await rows.nth(0).getByRole('checkbox').check();
  await page.getByTestId('triage-bulk-escalated').click();
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('timeline-action').filter({ hasText: 'Escalated' }).first()).toBeVisible();
});

test('two responders on one mention: the second sees the first one\'s reply before posting another', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  await showTriage(page, 'new');
  await page.getByTestId('triage-row').first().click();
  await expect(page.getByTestId('triage-why')).toBeVisible();
  await expect(page.getByTestId('triage-answered')).toHaveCount(0);
  const text = await page.getByTestId('triage-text').textContent();
  const queue = await room.api<{ id: number; text: string }[]>('triage.queue', { filter: { incidentId }, limit: 200 });
  // Another responder, at another laptop, answers the same mention first.
  await room.api('triage.respond', { mentionId: queue.find((m) => m.text === text)!.id, text: 'We are on it: please DM us the batch number.' });
  await expect(page.getByTestId('triage-answered')).toContainText('Already answered: the last reply was recorded by \u2068Test Setup\u2069');
  await expect(page.getByTestId('triage-history')).toContainText('We are on it: please DM us the batch number.');
});

test('a mention whose import another laptop undid is said to be gone, in Persian, not "Not found: No mention with id 12"', async ({ page, room }) => {
  await page.route('**/api/events', (route) => route.abort()); // this laptop does not hear the undo
  const incidentId = await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await chooseLanguage(page, 'fa');
  await page.getByTestId('tab-triage').click();
  await showTriage(page, 'new');
  await page.getByTestId('triage-row').first().click();
  await expect(page.getByTestId('triage-why')).toBeVisible();
  // The monitor, at another laptop, undoes the imports (the wrong export was loaded).
  for (const batch of await room.api<{ id: string; status: string }[]>('import.batches', { incidentId })) {
    if (batch.status === 'complete') await room.api('import.undo', { batchId: batch.id });
  }
  await page.getByTestId('triage-why').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('notice')).toHaveText(/^پیدا نشد \(اشاره \u2068\d+\u2069\): شاید در لپ‌تاپ دیگری حذف شده باشد، یا آنچه می‌دیدید دیگر به‌روز نیست\.$/);
});

test('on a 1366 x 768 laptop the queue starts above the fold: one alert shows, the others unfold on demand', async ({ page, room }) => {
  await page.setViewportSize({ width: 1366, height: 680 }); // the page area left by a browser's own bars
  const incidentId = await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const first = page.getByTestId('triage-row').first();
  await expect(first).toBeVisible();
  const box = (await first.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(680);

  // Folded: the most pressing alert (a spike says the fire is spreading), and how many others wait.
  const banner = page.getByTestId('alert-banner');
  const open = (await room.api<{ acknowledgedAt: number | null }[]>('alerts.list', { incidentId })).filter((a) => a.acknowledgedAt === null).length;
  expect(open).toBeGreaterThan(2);
  await expect(banner.getByTestId('alert-ack')).toHaveCount(1);
  await expect(banner.getByTestId('alert-volume')).toBeVisible();
  await expect(page.getByTestId('alert-fold')).toHaveText(`Other alerts not acknowledged: ${open - 1}`);

  // Unfolded, they are all there to acknowledge; acknowledging the first brings the next up, and folding keeps one.
  await page.getByTestId('alert-fold').click();
  await expect(banner.getByTestId('alert-ack')).toHaveCount(Math.min(open, 6));
  await expect(page.getByTestId('alert-fold')).toHaveText('Show only the first alert');
  // The demo has two volume spikes (the video's, the copy-paste campaign's): the newest comes first.
  const spikes = await banner.getByTestId('alert-volume').count();
  await banner.getByTestId('alert-volume').first().getByTestId('alert-ack').click();
  await expect(banner.getByTestId('alert-volume')).toHaveCount(spikes - 1);
  await expect(banner.getByTestId('alert-ack')).toHaveCount(Math.min(open - 1, 6));
  await page.getByTestId('alert-fold').click();
  await expect(banner.getByTestId('alert-ack')).toHaveCount(1);
  await expect(page.getByTestId('alert-fold')).toHaveText(`Other alerts not acknowledged: ${open - 2}`);
});

test('j / k keep the selected mention in view while they walk a queue longer than its box', async ({ page, room }) => {
  await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const rows = page.getByTestId('triage-row');
  await expect(rows.nth(40)).toBeAttached();
  await expect(rows.nth(12)).not.toBeInViewport(); // below the box's edge until someone gets there
  await focusNothing(page);
  for (let i = 0; i < 13; i++) await page.keyboard.press('j');
  await expect(rows.nth(12).getByRole('button')).toHaveClass(/Mui-selected/);
  await expect(rows.nth(12)).toBeInViewport();
  for (let i = 0; i < 12; i++) await page.keyboard.press('k');
  await expect(rows.nth(0).getByRole('button')).toHaveClass(/Mui-selected/);
  await expect(rows.nth(0)).toBeInViewport();
});

/**
 * The room types in its own languages: with a Russian or Persian layout on, the J key gives "о" or "ت". The keys
 * are pressed as such a keyboard sends them (through Chromium's input pipeline, with the physical key's code).
 */
test('the triage keys work with a Russian, Greek or Persian keyboard layout on', async ({ page, room }) => {
  await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  const awaiting = page.getByTestId('count-awaiting');
  await expect(awaiting).toContainText('3');
  await page.getByTestId('tab-triage').click();
  const rows = page.getByTestId('triage-row');
  await expect(rows.nth(2)).toBeVisible();
  await focusNothing(page);
  const cdp = await page.context().newCDPSession(page);
  const press = async (text: string, letter: string) => {
    const key = { key: text, code: `Key${letter}`, text, unmodifiedText: text, windowsVirtualKeyCode: letter.charCodeAt(0) };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  };
  const isSelected = (i: number) => expect(rows.nth(i).getByRole('button')).toHaveClass(/Mui-selected/);
  await press('о', 'J'); // Russian
  await isSelected(0);
  await press('ت', 'J'); // Persian
  await isSelected(1);
  await press('κ', 'K'); // Greek
  await isSelected(0);

  // n on a mention nobody had opened: it needs a response.
  await showTriage(page, 'new');
  await expect(rows.first()).toBeVisible();
  await focusNothing(page);
  await press('о', 'J');
  await expect(page.getByTestId('triage-why')).toBeVisible();
  await press('т', 'N'); // Russian
  await expect(awaiting).toContainText('4');
});

test('an older answer that arrives last does not put back what the room no longer holds', async ({ page, room }) => {
  await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const row = page.getByTestId('triage-row').filter({ has: page.getByTestId('triage-state').getByText('New', { exact: true }) }).first();
  const id = Number(await row.getAttribute('data-mention-id'));
  const shown = page.locator(`[data-testid="triage-row"][data-mention-id="${id}"]`).getByTestId('triage-state');

  // The next reload of the queue is answered by the room at once, but reaches this laptop late.
  let deliver!: () => void;
  const late = new Promise<void>((resolve) => (deliver = resolve));
  let held: 'no' | 'holding' | 'delivered' = 'no';
  await page.route('**/api/triage.queue', async (route) => {
    if (held !== 'no') return route.continue();
    held = 'holding';
    const response = await route.fetch();
    await late;
    await route.fulfill({ response });
    held = 'delivered';
  });
  await room.api('triage.setState', { mentionIds: [id], state: 'needs_response' }); // its reload is the late one
  await expect.poll(() => held).toBe('holding');
  await room.api('triage.setState', { mentionIds: [id], state: 'escalated' });
  await expect(shown).toHaveText('Escalated');

  deliver();
  await expect.poll(() => held).toBe('delivered');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(shown).toHaveText('Escalated');
});

test('on a slow room the keys wait for the list asked for: j does not pick from the list still shown', async ({ page, room }) => {
  await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const queue = page.getByTestId('triage-queue');
  await expect(queue.getByTestId('triage-row').first()).toBeVisible();
  const release = await holdBack(page, '**/api/triage.queue');
  await page.getByTestId('triage-show-new').click();
  await expect(queue).toHaveAttribute('aria-busy', 'true'); // the open list, dimmed, while the new one loads
  await focusNothing(page);
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await expect(page.getByTestId('triage-detail')).toHaveCount(0); // nothing picked, nothing moved
  release();
  await expect(queue).toHaveAttribute('aria-busy', 'false');
  await expect(queue.getByTestId('triage-row').and(page.locator(':not([data-state="new"])'))).toHaveCount(0);
  await expect(page.getByTestId('count-awaiting')).toContainText('3');
  await page.keyboard.press('j');
  await expect(queue.getByTestId('triage-row').first().locator('.Mui-selected')).toBeVisible();
  await expect(page.getByTestId('triage-why')).toContainText('Priority');
});

test('from a mention in the queue, the queue narrows to everything its account posted', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const rows = page.getByTestId('triage-row');
  await rows.first().click();
  await expect(page.getByTestId('triage-why')).toContainText('Priority');
  await page.getByTestId('triage-from-author').click();
  const author = page.getByTestId('author-filter');
  await expect(author).not.toHaveValue('');
  const account = await author.inputValue();
  const own = await room.api<{ authorHandle: string | null; author: string | null }[]>('triage.queue', { filter: { incidentId, author: account }, limit: 200 });
  expect(own.every((m) => (m.authorHandle ?? m.author) === account)).toBe(true);
  await expect(rows).toHaveCount(own.length);
});

test('a copy-paste campaign is handled as one: its copies in the queue, all ticked, set aside together', async ({ page, room }) => {
  const incidentId = await openDemoAs(page, room, 'Olena K', 'Social-media responder');
  await page.getByTestId('tab-triage').click();
  const rows = page.getByTestId('triage-row');
  await page.getByTestId('mention-search').fill('BREAKING');
  await expect(rows.first()).toContainText('BREAKING');
  await rows.first().click();
  const id = Number(await rows.first().getAttribute('data-mention-id'));
  const copies = await room.api<{ mentions: number; accounts: number }>('mentions.copies', { id });
  await expect(page.getByTestId('triage-copies')).toHaveText(`Same words: ${copies.mentions} mentions, accounts: ${copies.accounts}`);
  await page.getByTestId('triage-copies').click();
  await expect(page.getByTestId('filter-copies')).toBeVisible();
  await expect(rows).toHaveCount(copies.mentions);

  // Ticks are for the list on screen: a changed filter drops them.
  const all = page.getByTestId('triage-check-all');
  await all.check();
  await expect(page.getByTestId('triage-bulk')).toContainText(String(copies.mentions));
  await page.getByTestId('mention-search').fill('BREAKING Northwind');
  await expect(page.getByTestId('triage-bulk')).toHaveCount(0);
  await expect(all).not.toBeChecked();

  await all.check();
  await page.getByTestId('triage-bulk-no_action').click();
  await expect(page.getByTestId('triage-empty')).toBeVisible();
  const setAside = await room.api<unknown[]>('triage.queue', { filter: { incidentId, copyOf: id }, states: ['no_action'], limit: 200 });
  expect(setAside).toHaveLength(copies.mentions);
  // Lifting the filters brings the rest of the queue back.
  await page.getByTestId('mention-search').fill('');
  await page.getByTestId('filter-copies').locator('.MuiChip-deleteIcon').click();
  await expect(page.getByTestId('filter-copies')).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
});
