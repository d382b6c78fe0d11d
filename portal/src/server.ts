import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { config, createLogger, isValidCitizenId, parseCli, readBody, signDevToken } from '@credit/shared';
import sirv from 'sirv';

/** The portal's built pages (`npm run build:portal`). */
export const PORTAL_APP_DIR = path.join(__dirname, '..', 'app', 'dist');

export interface PortalOptions {
  port?: number;
  host?: string;
  /** The gateway's URL as the browser reaches it (a function when it is known only once the portal listens: tests). */
  gatewayUrl: string | (() => string);
  /**
   * Outside production, `POST /dev/sign-in` signs a person in by their
   * citizen ID alone (a development token the gateway refuses in
   * production); in production the portal has no such route.
   */
  developmentSignIn?: boolean;
  /** Sign-in at the city's OpenID Connect identity service; when given, it is the portal's sign-in. */
  oidc?: OidcSettings;
}

/** What the pages need to sign a person in at the identity service (authorization code with PKCE). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** How the pages sign a person in, as `/config.json` tells them. */
function signInOf(options: PortalOptions): { signIn: 'oidc'; oidc: OidcSettings } | { signIn: 'development' | 'none' } {
  if (options.oidc) return { signIn: 'oidc', oidc: options.oidc };
  return { signIn: options.developmentSignIn ? 'development' : 'none' };
}

/** How long a development sign-in lasts. */
const DEV_SESSION = '2h';

/** The largest sign-in body read: a citizen ID in JSON. */
const MAX_SIGN_IN_BYTES = 1024;

/** A development sign-in: the subject's token for a valid citizen ID; a coded error otherwise (the ID is not repeated). */
async function developmentSignIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  if (req.method !== 'POST') return void reply(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'POST a citizen ID' } });
  const body = (await readBody(req, MAX_SIGN_IN_BYTES)
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => null)) as { citizenId?: unknown } | null;
  const citizenId = typeof body?.citizenId === 'string' ? body.citizenId.trim().toUpperCase() : '';
  if (!isValidCitizenId(citizenId)) return void reply(400, { error: { code: 'BAD_USER_INPUT', message: 'Not a valid citizen ID' } });
  reply(200, { token: await signDevToken({ role: 'subject', sub: citizenId }, DEV_SESSION), subject: citizenId });
}

export interface RunningPortal {
  url: string;
  stop(): Promise<void>;
}

/**
 * What a page may load and call: its own files, the gateway and the
 * identity service (its discovery document and token endpoint), nothing
 * else (no inline script, no other origin), so an injected text cannot run
 * or send a citizen's data elsewhere.
 */
function securityHeaders(gatewayUrl: string, oidc: OidcSettings | undefined): Record<string, string> {
  const connect = [new URL(gatewayUrl).origin, ...(oidc ? [new URL(oidc.issuer).origin] : [])].join(' ');
  return {
    'content-security-policy': `default-src 'self'; connect-src 'self' ${connect}; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * The portal's web server: its static pages (sirv: compressed, cached by
 * content hash), `/config.json` telling the pages where the gateway is,
 * and `/health`. The pages call the gateway directly with the caller's
 * token; the gateway allows this origin (CORS_ORIGINS).
 */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const gatewayUrl = typeof options.gatewayUrl === 'string' ? () => options.gatewayUrl as string : options.gatewayUrl;
  const headers = () => securityHeaders(gatewayUrl(), options.oidc);
  const assets = sirv(PORTAL_APP_DIR, {
    etag: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headers())) res.setHeader(name, value);
      // Built files are named by their content's hash and never change; the page that names them is revalidated.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/config.json') {
      const body = { gatewayUrl: gatewayUrl(), ...signInOf(options) };
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers() }).end(JSON.stringify(body));
      return;
    }
    if (pathname === '/dev/sign-in' && options.developmentSignIn && !options.oidc) {
      void developmentSignIn(req, res);
      return;
    }
    if (pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', service: 'portal' }));
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers() }).end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const CLI = {
  command: 'node portal/dist/server.js',
  summary: 'Serves the portal (信用中国（四川绵阳）) on PORTAL_PORT; its pages call the gateway at PORTAL_GATEWAY_URL.',
  options: {},
} as const;

async function main(): Promise<void> {
  parseCli(CLI);
  const log = createLogger({ service: 'portal' });
  const { PORTAL_PORT, PORTAL_GATEWAY_URL, HOST, PORTAL_OIDC_ISSUER, PORTAL_OIDC_CLIENT_ID, PORTAL_OIDC_SCOPE } = config();
  if (Boolean(PORTAL_OIDC_ISSUER) !== Boolean(PORTAL_OIDC_CLIENT_ID))
    throw new Error('PORTAL_OIDC_ISSUER and PORTAL_OIDC_CLIENT_ID go together: set both for the OpenID Connect sign-in, or neither');
  const oidc =
    PORTAL_OIDC_ISSUER && PORTAL_OIDC_CLIENT_ID ? { issuer: PORTAL_OIDC_ISSUER, clientId: PORTAL_OIDC_CLIENT_ID, scope: PORTAL_OIDC_SCOPE } : undefined;
  const portal = await startPortal({ port: PORTAL_PORT, host: HOST, gatewayUrl: PORTAL_GATEWAY_URL, developmentSignIn: !config().production, oidc });
  log.info('portal ready', { url: portal.url, gateway: PORTAL_GATEWAY_URL });
  const stop = () => void portal.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`portal failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
