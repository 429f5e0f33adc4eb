import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 768 } });
await p.goto('http://127.0.0.1:4870/');
await p.getByTestId('first-run-name').fill('Ann Lee');
await p.getByTestId('first-run-role').fill('Scribe');
await p.getByTestId('first-run-start').click();
await p.getByTestId('language-button').click(); await p.locator(`li[data-value="${process.argv[2]}"]`).click();
await p.waitForTimeout(800);
const scan = async (where) => {
  const hits = await p.evaluate(() => {
    const out = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = w.nextNode())) {
      const s = n.textContent.trim();
      if (!/[A-Za-z]{3,}/.test(s) || /[\u0400-\u04FF\u0370-\u03FF\u0600-\u06FF]/.test(s)) continue;
      const el = n.parentElement;
      if (el.closest('[dir="auto"], input, textarea, canvas, [data-user]')) continue;
      let path = []; for (let e = el; e && path.length < 6; e = e.parentElement) path.push(e.tagName.toLowerCase() + (e.dataset.testid ? '#' + e.dataset.testid : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').filter(c => c.startsWith('Mui')).slice(0,2).join('.') : '')); out.push(s.slice(0, 60) + '  <' + path.join(' < ') + '>');
    }
    return out;
  });
  console.log('## ' + where + '\n' + [...new Set(hits)].join('\n'));
};
await scan('list');
await p.locator('a[href*="incident"]').first().click();
await p.waitForTimeout(800);
for (const tab of ['overview', 'dashboard', 'triage', 'plan', 'statements', 'team', 'mentions', 'imports', 'review']) {
  await p.getByTestId(`tab-${tab}`).click();
  await p.waitForTimeout(1500);
  await scan(tab);
}
await b.close();
