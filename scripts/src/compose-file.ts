import path from 'node:path';

import { GATEWAY_DEFAULT_PORT, GATEWAY_NODE_FLAGS, PORTAL_DEFAULT_PORT, REPO_ROOT, SUBGRAPHS, subgraphUrlVariable, type SourceEntry } from '@credit/shared';
import { format, resolveConfig } from 'prettier';

/**
 * docker-compose.yml, made from the source registry (`npm run compose`,
 * checked for freshness before the tests): MongoDB, one service per source
 * of the registry, the gateway, which is told every source's URL, and the
 * portal.
 */
export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

const HEADER = `# Generated from the source registry (shared/src/subgraph-registry.ts) by
# \`npm run compose\`; do not edit.
#
# A multi-service deployment: MongoDB, the subgraphs of the source registry,
# the gateway and the portal (信用中国（四川绵阳）). Each source gets its own
# database on the MongoDB server (credit_<subgraph>). No replica set: the
# data access uses single-document atomic updates only. Local runs use
# \`npm start\` instead (embedded FerretDB, no Docker needed).
#
# Only the gateway and the portal are reachable from outside: the subgraphs
# and MongoDB sit on the internal \`backend\` network (no route out, no
# published port), and a subgraph answers only calls carrying a principal the
# gateway signed for it. The portal's pages call the gateway from the
# browser: set PORTAL_GATEWAY_URL to the gateway's public URL and
# CORS_ORIGINS to the portal's.`;

function healthcheck(port: number): string {
  return `    healthcheck:
      test: ['CMD', 'node', '-e', "fetch('http://127.0.0.1:${port}/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      interval: 10s
      timeout: 3s
      retries: 5
      start_period: 10s`;
}

// What one source needs beyond the common settings: the platform seals the query log and signs credit reports with its keys.
function extras(entry: SourceEntry): { environment: string[]; secrets: string[] } {
  if (entry.kind !== 'platform') return { environment: [], secrets: [] };
  return {
    environment: [
      '      # The Ed25519 key that seals the query log and signs its checkpoints.',
      '      QUERY_LOG_SIGNING_KEY_FILE: /run/secrets/query_log_signing_key',
      '      # The Ed25519 key that signs the credit reports the platform issues.',
      '      CREDIT_REPORT_SIGNING_KEY_FILE: /run/secrets/credit_report_signing_key',
    ],
    secrets: ['    secrets: [query_log_signing_key, credit_report_signing_key]'],
  };
}

function sourceService(entry: SourceEntry): string {
  const { environment, secrets } = extras(entry);
  return [
    `  ${entry.name}:`,
    '    <<: *service',
    `    command: ['node', 'shared/dist/serve-subgraph.js', '${entry.name}']`,
    '    environment:',
    '      <<: *env',
    `      PORT: '${entry.defaultPort}'`,
    ...environment,
    ...secrets,
    '    depends_on:',
    '      mongo:',
    '        condition: service_healthy',
    healthcheck(entry.defaultPort),
  ].join('\n');
}

function gatewayService(): string {
  return [
    '  gateway:',
    '    <<: *service',
    `    command: [${['node', ...GATEWAY_NODE_FLAGS, 'gateway/dist/index.js'].map((arg) => `'${arg}'`).join(', ')}]`,
    '    networks: [edge, backend]',
    '    ports:',
    `      - '${GATEWAY_DEFAULT_PORT}:${GATEWAY_DEFAULT_PORT}'`,
    '    environment:',
    '      <<: *env',
    `      PORT: '${GATEWAY_DEFAULT_PORT}'`,
    '      # The web origins whose pages call the API from a browser: the portal as its users reach it.',
    `      CORS_ORIGINS: \${CORS_ORIGINS:-http://localhost:${PORTAL_DEFAULT_PORT}}`,
    ...SUBGRAPHS.map((s) => `      ${subgraphUrlVariable(s.name)}: http://${s.name}:${s.defaultPort}/graphql`),
    '    depends_on:',
    ...SUBGRAPHS.flatMap((s) => [`      ${s.name}:`, '        condition: service_healthy']),
    healthcheck(GATEWAY_DEFAULT_PORT),
  ].join('\n');
}

