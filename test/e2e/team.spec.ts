import { expect, holdBack, openAs, test } from './fixtures';

test('assign people to roles and see the roster, its gaps and the timeline', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Team via UI' });
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/team`);
  await expect(page.getByTestId('roster-gaps')).toContainText('5');

  // Assign the spokesperson role to a person created on the spot.
  await page.getByTestId('roster-spokesperson').getByRole('button', { name: 'Assign' }).click();
  await page.getByTestId('person-name').fill('Daniel Brooks');
  await page.getByTestId('person-title').fill('Corporate Affairs Director');
  await page.getByTestId('person-save').click();
  await page.getByTestId('assign-save').click();
  const spokesperson = page.getByTestId('roster-spokesperson');
  await expect(spokesperson.getByTestId('assignment')).toContainText('Daniel Brooks (primary)');
  await expect(page.getByTestId('roster-gaps')).toContainText('4');

  // The directory lists them; the assignment is on the timeline; ending it brings the gap back.
  await page.getByTestId('open-people').click();
  await expect(page.getByTestId('people-list')).toContainText('Corporate Affairs Director');
  await page.keyboard.press('Escape');
  await spokesperson.getByTestId('assignment-end').click();
  await expect(spokesperson.getByTestId('roster-gap')).toBeVisible();
  // The catalogue is the team's: make IT / security a required role and rename it.
  await page.getByTestId('open-roles').click();
  await page.getByTestId('role-edit-security').click();
  await page.getByTestId('role-name').fill('IT security on call');
  await page.getByTestId('role-required').click();
  await page.getByTestId('role-save').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('roster-security')).toContainText('IT security on call');
  await expect(page.getByTestId('roster-gaps')).toContainText('6');

  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('timeline-role.assigned')).toContainText('Daniel Brooks');
  await expect(page.getByTestId('timeline-role.ended')).toBeVisible();
});

test('the assign dialog opened before the team arrives (a slow room server) offers the directory once it does', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Slow room' });
  await room.api('team.savePerson', { person: { name: 'Daniel Brooks', title: 'Corporate Affairs Director' } });
  const release = await holdBack(page, '**/api/team.people');
  await openAs(page, room, 'Maria I', 'Incident lead');
  await page.goto(`${room.url}#/incidents/${incident.id}/team`);
  await page.getByTestId('open-assign').click();
  release();
  // Not the form for a new person (the directory has one), and the first person and role are chosen.
  await expect(page.getByTestId('assign-person')).toHaveText('Daniel Brooks');
  await expect(page.getByTestId('person-name')).toHaveCount(0);
  await page.getByTestId('assign-save').click();
  await expect(page.getByTestId('assignment').first()).toContainText('Daniel Brooks (primary)');
});
