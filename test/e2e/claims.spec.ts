import type { Page } from '@playwright/test';
import { chooseLanguage, expect, openAs, openDemoAs, test } from './fixtures';

type Claim = { id: number; claim: string; terms: string[]; status: string; answer: string; statementVersion: number | null; closedBy: string | null; spread: { total: number; negative: number } };

async function pick(page: Page, select: string, option: string) {
  await page.getByTestId(select).click();
  await page.getByTestId(`${select}-${option}`).click();
}

test('claims: the demo\'s spreading rumour, its mentions and who answers it, answered with approved words, on the timeline, in the report and on the other laptop', async ({ page, room, browser }) => {
  const incidentId = await openDemoAs(page, room, 'Daniel Brooks', 'Spokesperson');
  // The header, on every tab: two claims spread with no answer out; a click opens them.
  await expect(page.getByTestId('claims-overdue')).toHaveText('Claims: 2 spreading, not answered');
  await page.getByTestId('claims-overdue').click();
  const cards = page.getByTestId('claim-card');
  await expect(cards).toHaveCount(4);
  await expect(page.getByTestId('claims-summary')).toHaveText('To answer: 2 · spreading: 2 · answered: 1 of 4');
  // The copy-paste campaign's claim, false and rising, comes first; its count is the explorer's for its words.
  const hospital = cards.first();
  await expect(hospital.getByTestId('claim-text')).toHaveText('Children are in hospital after drinking Northwind juice');
  await expect(hospital).toHaveAttribute('data-trend', 'rising');
  await expect(hospital.getByTestId('claim-verdict')).toHaveText('False');
  const listed = await room.api<Claim[]>('claims.list', { incidentId });
  const carried = await room.api<{ total: number }>('mentions.search', { filter: { incidentId, anyOf: listed[0].terms }, limit: 1 });
  expect(carried.total).toBeGreaterThan(10);
  await expect(hospital.getByTestId('claim-mentions')).toHaveText(`Mentions: ${carried.total} · negative: ${listed[0].spread.negative}`);
  await expect(hospital.getByTestId('claim-spread-bars')).toHaveAttribute('aria-label', /^Mentions per hour, last 24 hours up to .+: (\d+, ){23}\d+$/);
  // The poisoned batch, answered 90 minutes ago with the QA update: fewer posts since.
  const poisoned = cards.filter({ hasText: 'Batch L-2211 is poisoned' });
  await expect(poisoned).toHaveAttribute('data-status', 'answered');
  await expect(poisoned.getByTestId('claim-after-answer')).toHaveText(/^Since the answer: \d+ in \d+ min · as long before: \d+$/);

  // Another laptop on the same tab follows without reloading.
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await openAs(other, room, 'Olena K', 'Social-media responder');
  await other.goto(`${room.url}#/incidents/${incidentId}/claims`);
  await expect(other.getByTestId('claim-card')).toHaveCount(4);

  // Show mentions: exactly the posts carrying it; each says so, and whom to ask before replying.
  await hospital.getByTestId('claim-show-mentions').click();
  await expect(page.getByTestId('filter-any-of')).toContainText('Any of: \u2068hospital\u2069, \u2068больниц*\u2069');
  await expect(page.getByTestId('mention-count')).toContainText(String(carried.total));
  await page.getByTestId('mention-row').first().click();
  const note = page.getByTestId('mention-claim').filter({ hasText: 'Children are in hospital after drinking Northwind juice' });
  await expect(note).toContainText('Not answered yet: ask \u2068Daniel Brooks\u2069 before replying.');

  // Answered: not without the answer; with the published QA update's words, at its version.
  await page.getByTestId('tab-claims').click();
  await hospital.getByTestId('claim-open').click();
  await pick(page, 'claim-status-select', 'answered');
  await expect(page.getByTestId('claim-save')).toBeDisabled();
  await page.getByTestId('claim-wording').click();
  await page.getByRole('option', { name: 'Update: first QA results on batch L-2211' }).click();
  await expect(page.getByTestId('claim-answer-input')).toHaveValue(/no evidence of contamination has been found/);
  await page.getByTestId('claim-save').click();
  const answered = cards.filter({ hasText: 'Children are in hospital after drinking Northwind juice' });
  await expect(answered).toHaveAttribute('data-status', 'answered');
  await expect(answered.getByTestId('claim-answer')).toContainText('from "\u2068Update: first QA results on batch L-2211\u2069" v1');
  await expect(page.getByTestId('claims-summary')).toHaveText('To answer: 1 · spreading: 1 · answered: 2 of 4');
  await expect(page.getByTestId('claims-overdue')).toHaveText('Claims: 1 spreading, not answered');
  const saved = (await room.api<Claim[]>('claims.list', { incidentId })).find((c) => c.claim.startsWith('Children'))!;
  expect([saved.status, saved.closedBy, saved.statementVersion]).toEqual(['answered', 'Daniel Brooks', 1]);
  await expect(other.getByTestId('claim-card').filter({ hasText: 'Children are in hospital' })).toHaveAttribute('data-status', 'answered');

  // The responder sees the agreed answer on a post carrying it.
  await other.goto(`${room.url}#/incidents/${incidentId}/mentions`);
  await other.getByTestId('mention-search').fill('"Children are in hospital"');
  await other.getByTestId('mention-row').filter({ hasText: 'Children are in hospital' }).first().click();
  await expect(other.getByTestId('mention-text')).toContainText('Children are in hospital');
  await expect(other.getByTestId('mention-claim').filter({ hasText: 'Children are in hospital' }).getByTestId('mention-claim-answer'))
    .toContainText('Our answer (\u2068Update: first QA results on batch L-2211\u2069): The first laboratory results');
  // And on the triage screen, beside the reply box.
  await other.getByTestId('tab-triage').click();
  await other.getByTestId('mention-search').fill('BREAKING');
  const queue = other.getByTestId('triage-row');
  await expect(queue.first()).toContainText('BREAKING');
  await queue.first().click();
  await expect(other.getByTestId('mention-claim').filter({ hasText: 'Children are in hospital' }).getByTestId('mention-claim-answer')).toContainText('Our answer');

  // On the timeline, linking back; the situation report lists the one still to answer.
  await page.getByTestId('tab-overview').click();
  const line = page.getByTestId('timeline-claim.answered').filter({ hasText: 'Children are in hospital' });
  await expect(line).toContainText('Answered the claim "\u2068Children are in hospital after drinking Northwind juice\u2069" — \u2068The first laboratory results');
  await line.getByTestId('timeline-claim').click();
  await expect(page.getByTestId('claims-tab')).toBeVisible();
  await page.getByTestId('open-sitrep').click();
  const report = page.getByTestId('sitrep-claims');
  await expect(report).toContainText('To answer (Not verified yet, Rising): \u2068Northwind knew about the contaminated batch for weeks and kept selling it\u2069 — \u2068Maria Ivanova\u2069; mentions in the period:');
  // Since the report sent three hours ago: the poisoned batch (90 minutes ago) and this one.
  await expect(report).toContainText('Claims answered in the period: 2');
});