// The portal's pages call the gateway from the browser: it needs the gateway's public URL, not the network's.
function portalService(): string {
  return [
    '  portal:',
    '    <<: *service',
    "    command: ['node', 'portal/dist/server.js']",
    '    networks: [edge]',
    '    ports:',
    `      - '${PORTAL_DEFAULT_PORT}:${PORTAL_DEFAULT_PORT}'`,
    '    environment:',
    '      <<: *env',
    `      PORTAL_PORT: '${PORTAL_DEFAULT_PORT}'`,
    `      PORTAL_GATEWAY_URL: \${PORTAL_GATEWAY_URL:-http://localhost:${GATEWAY_DEFAULT_PORT}/graphql}`,
    // People sign in at the identity service whose tokens the gateway verifies (AUTH_ISSUER, AUTH_JWKS_URL).
    '      PORTAL_OIDC_ISSUER: ${PORTAL_OIDC_ISSUER:?set PORTAL_OIDC_ISSUER to the identity service people sign in with}',
    "      PORTAL_OIDC_CLIENT_ID: ${PORTAL_OIDC_CLIENT_ID:?set PORTAL_OIDC_CLIENT_ID to the portal's client ID there}",
    '      PORTAL_OIDC_SCOPE: ${PORTAL_OIDC_SCOPE:-openid}',
    '    depends_on:',
    '      gateway:',
    '        condition: service_healthy',
    healthcheck(PORTAL_DEFAULT_PORT),
  ].join('\n');
}

export async function dockerComposeFile(): Promise<string> {
  const text = `${HEADER}
x-service: &service
  build: .
  image: mianyang-credit:latest
  restart: unless-stopped
  networks: [backend]
  environment: &env
    MONGODB_URI: mongodb://mongo:27017/
    HOST: 0.0.0.0
    LOG_LEVEL: info
    NODE_ENV: production
    # Shared by the gateway and the subgraphs to sign and verify the forwarded principal.
    INTERNAL_SIGNING_SECRET: \${INTERNAL_SIGNING_SECRET:?set INTERNAL_SIGNING_SECRET (openssl rand -base64 32)}
    # Where the gateway fetches the keys that sign callers' tokens.
    AUTH_JWKS_URL: \${AUTH_JWKS_URL:?set AUTH_JWKS_URL to the identity provider's JWKS}
    AUTH_ISSUER: \${AUTH_ISSUER:-mianyang-credit}

services:
  mongo:
    image: mongo:7.0
    networks: [backend]
    volumes:
      - mongo-data:/data/db
    healthcheck:
      test: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"]
      interval: 10s
      timeout: 5s
      retries: 10
      start_period: 20s

${[...SUBGRAPHS.map(sourceService), gatewayService(), portalService()].join('\n\n')}

volumes:
  mongo-data:

networks:
  edge: {}
  backend:
    internal: true

secrets:
  query_log_signing_key:
    # openssl genpkey -algorithm ed25519 -out query-log-key.pem
    file: \${QUERY_LOG_SIGNING_KEY_FILE:?set QUERY_LOG_SIGNING_KEY_FILE to the PEM file of the platform's Ed25519 log key}
  credit_report_signing_key:
    # openssl genpkey -algorithm ed25519 -out credit-report-key.pem
    file: \${CREDIT_REPORT_SIGNING_KEY_FILE:?set CREDIT_REPORT_SIGNING_KEY_FILE to the PEM file of the platform's Ed25519 report key}
`;
  const options = (await resolveConfig(COMPOSE_FILE)) ?? {};
  return format(text, { ...options, filepath: COMPOSE_FILE });
}
