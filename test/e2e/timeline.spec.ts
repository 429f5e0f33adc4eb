import { expect, focusNothing, openAs, test } from './fixtures';

test('a scribe writes the timeline from the keyboard; entries can be starred, filtered and back-dated', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Timeline via UI' });
  await openAs(page, room, 'Nikos P', 'Scribe');
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('timeline-card')).toBeVisible();

  // One keystroke: T focuses the timeline, Enter saves.
  await focusNothing(page);
  await page.keyboard.press('t');
  await expect(page.getByTestId('timeline-input')).toBeFocused();
  await page.keyboard.type('Video reshared by a news account');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline-observation')).toContainText('Video reshared by a news account');
  await expect(page.getByTestId('timeline-observation')).toContainText('Nikos P · Scribe');

  await page.getByTestId('timeline-kind').click();
  await page.getByTestId('timeline-kind-decision').click();
  await page.getByTestId('timeline-input').fill('Holding statement within the hour');
  await page.getByTestId('timeline-tags').fill('statement');
  await page.getByTestId('timeline-add').click();
  const decision = page.getByTestId('timeline-decision');
  await expect(decision).toContainText('#statement');

  await decision.getByTestId('timeline-key').click();
  await expect(decision.getByTestId('timeline-key')).toHaveAttribute('aria-pressed', 'true');
  await page.getByText('Key events only').click();
  await expect(page.getByTestId('timeline-observation')).toHaveCount(0);
  await expect(decision).toBeVisible();
  await page.getByText('Key events only').click();

  // Back-dating keeps the original time on the entry.
  await page.getByTestId('timeline-observation').getByTestId('timeline-correct-time').click();
  await page.getByTestId('time-value').fill('2026-11-20T08:15');
  await page.getByTestId('time-submit').click();
  await expect(page.getByTestId('timeline-observation').getByTestId('timeline-time')).toContainText('originally');

  // Status changes are on the timeline too.
  await page.getByTestId('status-action-contained').click();
  await expect(page.getByTestId('timeline-incident.status')).toContainText('Contained');
});

test('the public-update timer shows on the incident, turns red when late, and resets with a public update', async ({ page, room }) => {
  const incident = await room.api<{ id: string; openedAt: number }>('incidents.create', { title: 'Timer via UI', level: 4 });
  const twoHoursAgo = incident.openedAt - 2 * 3_600_000;
  await room.api('incidents.setTime', { id: incident.id, field: 'detectedAt', value: twoHoursAgo - 60_000, reason: 'seen earlier' });
  await room.api('incidents.setTime', { id: incident.id, field: 'openedAt', value: twoHoursAgo, reason: 'opened earlier' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('update-timer')).toContainText('Public update overdue by 1 h');
  await page.getByTestId('timeline-kind').click();
  await page.getByTestId('timeline-kind-public_update').click();
  await page.getByTestId('timeline-input').fill('Statement posted on X and the website');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('update-timer')).toContainText('Next public update in');
});

test('a public update a few seconds late is said to be late by a minute, not by "0 h 0 min"', async ({ page, room }) => {
  const incident = await room.api<{ id: string; openedAt: number }>('incidents.create', { title: 'Just late', level: 4 });
  const justLate = incident.openedAt - 60 * 60_000 - 5_000; // level 4: a public update every hour
  await room.api('incidents.setTime', { id: incident.id, field: 'detectedAt', value: justLate - 60_000, reason: 'seen earlier' });
  await room.api('incidents.setTime', { id: incident.id, field: 'openedAt', value: justLate, reason: 'opened earlier' });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('update-timer')).toHaveText('Public update overdue by 0 h 1 min');
});
