import type { Stack } from '@credit/scripts/dist/stack';
import type { Browser } from 'playwright-core';

import { launchChromium } from '../browser';
import { startTestStack } from '../harness';

// The local explorer in a real browser (issue: GraphiQL's own introspection
// query was refused as QUERY_TOO_DEEP, so the explorer loaded without its
// schema). Debian's chromium, driven by playwright-core; `.ci/run` installs
// it.

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the explorer at /explorer', () => {
  it('loads the schema: the documentation explorer lists the root types and Person', async () => {
    const page = await browser.newPage();
    const introspection: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/graphql') && res.request().postData()?.includes('__schema')) introspection.push(res.status());
    });
    await page.goto(stack.gateway.url.replace('/graphql', '/explorer'));
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    // The docs pane names the schema's root query type once the schema is loaded.
    await page.getByRole('link', { name: 'Query' }).first().waitFor({ timeout: 30_000 });
    expect(introspection).toContain(200);
    await page.getByRole('link', { name: 'Query' }).first().click();
    await page.getByText('person', { exact: true }).first().waitFor();
    await page.close();
  });
});
