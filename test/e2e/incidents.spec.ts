import { chooseLanguage, expect, openAs, openDemoAs, test } from './fixtures';

test('create an incident, reload, edit, close and reopen it, with every change in the history', async ({ page, room }) => {
  await openAs(page, room);
  await expect(page.getByTestId('incidents-empty')).toBeVisible();

  await page.getByTestId('new-incident').click();
  await page.getByTestId('field-title').fill('Hijacked brand account posts scam links');
  await page.getByTestId('field-organisation').fill('Acme Bank');
  await page.getByTestId('incident-form-submit').click();
  await expect(page.getByTestId('incident-title')).toHaveText('Hijacked brand account posts scam links');

  // Still there after a reload (it is in the database, not in page state).
  await page.reload();
  await expect(page.getByTestId('incident-title')).toHaveText('Hijacked brand account posts scam links');
  await page.goto(room.url);
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await page.getByTestId('incident-row').click();

  await page.getByTestId('edit-incident').click();
  await page.getByTestId('field-title').fill('Hijacked account: scam links from @acmebank');
  await page.getByTestId('field-level').click();
  await page.getByTestId('level-option-4').click();
  await page.getByTestId('incident-form-submit').click();
  await expect(page.getByTestId('incident-title')).toHaveText('Hijacked account: scam links from @acmebank');
  await expect(page.getByTestId('incident-level')).toContainText('4');

  await page.getByTestId('status-action-resolved').click();
  await expect(page.getByTestId('status-chip')).toHaveText('Resolved');
  await page.getByTestId('status-action-closed').click();
  await expect(page.getByTestId('status-chip')).toHaveText('Closed');
  await expect(page.getByTestId('incident-closedAt')).not.toHaveText('—');

  await page.getByTestId('status-action-active').click(); // "Reopen"
  await expect(page.getByTestId('status-chip')).toHaveText('Active');
  await expect(page.getByTestId('incident-closedAt')).toHaveText('—');

  const history = page.getByTestId('history-entry');
  await expect(history.filter({ hasText: 'Ann Lee changed Title' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'from Closed to Active' })).toHaveCount(1);
});

test('back-dating the detection time keeps the original in the history', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Late-noticed complaint' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await page.getByTestId('correct-detectedAt').click();
  await page.getByTestId('time-value').fill('2026-11-20T08:30');
  await page.getByTestId('time-reason').fill('First post found in the export');
  await page.getByTestId('time-submit').click();
  const entry = page.getByTestId('history-entry').filter({ hasText: 'First post found in the export' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Nov 20, 2026');
});

test('an invalid change is explained, not applied', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Ordering' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await page.getByTestId('correct-closedAt').click();
  await page.getByTestId('time-value').fill('2001-01-01T00:00');
  await page.getByTestId('time-submit').click();
  await expect(page.getByTestId('notice')).toHaveText('Closed cannot be earlier than Opened.');
  // In the reader's language, with the fields named as the form names them.
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'fa');
  await page.getByTestId('correct-closedAt').click();
  await page.getByTestId('time-value').fill('2001-01-01T00:00');
  await page.getByTestId('time-submit').click();
  await expect(page.getByTestId('notice')).toHaveText('«زمان بستن» نمی‌تواند پیش از «زمان آغاز» باشد.');
});

test('search, filter and the archive', async ({ page, room }) => {
  const closed = await room.api<{ id: string }>('incidents.create', { title: 'Пожар на складе' });
  await room.api('incidents.setStatus', { id: closed.id, status: 'resolved' });
  await room.api('incidents.setStatus', { id: closed.id, status: 'closed' });
  await room.api('incidents.create', { title: 'Negative reviews wave' });
  await openAs(page, room);
  await expect(page.getByTestId('incident-row')).toHaveCount(2);
  await page.getByTestId('incident-search').fill('ПОЖАР');
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await expect(page.getByTestId('incident-row')).toContainText('Пожар на складе');
  await page.getByTestId('incident-search').fill('');
  await page.getByTestId('incident-row').filter({ hasText: 'Пожар' }).click();
  await page.getByTestId('archive-toggle').click();
  // Archived once the room says so (leaving at once could beat the call: seen in a full run).
  await expect(page.getByTestId('archive-toggle')).toHaveText('Restore from archive');
  await page.goto(room.url);
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await page.getByTestId('show-archived').check();
  await expect(page.getByTestId('incident-row')).toHaveCount(1);
  await expect(page.getByTestId('incident-row')).toContainText('Пожар на складе');
});

test('the demo crisis populates the room in one click', async ({ page, room }) => {
  await openDemoAs(page, room);
  await expect(page.getByTestId('history-entry')).toHaveCount(8); // created, detected (back-dated), status, phase, opened, opened (back-dated), level, report schedule
});

test('a change made on another laptop appears without reloading', async ({ page, room }) => {
  await openAs(page, room);
  await expect(page.getByTestId('incidents-empty')).toBeVisible();
  await room.api('incidents.create', { title: 'Created by a colleague' });
  await expect(page.getByTestId('incident-row')).toContainText('Created by a colleague');
});

test('a status move another laptop made impossible is refused in the reader\'s language, naming both statuses', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Recall rumour', status: 'active' });
  await page.route('**/api/events', (route) => route.abort()); // this laptop does not hear the other one's move
  await openAs(page, room, 'Maria I', 'Incident lead');
  await chooseLanguage(page, 'ru');
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('status-action-contained')).toBeVisible();
  // The lead at another laptop decides it is only a rumour to watch.
  await room.api('incidents.setStatus', { id: incident.id, status: 'monitoring' });
  await page.getByTestId('status-action-contained').click();
  await expect(page.getByTestId('notice')).toHaveText('Статус инцидента теперь «Мониторинг», и он не может стать «Локализован».');
});
