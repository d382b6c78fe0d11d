import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

import {
  config,
  connectDatabase,
  databaseName,
  GATEWAY_DEFAULT_PORT,
  GATEWAY_NODE_FLAGS,
  parseCli,
  REPO_ROOT,
  stopChildProcess,
  SUBGRAPHS,
  subgraphUrlVariable,
} from '@credit/shared';

import { databaseForCli } from './database-for-cli';
import { curlCommand, DEMO_BANK, demoExamples, findDemoPeople, type DemoExample, type DemoPeople } from './demo';
import { seedPopulation } from './seed-population';

/**
 * `npm start`: the embedded database (unless MONGODB_URI is set), a demo
 * population when the database is empty, every subgraph of the source registry, the gateway
 * and the portal as separate processes — as they would run in a deployment. Service logs go
 * to .run/logs/<service>.log; Ctrl-C stops everything.
 */
const DEMO_PEOPLE = config().DEMO_PEOPLE;
const DEMO_SEED = 2018;
const LOG_DIR = path.join(REPO_ROOT, '.run', 'logs');

const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;
let stopDevDb: (() => Promise<void>) | null = null;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  await Promise.all(children.map(({ child }) => stopChildProcess(child, 5000)));
  await stopDevDb?.();
  process.exit(code);
}

function startService(name: string, args: string[], env: Record<string, string>): void {
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? `code ${code}`}); see ${path.relative(process.cwd(), path.join(LOG_DIR, `${name}.log`))}`);
    void shutdown(1);
  });
  children.push({ name, child });
}

async function waitHealthy(name: string, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Every subgraph runs from the registry through one entry point.
const SERVE_SUBGRAPH = path.join(REPO_ROOT, 'shared', 'dist', 'serve-subgraph.js');

const CLI = {
  command: 'npm start --',
  summary:
    'Starts the whole system: the embedded database (unless MONGODB_URI is set), a demo population when the database is empty, every subgraph of the source registry, the gateway and the portal, as separate processes. Logs go to .run/logs/; Ctrl-C stops everything.',
  options: {},
} as const;

async function main(): Promise<void> {
  parseCli(CLI);
  mkdirSync(LOG_DIR, { recursive: true });
  const { uri, devDb } = await databaseForCli();
  stopDevDb = devDb ? () => devDb.stop() : null;
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const probe = await connectDatabase({ uri, dbName: databaseName('public-security') });
  const residents = await probe
    .db!.collection('residents')
    .estimatedDocumentCount()
    .catch(() => 0);
  await probe.close();
  if (residents === 0) {
    console.log(`Empty database: seeding a demo population of ${DEMO_PEOPLE} people (seed ${DEMO_SEED})...`);
    await seedPopulation({ mongoUri: uri, people: DEMO_PEOPLE, seed: DEMO_SEED });
  }

  const host = config().HOST;
  const subgraphUrls: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    const port = entry.defaultPort;
    subgraphUrls[subgraphUrlVariable(entry.name)] = `http://${host}:${port}/graphql`;
    startService(entry.name, [SERVE_SUBGRAPH, entry.name], { MONGODB_URI: uri, PORT: String(port), HOST: host });
  }
  await Promise.all(SUBGRAPHS.map((e) => waitHealthy(e.name, `http://${host}:${e.defaultPort}/health`)));

  const people = await findDemoPeople({ uri, seed: DEMO_SEED, people: DEMO_PEOPLE });
  const gatewayPort = config().PORT ?? GATEWAY_DEFAULT_PORT;
  const url = `http://localhost:${gatewayPort}/graphql`;
  const portalPort = config().PORTAL_PORT;
  const portalOrigin = `http://localhost:${portalPort}`;
  startService('gateway', [...GATEWAY_NODE_FLAGS, path.join(REPO_ROOT, 'gateway', 'dist', 'index.js')], {
    ...subgraphUrls,
    PORT: String(gatewayPort),
    HOST: host,
    // The explorer's default query: what the public sees of a person on a public list.
    SAMPLE_CITIZEN_ID: people.debtor ?? people.penalty ?? people.cleanAdult,
    // The portal's pages call the gateway from the browser.
    CORS_ORIGINS: [portalOrigin, ...(config().CORS_ORIGINS ?? [])].join(','),
  });
  startService('portal', [path.join(REPO_ROOT, 'portal', 'dist', 'server.js')], { PORTAL_PORT: String(portalPort), PORTAL_GATEWAY_URL: url, HOST: host });
  await waitHealthy('gateway', `http://${host}:${gatewayPort}/health`);
  await waitHealthy('portal', `http://${host}:${portalPort}/health`);

  console.log(`Gateway ready at ${url}`);
  console.log(`Portal (信用中国（四川绵阳）): ${portalOrigin}/`);
  console.log(`Explorer: http://localhost:${gatewayPort}/explorer   Logs: .run/logs/   Stop: Ctrl-C`);
  await printFirstQueries(people, url, `http://${host}:${gatewayPort}/graphql`);
}

/**
 * The demo people and one working query per role, with development tokens
 * (never in production, where the gateway refuses them anyway). Each query
 * is run once first: a newcomer's first query must answer without an error,
 * and one that does not is reported here rather than left to them.
 */
async function printFirstQueries(people: DemoPeople, url: string, reachableUrl: string): Promise<void> {
  const named = [
    ['dishonest debtor', people.debtor],
    ['red list', people.redList],
    ['clean adult', people.cleanAdult],
    ['penalty', people.penalty],
    [`consented to ${DEMO_BANK.name} for LOAN`, people.consented?.id ?? null],
  ].filter((p): p is [string, string] => p[1] !== null);
  console.log(`\nDemo people (seed ${DEMO_SEED}, as the records stand today): ${named.map(([what, id]) => `${what} ${id}`).join('; ')}`);
  if (config().production) return;
  const examples = await demoExamples(people);
  console.log('\nTry (one query per role; the tokens are development tokens valid 12 h, `npm run token -- --help` makes others):');
  for (const example of examples) {
    const { body } = await postQuery(reachableUrl, example).catch((err: unknown) => ({ body: { errors: [{ message: (err as Error).message }] } }));
    const problem = body.errors?.length ? `  (answered with errors: ${body.errors.map((e) => e.message).join('; ')})` : '';
    console.log(`\n  # ${example.role}: ${example.title}${problem}`);
    console.log(`  ${curlCommand(example, url)}`);
  }
}

async function postQuery(url: string, example: DemoExample): Promise<{ body: { errors?: { message: string }[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...example.headers },
    body: JSON.stringify({ query: example.query }),
    signal: AbortSignal.timeout(10_000),
  });
  return { body: (await res.json()) as { errors?: { message: string }[] } };
}

main().catch((err: unknown) => {
  console.error(`start failed: ${(err as Error).message}`);
  void shutdown(1);
});
