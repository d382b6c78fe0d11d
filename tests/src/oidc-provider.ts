import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { TOKEN_AUDIENCE } from '@credit/shared';

/**
 * A real OpenID Connect provider for the portal's sign-in tests, in the
 * role of the city's identity service: oidc-provider (certified by the
 * OpenID Foundation) with its development login pages, where any login is
 * accepted as the citizen ID it names. It issues the gateway's kind of
 * access token: a JWT for the API's audience with `role: subject` and the
 * citizen ID as `sub`, signed with a key published at its JWKS URL.
 *
 * It runs as a process of its own (`node tests/dist/oidc-provider.js
 * <redirect URI>`; oidc-provider is an ES module, which jest's module
 * system does not load) and prints its issuer URL on its first line.
 */

/** The resource the portal's tokens are for: the credit API. */
export const API_RESOURCE = 'https://credit.mianyang.gov.cn/api';
/** The scope the portal asks for besides `openid`. */
export const API_SCOPE = 'credit:self';
export const PORTAL_CLIENT_ID = 'credit-portal';

interface Provider {
  callback(): http.RequestListener;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

async function main(): Promise<void> {
  const redirectUri = process.argv[2];
  if (!redirectUri) throw new Error('usage: node tests/dist/oidc-provider.js <the portal’s redirect URI>');
  // A variable specifier: the module is loaded as the ES module it is, untyped here.
  const specifier = 'oidc-provider';
  const { default: OidcProvider } = (await import(specifier)) as { default: ProviderConstructor };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const signingKey = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), kid: 'test-idp', alg: 'ES256', use: 'sig' };

  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: PORTAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', API_SCOPE],
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id }) }),
    pkce: { methods: ['S256'], required: () => true },
    clientBasedCORS: () => true,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: API_SCOPE,
          audience: TOKEN_AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { kind: string }) => (token.kind === 'AccessToken' ? { role: 'subject' } : undefined),
  });
  server.on('request', provider.callback());
  process.stdout.write(`${issuer}\n`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`oidc provider failed: ${(err as Error).stack}\n`);
    process.exit(1);
  });