test('a claim logged in Persian finds its mentions in any script; left unanswered only with a reason; its history in Greek', async ({ page, room }) => {
  await openDemoAs(page, room, 'Leila Ahmadi', 'Monitor');
  const incidentId = /incidents\/([^/]+)/.exec(page.url())![1];
  await chooseLanguage(page, 'fa');
  await page.goto(`${room.url}#/incidents/${incidentId}/claims`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('claim-new').click();
  await page.getByTestId('claim-claim').fill('<img src=x onerror=alert(1)> آب‌میوه سمی است');
  await page.getByTestId('claim-terms').fill('سمی، #poisonedbatch، отравлен*');
  await pick(page, 'claim-verdict-select', 'false');
  await pick(page, 'claim-status-select', 'not_answering');
  await expect(page.getByTestId('claim-save')).toBeDisabled();
  await page.getByTestId('claim-answer-input').fill('پاسخ دادن آن را بیشتر پخش می‌کند.');
  await page.getByTestId('claim-save').click();
  const card = page.getByTestId('claim-card').filter({ hasText: 'آب‌میوه سمی است' });
  await expect(card).toHaveAttribute('data-status', 'not_answering');
  await expect(card.locator('img')).toHaveCount(0);
  await expect(card.getByTestId('claim-verdict')).toHaveText('نادرست');
  const logged = (await room.api<Claim[]>('claims.list', { incidentId })).find((c) => c.claim.includes('آب‌میوه'))!;
  expect(logged.terms).toEqual(['سمی', '#poisonedbatch', 'отравлен*']);
  const carried = await room.api<{ total: number }>('mentions.search', { filter: { incidentId, anyOf: logged.terms }, limit: 1 });
  expect(carried.total).toBe(logged.spread.total);
  expect(carried.total).toBeGreaterThan(0);
  // Persian digits: the count as the Persian UI writes it.
  await expect(card.getByTestId('claim-mentions')).toContainText(new Intl.NumberFormat('fa').format(carried.total));

  // The verdict changed in Greek: kept in its history, worded in Greek.
  await chooseLanguage(page, 'el');
  await card.getByTestId('claim-open').click();
  await pick(page, 'claim-verdict-select', 'misleading');
  await page.getByTestId('claim-save').click();
  await expect(card.getByTestId('claim-verdict')).toHaveText('Παραπλανητικός');
  await card.getByTestId('claim-open').click();
  await expect(page.getByTestId('claim-history')).toContainText('Κρίση: Ψευδής → Παραπλανητικός');
});
