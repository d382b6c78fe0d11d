import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { startPortal, type RunningPortal } from '@credit/portal';
import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, reloadConfig } from '@credit/shared';
import type { Browser } from 'playwright-core';

import { launchChromium } from '../browser';
import { authHeader, insertResidents, startTestStack } from '../harness';
import { API_SCOPE, PORTAL_CLIENT_ID } from '../oidc-provider';

// The portal's production sign-in: the city's identity service (here a real
// OpenID Connect provider, oidc-provider, in a process of its own), the
// authorization code flow with PKCE in the browser, and a gateway that
// trusts only that service's keys and issuer — no development token.

let provider: ChildProcess;
let issuer: string;
let portal: RunningPortal;
let stack: Stack;
let browser: Browser;
const saved = { ...process.env };
const person = makeCitizenId('510722', '1979-11-30', 33);

/** Starts the identity service for the portal's redirect URI; resolves to its issuer URL (its first line). */
function startProvider(redirectUri: string): Promise<string> {
  provider = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'oidc-provider.js'), redirectUri], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  provider.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: provider.stdout! }).once('line', resolve);
    provider.once('exit', (code) => reject(new Error(`the identity service exited (${code}): ${errors}`)));
  });
}

/** A port free now, for the portal, whose address the identity service must know before the portal starts. */
function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

beforeAll(async () => {
  // The portal's root is the redirect URI the identity service allows, and its origin the one the gateway allows.
  const port = await freePort();
  issuer = await startProvider(`http://localhost:${port}/`);
  portal = await startPortal({ port, gatewayUrl: () => stack.gateway.url, oidc: { issuer, clientId: PORTAL_CLIENT_ID, scope: `openid ${API_SCOPE}` } });
  process.env.AUTH_JWKS_URL = `${issuer}/jwks`;
  process.env.AUTH_ISSUER = issuer;
  reloadConfig();
  stack = await startTestStack(undefined, undefined, [new URL(portal.url).origin]);
  await insertResidents(stack, [{ id: person, name: '欧阳明德' }]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await stack?.stop();
  provider?.kill('SIGTERM');
  process.env = saved;
  reloadConfig();
});

describe('signing in to the portal at the city’s identity service', () => {
  it('sends the person to the identity service and back, and their own report is read with its token', async () => {
    expect(await (await fetch(new URL('/config.json', portal.url))).json()).toMatchObject({ signIn: 'oidc', oidc: { issuer, clientId: PORTAL_CLIENT_ID } });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${portal.url}#/sign-in`);
    await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
    // The identity service's own pages: the login, then the consent to the portal.
    await page.waitForURL((url) => url.origin === new URL(issuer).origin);
    await page.locator('input[name="login"]').fill(person);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { level: 1, name: '我的信用报告' }).waitFor();
    await page.locator('.person-name').getByText('欧阳明德').waitFor();
    // The code and state are gone from the address; the token is the tab's alone.
    expect(new URL(page.url()).search).toBe('');
    const session = JSON.parse((await page.evaluate(`sessionStorage.getItem('portal.session')`)) as string) as { token: string; subject: string };
    expect(session.subject).toBe(person);
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: issuer, sub: person, aud: 'mianyang-credit-api', role: 'subject' });
    await page.close();
  });

  it('has no development sign-in once the identity service is configured, and the gateway refuses development tokens', async () => {
    const res = await fetch(new URL('/dev/sign-in', portal.url), { method: 'POST', body: JSON.stringify({ citizenId: person }) });
    expect(res.status).toBe(404);
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { identity { name } } }',
      { id: person },
      await authHeader({ role: 'subject', sub: person }),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
