import { readFileSync } from 'node:fs';
import path from 'node:path';

import { GATEWAY_DEFAULT_PORT, PORTAL_DEFAULT_PORT, REPO_ROOT, SUBGRAPHS } from '@credit/shared';
import { parse } from 'yaml';

type Service = { ports?: string[]; networks?: string[]; command?: string[]; environment?: Record<string, string> };

// The committed file: `npm run check:generated` fails the tests when it is not what the registry makes.
describe('the generated docker-compose.yml', () => {
  const services = (parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> }).services;

  it('publishes only the gateway and the portal; the sources and MongoDB stay on the backend network', () => {
    const published = Object.entries(services)
      .filter(([, s]) => s.ports?.length)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['gateway', 'portal']);
    for (const entry of SUBGRAPHS) expect(services[entry.name]?.networks).toEqual(['backend']);
    expect(services.portal?.networks).toEqual(['edge']);
  });

  it('runs the portal’s server, pointed at the gateway’s public URL, and lets its origin call the gateway from a browser', () => {
    expect(services.portal?.command).toEqual(['node', 'portal/dist/server.js']);
    expect(services.portal?.environment?.PORTAL_GATEWAY_URL).toContain(`http://localhost:${GATEWAY_DEFAULT_PORT}/graphql`);
    expect(services.gateway?.environment?.CORS_ORIGINS).toContain(`http://localhost:${PORTAL_DEFAULT_PORT}`);
    // In production people sign in at the identity service; nothing starts without it named.
    expect(services.portal?.environment?.PORTAL_OIDC_ISSUER).toMatch(/^\$\{PORTAL_OIDC_ISSUER:\?/);
    expect(services.portal?.environment?.PORTAL_OIDC_CLIENT_ID).toMatch(/^\$\{PORTAL_OIDC_CLIENT_ID:\?/);
  });
});
