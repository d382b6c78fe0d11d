import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Stack } from '@credit/scripts/dist/stack';
import { encodeCursor, ensureDevSigningKeys, makeCitizenId, reloadConfig, startupProblems } from '@credit/shared';
import { queryLogSigningKey } from '@credit/subgraph-platform';
import { getIntrospectionQuery } from 'graphql';

import { startTestStack } from '../harness';

let stack: Stack;
const saved = { ...process.env };

beforeAll(async () => {
  // Production needs its keys configured explicitly; it never falls back to dev files.
  const dir = mkdtempSync(path.join(tmpdir(), 'credit-prod-'));
  const keyFile = path.join(dir, 'public.jwk.json');
  writeFileSync(keyFile, JSON.stringify((await ensureDevSigningKeys()).publicJwk));
  process.env.NODE_ENV = 'production';
  process.env.AUTH_PUBLIC_KEY_FILE = keyFile;
  process.env.INTERNAL_SIGNING_SECRET = randomBytes(32).toString('base64url');
  const logKeyFile = path.join(dir, 'query-log-key.pem');
  writeFileSync(logKeyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  process.env.QUERY_LOG_SIGNING_KEY_FILE = logKeyFile;
  const reportKeyFile = path.join(dir, 'credit-report-key.pem');
  writeFileSync(reportKeyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  process.env.CREDIT_REPORT_SIGNING_KEY_FILE = reportKeyFile;
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  process.env = saved;
  reloadConfig();
});

const id = makeCitizenId('510727', '1966-01-20', 20);

describe('production mode', () => {
  it('refuses to start a service with every problem of its configuration named at once', () => {
    const problems = startupProblems('platform', { NODE_ENV: 'production', PORT: 'eighty', LOG_LEVEL: 'loud', MONGODB_URI: 'localhost:27017' });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^MONGODB_URI: must be a mongodb:\/\/ or mongodb\+srv:\/\/ URI/),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^INTERNAL_SIGNING_SECRET must be set in production/),
      expect.stringMatching(/^QUERY_LOG_SIGNING_KEY_FILE must be set in production/),
      expect.stringMatching(/^CREDIT_REPORT_SIGNING_KEY_FILE must be set in production/),
    ]);
    // A malformed URI may carry credentials: the message names the setting, never its value.
    expect(problems.join('\n')).not.toContain('localhost:27017');
    expect(startupProblems('gateway', { NODE_ENV: 'production', INTERNAL_SIGNING_SECRET: 'a'.repeat(32) })).toEqual([
      expect.stringMatching(/^INTERNAL_SIGNING_SECRET looks guessable/),
      expect.stringMatching(/^AUTH_JWKS_URL \(or AUTH_PUBLIC_KEY_FILE\) must be set in production/),
    ]);
  });

  it('refuses to start a subgraph that would serve unsigned calls as the public (the peers benchmark mode)', () => {
    const secrets = { NODE_ENV: 'production', INTERNAL_SIGNING_SECRET: 'Zx8q-Lm3v_Rt7n-Wp2k_Jd9s-Hf4g_Bc6y', MONGODB_URI: 'mongodb://db:27017' };
    expect(startupProblems('subgraph', { ...secrets, BENCH_UNSIGNED_PUBLIC_READS: 'true' })).toEqual([
      expect.stringMatching(/^BENCH_UNSIGNED_PUBLIC_READS must not be set in production/),
    ]);
    expect(startupProblems('subgraph', secrets)).toEqual([]);
  });

  it('refuses introspection', async () => {
    const { status, body } = await stack.query('{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no field suggestions in validation errors', async () => {
    const { body } = await stack.query(`{ person(id: "${id}") { identiti { name } } }`);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('serves no explorer', async () => {
    expect((await fetch(stack.gateway.url.replace('/graphql', '/explorer'))).status).toBe(404);
  });

  it('still answers queries, without stack traces in errors', async () => {
    const { body } = await stack.query(`{ person(id: "${id}") { id taxCreditLevel { level } } }`);
    expect(body.data).toBeDefined();
    for (const e of body.errors ?? []) expect(e.extensions?.stacktrace).toBeUndefined();
  });

  it('names no internal service in errors (no serviceName, no subgraph)', async () => {
    const { body } = await stack.query(`{ person(id: "${id}") { violations(after: "${encodeCursor('NO-SUCH-RECORD')}") { totalCount } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const e of body.errors ?? []) {
      expect(e.extensions?.serviceName).toBeUndefined();
      expect(e.extensions?.subgraph).toBeUndefined();
    }
  });

  it('refuses the standard introspection query, which passes outside production', async () => {
    const { status } = await stack.query(getIntrospectionQuery());
    expect(status).toBe(400);
  });

  it('refuses to start without the production secrets, naming the setting', async () => {
    const { internalSigningSecret } = await import('@credit/shared');
    const secret = process.env.INTERNAL_SIGNING_SECRET;
    delete process.env.INTERNAL_SIGNING_SECRET;
    reloadConfig();
    try {
      expect(() => internalSigningSecret()).toThrow(/INTERNAL_SIGNING_SECRET must be set in production/);
      process.env.INTERNAL_SIGNING_SECRET = 'a'.repeat(32);
      reloadConfig();
      expect(() => internalSigningSecret()).toThrow(/INTERNAL_SIGNING_SECRET looks guessable/);
    } finally {
      process.env.INTERNAL_SIGNING_SECRET = secret;
      reloadConfig();
    }
  });

  it('refuses to start the platform without its query log key, naming the setting', async () => {
    const file = process.env.QUERY_LOG_SIGNING_KEY_FILE;
    delete process.env.QUERY_LOG_SIGNING_KEY_FILE;
    reloadConfig();
    try {
      expect(() => queryLogSigningKey()).toThrow(/QUERY_LOG_SIGNING_KEY_FILE must be set in production/);
    } finally {
      process.env.QUERY_LOG_SIGNING_KEY_FILE = file;
      reloadConfig();
    }
  });
});
