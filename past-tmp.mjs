import { chromium } from 'playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1366, height: 900 } });
await p.goto('http://127.0.0.1:4870/');
await p.getByTestId('first-run-name').fill('Ann Lee');
await p.getByTestId('first-run-role').fill('Scribe');
await p.getByTestId('first-run-start').click();
await p.getByTestId('language-button').click(); await p.locator(`li[data-value="fa"]`).click();
const scan = async (where) => {
  const hits = await p.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!/[0-9]/.test(text.replace(/\u2068[^\u2069]*\u2069/g, '').replace(/[A-Za-z][A-Za-z-]*[0-9]+/g, ''))) continue;
      if (node.parentElement.closest('[dir="auto"], bdi, input, textarea, canvas')) continue;
      found.push(text);
    }
    return found;
  });
  console.log('## ' + where + '\n' + [...new Set(hits)].join('\n'));
};
await p.waitForTimeout(1000);
await scan('list');
await p.screenshot({ path: '/tmp/shots/fa-list.png', fullPage: true });
await p.goto('http://127.0.0.1:4870/#/past');
await p.waitForTimeout(1500);
await scan('past');
await p.screenshot({ path: '/tmp/shots/fa-past.png', fullPage: true });
await b.close();
