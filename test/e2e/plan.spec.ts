import { chooseLanguage, expect, holdBack, openAs, test } from './fixtures';

test('apply the crisis type\'s playbook, work its tasks, add one by hand, and see it all on the timeline', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Hijacked account', status: 'active', crisisType: 'unauthorised_access', level: 4 });
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/plan`);

  // Nothing yet: the playbook for this crisis type is suggested, with its strategy and checklist.
  await expect(page.getByTestId('suggested-playbook')).toContainText('Detect and block access, change passwords');
  await page.getByTestId('open-apply').click();
  await expect(page.getByTestId('apply-pick-unauthorised_access')).toContainText('Suggested for this crisis type');
  await expect(page.getByRole('dialog').getByTestId('playbook-summary')).toContainText('Block the intruder and end all sessions — IT / security contact, 15 min');
  await page.getByTestId('apply-confirm').click();

  const rows = page.getByTestId('task-row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('applied-unauthorised_access').getByTestId('playbook-progress')).toHaveText('0 of 5 done');
  await expect(rows.first()).toContainText('Block the intruder and end all sessions');
  await expect(rows.first().getByTestId('task-holders')).toHaveText('nobody on shift');
  await expect(page.getByTestId('tasks-open')).toContainText('5');

  // Done in one click; it lands on the timeline.
  await rows.first().getByTestId('task-done').click();
  await expect(page.getByTestId('playbook-progress')).toHaveText('1 of 5 done');
  await expect(rows.last()).toHaveAttribute('data-status', 'done');

  // A task by hand, already late: highlighted, and counted on the header of every tab.
  await page.getByTestId('open-add-task').click();
  await page.getByTestId('task-title').fill('Call the platform\'s partner support');
  await page.getByTestId('task-role').click();
  await page.getByTestId('task-role-security').click();
  const past = new Date(Date.now() - 20 * 60_000);
  const local = new Date(past.getTime() - past.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByTestId('task-due').fill(local);
  await page.getByTestId('task-save').click();
  const late = rows.filter({ hasText: 'partner support' });
  await expect(late).toHaveAttribute('data-overdue', 'true');
  await expect(late.getByTestId('task-overdue')).toBeVisible();
  await expect(page.getByTestId('tasks-overdue')).toContainText('1');

  // Editing keeps a history.
  await late.click();
  await page.getByTestId('task-status').click();
  await page.getByTestId('task-status-doing').click();
  await page.getByTestId('task-notes').fill('Ticket 88123 opened');
  await page.getByTestId('task-save').click();
  await late.click();
  await expect(page.getByTestId('task-history')).toContainText('Status: To do → In progress');
  await page.keyboard.press('Escape');

  // Applied once: the playbook is not offered again.
  await page.getByTestId('open-apply').click();
  await expect(page.getByTestId('apply-pick-unauthorised_access')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('timeline-playbook.applied')).toContainText('Unauthorised access to an account: 5 tasks');
  await expect(page.getByTestId('timeline-task.done')).toContainText('Block the intruder and end all sessions');
  await page.getByTestId('timeline-task').click();
  await expect(page.getByTestId('plan-tab')).toBeVisible();

  // Seeded playbook text reads in the team's language.
  await chooseLanguage(page, 'uk');
  await expect(rows.filter({ hasText: 'Заблокувати зловмисника й завершити всі сеанси' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('plan-uk.png'), fullPage: true });
});

test('the library is the team\'s: write a new playbook, then apply it', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Recall', status: 'active' });
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/plan`);
  await page.getByTestId('open-library').click();
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-name').fill('Product recall');
  await page.getByTestId('playbook-strategy').fill('Stop shipments, tell buyers how to return the product.');
  await page.getByTestId('step-add').click();
  await page.getByTestId('step-action').fill('Stop shipments from the warehouse');
  await page.getByTestId('step-minutes').fill('45');
  await page.getByTestId('playbook-save').click();
  await expect(page.getByRole('button', { name: 'Product recall' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('open-apply').click();
  const pick = page.locator('[data-testid^="apply-pick-custom-"]');
  await pick.click();
  await expect(page.getByTestId('playbook-summary')).toContainText('Stop shipments from the warehouse — —, 45 min');
  await page.getByTestId('apply-from-now').check();
  await page.getByTestId('apply-confirm').click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toHaveAttribute('data-overdue', 'false');
});

test('two laptops apply the same playbook: the second is told, in Russian, under the name its plan shows', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Hijacked account', status: 'active', crisisType: 'unauthorised_access', level: 4 });
  await page.route('**/api/events', (route) => route.abort()); // this laptop does not hear the other one's change
  await openAs(page, room, 'Maria I', 'Incident lead');
  await chooseLanguage(page, 'ru');
  await page.goto(`${room.url}#/incidents/${incident.id}/plan`);
  // The plan read before the other laptop applies (else this laptop knew it was applied: seen once in CI).
  await expect(page.getByTestId('suggested-playbook')).toBeVisible();
  await page.getByTestId('open-apply').click();
  await room.api('plan.apply', { incidentId: incident.id, playbookId: 'unauthorised_access' });
  await page.getByTestId('apply-confirm').click();
  await expect(page.getByTestId('notice')).toHaveText('Сценарий «\u2068Несанкционированный доступ к аккаунту\u2069» уже применён к этому инциденту; добавляйте задачи вручную.');
  expect((await room.api<unknown[]>('plan.tasks', { incidentId: incident.id })).length).toBe(5); // its tasks once, not twice
});

test('a playbook another laptop applies while the dialog is open shows as applied; the dialog does not move on to another one', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Hijacked account', status: 'active', crisisType: 'unauthorised_access', level: 4 });
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/plan`);
  await expect(page.getByTestId('suggested-playbook')).toBeVisible();
  await page.getByTestId('open-apply').click();
  const suggested = page.getByTestId('apply-pick-unauthorised_access');
  await expect(suggested).toHaveClass(/Mui-selected/);
  await room.api('plan.apply', { incidentId: incident.id, playbookId: 'unauthorised_access' });
  // Heard from the room: the suggestion stays, marked applied, and nothing can be applied by mistake.
  await expect(suggested).toContainText('applied');
  await expect(suggested).toHaveAttribute('aria-disabled', 'true');
  await expect(suggested).toHaveClass(/Mui-selected/);
  await expect(page.getByTestId('apply-pick-negative_reviews')).not.toHaveClass(/Mui-selected/);
  await expect(page.getByTestId('apply-confirm')).toBeDisabled();
});

test('the apply dialog opened before the playbooks arrive (a slow room server) still suggests the one for the crisis type', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Hijacked account', status: 'active', crisisType: 'unauthorised_access', level: 4 });
  const release = await holdBack(page, '**/api/plan.playbooks');
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/plan`);
  await page.getByTestId('open-apply').click();
  await expect(page.getByTestId('apply-confirm')).toBeDisabled(); // nothing to apply yet
  release();
  await expect(page.getByRole('dialog').getByTestId('playbook-summary')).toContainText('Block the intruder and end all sessions');
  await page.getByTestId('apply-confirm').click();
  await expect(page.getByTestId('task-row')).toHaveCount(5);
});
