import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, test, type Room } from './fixtures';

/** The text of a print view rendered to PDF by Chromium, as poppler's pdftotext reads it. */
async function printedText(page: Page, file: string): Promise<string> {
  await expect(page.getByTestId('print-ready')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Another laptop in the room: its own browser context, its own person at the keyboard. */
async function laptop(browser: Browser, room: Room, name: string, role: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openAs(page, room, name, role);
  return page;
}

test('a draft from a template goes through the level-3 chain, one role after the other, then prints and publishes', async ({ page, room, browser }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Hijacked account', organisation: 'Northwind Juice Co.', status: 'active', level: 3, crisisType: 'unauthorised_access' });
  for (const [name, roleId] of [['Maria Lead', 'lead'], ['Elena Legal', 'legal'], ['Anna Exec', 'executive']]) {
    const person = await room.api<{ id: string }>('team.savePerson', { person: { name, email: `${name.split(' ')[0].toLowerCase()}@northwind.example` } });
    await room.api('team.assign', { incidentId: incident.id, personId: person.id, roleId });
  }
  // Staff not told yet: publishing the first public word says so.
  await room.api('stakeholders.add', { incidentId: incident.id, stakeholder: { name: 'All staff', group: 'employees', channel: 'intranet' } });
  await openAs(page, room, 'Sam Writer', 'Responder');
  await page.goto(`${room.url}#/incidents/${incident.id}/statements`);

  // From the library: the account template, with the organisation and date filled in, the rest to write.
  await page.getByTestId('statement-new').click();
  await page.getByTestId('template-account-public-en').click();
  await expect(page.getByTestId('statement-text')).toContainText('someone outside our team got into our {platform} account');
  await expect(page.getByTestId('statement-placeholders')).toContainText('{platform}');
  await page.getByTestId('statement-submit').click();
  await expect(page.getByText(/Fill in the placeholders first/)).toBeVisible();
  await page.getByTestId('statement-edit').click();
  const body = page.getByTestId('statement-body');
  const text = (await body.inputValue()).replace('{platform}', 'Instagram').replace('{from}', '09:10').replace('{to}', '09:40').replace('{contact}', 'press@northwind.example');
  await body.fill(text);
  await page.getByTestId('statement-save').click();
  await expect(page.getByTestId('statement-version')).toContainText('v2');
  await expect(page.getByTestId('version-diff')).toContainText('Instagram');
  await page.getByTestId('statement-submit').click();
  await expect(page.getByTestId('statement-state').first()).toHaveAttribute('data-state', 'in_review');
  await expect(page.getByTestId('step-1').getByTestId('step-waiting')).toBeVisible();

  // The writer cannot approve: the core refuses, naming who can.
  await page.getByTestId('statement-approve').click();
  await expect(page.getByTestId('notice')).toHaveText('Step 1 needs the Incident lead: \u2068Maria Lead\u2069. \u2068Sam Writer\u2069 does not hold it on this incident.');
  // The same refusal in the reader's language, with the built-in role's name in it.
  await chooseLanguage(page, 'ru');
  await page.getByTestId('statement-approve').click();
  await expect(page.getByTestId('notice')).toHaveText('Шаг 1 решает Руководитель штаба: \u2068Maria Lead\u2069. \u2068Sam Writer\u2069 не занимает эту роль в инциденте.');
  await chooseLanguage(page, 'en');

  // Each approver on their own laptop: the statement waits for them, they approve it.
  for (const [name, role] of [['Maria Lead', 'Incident lead'], ['Elena Legal', 'Legal approver'], ['Anna Exec', 'Executive approver']]) {
    const approver = await laptop(browser, room, name, role);
    await approver.goto(`${room.url}#/incidents/${incident.id}/statements`);
    await expect(approver.getByTestId('waiting-for-me')).toContainText('1');
    await approver.getByTestId('statement-item').first().click();
    await approver.getByTestId('statement-approve').click();
    await expect(approver.getByTestId('waiting-for-me')).toHaveCount(0);
    await approver.context().close();
  }
  await page.reload();
  await page.getByTestId('statement-item').first().click();
  await expect(page.getByTestId('statement-detail').getByTestId('statement-state')).toHaveAttribute('data-state', 'approved');
  await expect(page.getByTestId('step-3').getByTestId('step-decision')).toContainText('Anna Exec');

  // Printed: organisation, exact text, version, full hash, the approval block; no watermark.
  const detail = await room.api<{ id: string; hash: string; version: number }[]>('statements.list', { incidentId: incident.id });
  await page.getByTestId('statement-print').click();
  const approvedPdf = await printedText(page, test.info().outputPath('approved.pdf'));
  expect(approvedPdf).toContain('Northwind Juice Co.');
  expect(approvedPdf).toContain('someone outside our team got into our Instagram account');
  expect(approvedPdf).toContain(detail[0].hash);
  expect(approvedPdf).toMatch(/Approvals[\s\S]*Incident lead\s+Maria Lead[\s\S]*Legal approver\s+Elena Legal[\s\S]*Executive approver\s+Anna Exec/);
  expect(approvedPdf).not.toContain('DRAFT');
  // The print button records the print, then opens the browser's print dialog (which a test cannot drive).
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByTestId('print-now').click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  // Version 1 is not the approved text: it prints as a draft, watermarked.
  await page.goto(`${room.url}#/print/statement/${detail[0].id}/1`);
  const draftPdf = await printedText(page, test.info().outputPath('draft.pdf'));
  expect(draftPdf).toContain('DRAFT — NOT APPROVED');
  expect(draftPdf).toContain('No approvals for this version.');

  // Published: a public update on the timeline; the audit trail holds and records the print.
  await page.getByTestId('print-back').click();
  await page.getByTestId('statement-item').first().click();
  await page.getByTestId('statement-publish').click();
  await expect(page.getByTestId('publish-not-told')).toHaveText(/these stakeholders have not been told: \u2068All staff\u2069\. Published now, they will learn it from the news/);
  await page.getByTestId('reason-text').fill('https://northwind.example/news/account');
  await page.getByTestId('reason-confirm').click();
  await expect(page.getByTestId('statement-detail').getByTestId('statement-state')).toHaveAttribute('data-state', 'published');
  // Once something is public, a second channel is not the first word: no warning.
  const counted = page.waitForResponse((r) => r.url().endsWith('/api/stakeholders.counts'));
  await page.getByTestId('statement-publish').click();
  await expect(page.getByTestId('reason-text')).toBeVisible();
  await counted;
  await expect(page.getByTestId('publish-not-told')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('open-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toContainText('The audit trail is intact');
  await expect(page.getByTestId('audit-entries')).toContainText('Printed');
  await page.keyboard.press('Escape');
  await page.getByTestId('statement-save-template').click();
  await page.getByTestId('statement-new').click();
  await expect(page.getByTestId('template-list')).toContainText('Our account was accessed without permission');
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-overview').click();
  const published = page.getByTestId('timeline-public_update');
  await expect(published).toContainText('Our account was accessed without permission');
  await published.getByTestId('timeline-statement').click();
  await expect(page.getByTestId('statement-heading')).toHaveText('Our account was accessed without permission');
});

test('with the room\'s live updates cut off, an approver deciding on text changed meanwhile is told so in their language', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Recall rumour', status: 'active', level: 1 });
  const maria = await room.api<{ id: string }>('team.savePerson', { person: { name: 'Maria Lead' } });
  await room.api('team.assign', { incidentId: incident.id, personId: maria.id, roleId: 'lead' });
  const content = { title: 'Holding statement', body: 'We are checking the reports.' };
  const statement = await room.api<{ id: string }>('statements.create', { incidentId: incident.id, kind: 'holding', content });
  await room.api('statements.submit', { id: statement.id });
  // The Wi-Fi drops this laptop's stream of changes: what it shows may be behind the room.
  await page.route('**/api/events', (route) => route.abort());
  await openAs(page, room, 'Maria Lead', 'Incident lead');
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/incidents/${incident.id}/statements`);
  await page.getByTestId('statement-item').first().click();
  await expect(page.getByTestId('statement-approve')).toBeVisible();
  // Another laptop rewrites it and sends it back for approval.
  await room.api('statements.edit', { id: statement.id, content: { ...content, body: 'We have stopped sales of batch L-2211.' } });
  await room.api('statements.submit', { id: statement.id });
  await page.getByTestId('statement-approve').click();
  await expect(page.getByTestId('notice')).toHaveText('متن پس از نسخهٔ ۱ تغییر کرده است؛ پیش از تصمیم، نسخهٔ ۲ را بخوانید.');
  const after = await room.api<{ state: string; version: number }>('statements.get', { id: statement.id });
  expect([after.state, after.version]).toEqual(['in_review', 2]); // nothing was approved
});

test('two writers at once: the one who saves second sees the other\'s save coming, is stopped once, and keeps their text', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Co-writing', status: 'active', level: 1 });
  const content = { title: 'Holding statement', body: 'We are checking the reports.' };
  const statement = await room.api<{ id: string }>('statements.create', { incidentId: incident.id, kind: 'holding', content });
  await openAs(page, room, 'Sam Writer', 'Responder');
  await page.goto(`${room.url}#/incidents/${incident.id}/statements`);
  await page.getByTestId('statement-item').first().click();
  await page.getByTestId('statement-edit').click();
  await page.getByTestId('statement-body').fill('We are checking the reports. We apologise to everyone affected.');
  // Someone at another laptop saves first; the room tells this one while Sam is still typing.
  await room.api('statements.edit', { id: statement.id, content: { ...content, body: 'We have paused sales of batch L-2211.' }, baseVersion: 1 });
  await expect(page.getByTestId('statement-saved-meanwhile')).toHaveText('\u2068Test Setup\u2069 saved version 2 while you were editing. Read it before you save yours.');
  await page.getByTestId('statement-save').click();
  await expect(page.getByTestId('notice')).toHaveText('\u2068Test Setup\u2069 saved version 2 while you were editing version 1. Your text is still in the editor: read their version, then save again to replace it.');
  await expect(page.getByTestId('statement-body')).toHaveValue('We are checking the reports. We apologise to everyone affected.');
  // Having read it, Sam saves again: a third version, the other one kept in the history.
  await page.getByTestId('statement-save').click();
  await expect(page.getByTestId('statement-version')).toContainText('v3');
  const after = await room.api<{ versions: { author: string; body: string }[] }>('statements.get', { id: statement.id });
  expect(after.versions.map((v) => v.author)).toEqual(['Test Setup', 'Test Setup', 'Sam Writer']);
  expect(after.versions[2].body).toBe('We are checking the reports. We apologise to everyone affected.');
  // In Persian, a Latin name beside the version's date is isolated, so the date's digits stay in place.
  await chooseLanguage(page, 'fa');
  await expect(page.getByTestId('diff-to')).toContainText('نسخهٔ ۳ · \u2068Sam Writer\u2069 · ');
});

test('an audit trail altered behind Firebreak\'s back is reported, in Persian, at the entry and for the reason', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Tampering', status: 'active', level: 1 });
  const statement = await room.api<{ id: string }>('statements.create', { incidentId: incident.id, kind: 'holding', content: { title: 'Holding', body: 'We are checking.' } });
  await room.api('statements.submit', { id: statement.id });
  // Someone opens the database file with another tool, removes the guard and rewrites who did entry 2.
  const db = new BetterSqlite3(path.join(room.dataDir, 'firebreak.sqlite'));
  db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Somebody else' WHERE seq = 2");
  db.close();
  await openAs(page, room);
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/incidents/${incident.id}/statements`);
  await page.getByTestId('open-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toHaveText('دفتر ممیزی در ثبت ۲ شکسته است: محتوای آن پس از نوشته شدن تغییر کرده است.');
});

test('the demo in Persian: what waits for legal, the press pack, and a Persian draft printed right-to-left with its watermark', async ({ page, room }) => {
  const demo = await room.api<{ id: string }>('demo.load', {});
  await openAs(page, room, 'Elena Costa', 'Legal approver');
  await page.goto(`${room.url}#/incidents/${demo.id}/statements`);
  await expect(page.getByTestId('waiting-chip')).toContainText('1');
  await expect(page.getByTestId('statement-item')).toHaveCount(7);
  await page.getByTestId('statement-item').filter({ hasText: 'Full QA report' }).click();
  await expect(page.getByTestId('key-message-coverage').getByTestId('key-carried')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('demo-statements.png'), fullPage: true });

  await chooseLanguage(page, 'fa');
  await page.getByTestId('statement-new').click();
  await page.getByTestId('template-holding-fa').click();
  await expect(page.getByTestId('statement-text')).toContainText('Northwind Juice Co.');
  await page.getByTestId('statement-print').click();
  const faPdf = await printedText(page, test.info().outputPath('draft-fa.pdf'));
  await page.screenshot({ path: test.info().outputPath('print-fa.png'), fullPage: true });
  fs.writeFileSync(test.info().outputPath('draft-fa.txt'), faPdf);
  expect(faPdf).toContain('Northwind Juice Co.');
  expect(faPdf).toMatch(/SHA-256/);
  // The watermark and the labels in Persian (poppler writes right-to-left text in reading order).
  expect(faPdf).toContain('پیش‌نویس — تأیید نشده');
  expect(faPdf).toContain('تأییدها');
  expect(faPdf).toContain('این متن تأیید نشده است');

  await page.goto(`${room.url}#/print/pack/${demo.id}`);
  const pack = await printedText(page, test.info().outputPath('pack.pdf'));
  fs.writeFileSync(test.info().outputPath('pack.txt'), pack);
  expect(pack).toContain('Holding statement: video of a Northwind Orange bottle');
  expect(pack).toContain('Update: first QA results on batch L-2211');
  expect(pack).not.toContain('Full QA report on batch L-2211');
});

test('a long draft carries the watermark on every printed page', async ({ page, room }) => {
  const incident = await room.api<{ id: string }>('incidents.create', { title: 'Long FAQ', organisation: 'Northwind Juice Co.' });
  const body = Array.from({ length: 120 }, (_v, i) => `Question ${i + 1}: is batch L-2211 safe?\nAnswer: tests so far found nothing wrong with it.`).join('\n\n');
  const draft = await room.api<{ id: string }>('statements.create', { incidentId: incident.id, kind: 'faq', content: { title: 'Frequent questions', body, languages: ['en'] } });
  await openAs(page, room);
  await page.goto(`${room.url}#/print/statement/${draft.id}/1`);
  const file = test.info().outputPath('long.pdf');
  const text = await printedText(page, file);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(3);
  const perPage = text.split('\f').filter((p) => p.trim()).map((p) => p.includes('DRAFT — NOT APPROVED'));
  expect(perPage).toHaveLength(pages);
  expect(perPage.every(Boolean)).toBe(true);
});
