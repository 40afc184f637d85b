import { test, expect } from '@playwright/test';

// Everything GraphiQL needs comes from the router; any other request is
// blocked and recorded, and the test fails if one was attempted.
async function offline(page) {
  const blocked = [];
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
    blocked.push(u.href);
    return route.abort('internetdisconnected');
  });
  return blocked;
}

async function setQuery(page, query) {
  await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor();
  await page.evaluate((q) => {
    document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(q);
  }, query);
}

function response(page) {
  return page.evaluate(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror');
    return cm ? cm.CodeMirror.getValue() : '';
  });
}

test('GraphiQL runs a query, a subscription and shows the docs offline', async ({ page }) => {
  const blocked = await offline(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto('/graphql', { waitUntil: 'networkidle' });
  await expect(page.locator('.graphiql-container')).toBeVisible();

  // A query over HTTP with an entity join in the router.
  await setQuery(page, 'mutation { publish(topic: "t", body: "hello", authorId: "a1") { body author { name } } }');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => response(page), { timeout: 15_000 }).toContain('name-of-a1');

  await setQuery(page, '{ ping }');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => response(page), { timeout: 15_000 }).toContain('"pong"');

  // A subscription over WebSocket: three events, the last one stays shown.
  await setQuery(page, 'subscription { countdown(topic: "x", n: 3) { body author { name } } }');
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => response(page), { timeout: 15_000 }).toMatch(/"body": "1"[\s\S]*name-of-a/);

  // Docs from introspection.
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  await expect(page.locator('.graphiql-doc-explorer')).toContainText('Subscription');

  // Autocomplete from the same schema.
  await setQuery(page, '{ pi');
  await page.evaluate(() => {
    const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
    cm.focus();
    cm.setCursor({ line: 0, ch: 4 });
    cm.execCommand('autocomplete');
  });
  await expect(page.locator('.CodeMirror-hints')).toContainText('ping');

  await page.screenshot({ path: 'test-results/graphiql.png' });
  expect(blocked, 'requests outside the loopback').toEqual([]);
  expect(errors, 'page errors').toEqual([]);
});
