import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import {
  GATEWAY_DEFAULT_PORT,
  INTERNAL_PRINCIPAL_HEADER,
  internalSigningSecret,
  parseCli,
  PUBLIC_PRINCIPAL,
  REPO_ROOT,
  signInternalToken,
  sourceEntry,
  stopChildProcess,
  syntheticPeople,
} from '@credit/shared';
import autocannon from 'autocannon';

/**
 * Our gateway against the gateways a user could pick instead, over the same
 * supergraph and the same running subgraphs (`npm start` with
 * `BENCH_UNSIGNED_PUBLIC_READS=true`): a stock `@apollo/gateway` with its
 * defaults, Hive Gateway's runtime with its defaults, and the subgraph
 * called directly. Rounds are interleaved (every target once per scenario
 * in each round, the order rotated) and each figure is the median over the
 * rounds. Every request reads a different citizen ID, so no gateway can
 * answer one from another's in-flight twin. Our gateway authorises, masks
 * and writes the query log on every read; the peers do none of it. Besides
 * req/s and latency it reports the CPU per read of every process and the
 * highest resident memory of each gateway during the run (both from /proc).
 *
 *   npm run bench:peers -- [--rounds 3] [--duration 5] [--connections 10,50]
 */
const { values } = parseCli({
  command: 'npm run bench:peers --',
  summary:
    "Our gateway against a stock @apollo/gateway, Hive Gateway and the subgraph called directly: req/s, p50, p99, CPU per read of every process and each gateway's peak RSS, in interleaved rounds.",
  options: {
    rounds: { type: 'string', default: '3', value: 'N', description: 'interleaved rounds (medians are reported)' },
    duration: { type: 'string', default: '5', value: 'S', description: 'seconds per run' },
    connections: { type: 'string', default: '10,50', value: 'LIST', description: 'concurrent connections, comma-separated' },
    gateway: { type: 'string', default: `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`, value: 'URL', description: 'our gateway' },
    only: { type: 'string', value: 'TEXT', description: 'run only the scenarios whose name contains TEXT' },
    seed: { type: 'string', default: '2018', value: 'S', description: 'seed of the demo population' },
    people: { type: 'string', default: '2000', value: 'N', description: 'size of the demo population' },
  },
});

const rounds = Number(values.rounds);
const duration = Number(values.duration);
const connectionCounts = values.connections!.split(',').map(Number);
const ids = syntheticPeople(Number(values.seed), 0, Number(values.people)).map((p) => p.id);
const SUPERGRAPH = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
const COURTS_URL = `http://127.0.0.1:${sourceEntry('courts').defaultPort}/graphql`;

interface Scenario {
  name: string;
  /** The body of request i through a gateway. */
  gatewayBody: (i: number) => string;
  /** The same read asked of the subgraph that owns it, if it has one owner. */
  direct?: (i: number) => string;
  /** Connection counts it runs at (default: all). */
  connections?: number[];
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const pick = (i: number) => ids[i % ids.length]!;
const hundred = (i: number) => Array.from({ length: 100 }, (_, k) => pick(i * 100 + k));

const LISTINGS = 'dishonestDebtorListings(first: 10) { totalCount nodes { id court grade listedOn } }';
const SCENARIOS: Scenario[] = [
  {
    name: 'one-source read (courts listings)',
    gatewayBody: (i) => body(`query Listings($id: CitizenId!) { person(id: $id) { id ${LISTINGS} } }`, { id: pick(i) }),
    direct: (i) =>
      body(`query Listings($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id ${LISTINGS} } } }`, {
        reps: [{ __typename: 'Person', id: pick(i) }],
      }),
  },
  {
    name: 'three-source read (identity, listings, joint punishment)',
    gatewayBody: (i) =>
      body(`query Three($id: CitizenId!) { person(id: $id) { id identity { name } ${LISTINGS} jointPunishment { listed categories } } }`, { id: pick(i) }),
  },
  {
    name: 'people(100 ids), one public field',
    gatewayBody: (i) =>
      body('query Hundred($ids: [CitizenId!]!) { people(ids: $ids) { id dishonestDebtorListings(first: 1) { totalCount } } }', { ids: hundred(i) }),
    direct: (i) =>
      body('query Hundred($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id dishonestDebtorListings(first: 1) { totalCount } } } }', {
        reps: hundred(i).map((id) => ({ __typename: 'Person', id })),
      }),
    connections: [connectionCounts[0]!],
  },
];

type TargetName = 'ours' | 'stock @apollo/gateway' | 'Hive Gateway' | 'direct subgraph';
interface Target {
  name: TargetName;
  url: string;
  /** Per-request headers made from the body (the direct call carries the principal our gateway would sign). */
  headers?: (body: string) => Record<string, string>;
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU ms per answered request, by process group. */
  cpuPerRequest: Record<string, number>;
  /** Highest resident memory of each gateway during the run, MiB. */
  peakRssMiB: Record<string, number>;
}

// ---- CPU and memory of every process, from /proc ----

const TICK_MS = 10; // USER_HZ is 100 on Linux
const GROUPS: [string, (cmdline: string, comm: string) => boolean][] = [
  ['ours', (c) => c.includes('gateway/dist/index.js')],
  ['stock', (c) => c.includes('peers/apollo.js')],
  ['hive', (c) => c.includes('peers/hive.js')],
  ['platform', (c) => c.endsWith('serve-subgraph.js platform')],
  ['courts', (c) => c.endsWith('serve-subgraph.js courts')],
  ['public-security', (c) => c.endsWith('serve-subgraph.js public-security')],
  ['other subgraphs', (c) => c.includes('serve-subgraph.js')],
  ['devdb', (c) => c.includes('devdb')],
  ['postgres', (_c, comm) => comm === 'postgres'],
];

/**
 * Adds up, per group, `measure` of every process in one (this process
 * aside). `measure` gets the process's id and its stat line; a process that
 * ends meanwhile counts for nothing.
 */
function sumByGroup(groups: readonly string[], measure: (pid: string, stat: string) => number): Record<string, number> {
  const sums: Record<string, number> = Object.fromEntries(groups.map((g) => [g, 0]));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const group = GROUPS.find(([, matches]) => matches(cmdline, comm))?.[0];
      if (group !== undefined && group in sums) sums[group]! += measure(pid, stat);
    } catch {
      // The process ended meanwhile.
    }
  }
  return sums;
}

/** CPU ticks used so far by each group. */
function cpuTicksByGroup(): Record<string, number> {
  return sumByGroup(
    GROUPS.map(([g]) => g),
    (_pid, stat) => {
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
      return Number(fields[11]) + Number(fields[12]);
    },
  );
}

const GATEWAY_GROUPS = ['ours', 'stock', 'hive'];
/** The process group of each gateway target (the direct call has none). */
const GATEWAY_GROUP_OF_TARGET: Partial<Record<TargetName, string>> = { ours: 'ours', 'stock @apollo/gateway': 'stock', 'Hive Gateway': 'hive' };
const RSS_SAMPLE_MS = 250;

/** Resident memory of each gateway's processes now, MiB. */
function rssByGateway(): Record<string, number> {
  return sumByGroup(GATEWAY_GROUPS, (pid) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
}

// ---- load ----

async function run(target: Target, scenario: Scenario, connections: number, seconds: number, offset: number): Promise<Run> {
  const makeBody = target.name === 'direct subgraph' ? scenario.direct! : scenario.gatewayBody;
  let i = offset;
  const before = cpuTicksByGroup();
  const peakRssMiB: Record<string, number> = Object.fromEntries(GATEWAY_GROUPS.map((g) => [g, 0]));
  const sampler = setInterval(() => {
    for (const [g, mib] of Object.entries(rssByGateway())) peakRssMiB[g] = Math.max(peakRssMiB[g]!, mib);
  }, RSS_SAMPLE_MS);
  const result = await autocannon({
    url: target.url,
    duration: seconds,
    connections,
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const requestBody = makeBody(i++);
          return { ...req, body: requestBody, headers: { ...req.headers, ...target.headers?.(requestBody) } };
        },
      },
    ],
  });
  clearInterval(sampler);
  const after = cpuTicksByGroup();
  const answered = Math.max(1, result.requests.total);
  const cpuPerRequest = Object.fromEntries(GROUPS.map(([g]) => [g, ((after[g]! - before[g]!) * TICK_MS) / answered]));
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuPerRequest,
    peakRssMiB,
  };
}

/** One answer of each target, checked: a bench that only measures errors must not pass unnoticed. */
async function probe(target: Target, scenario: Scenario): Promise<void> {
  const requestBody = (target.name === 'direct subgraph' ? scenario.direct! : scenario.gatewayBody)(7);
  const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers?.(requestBody) }, body: requestBody });
  const json = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  const data = json.data ? Object.values(json.data)[0] : null;
  if (!res.ok || !data) throw new Error(`${target.name}, ${scenario.name}: no answer (HTTP ${res.status}): ${JSON.stringify(json).slice(0, 400)}`);
}

// ---- the peers ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];

async function startPeer(script: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'peers', script), SUPERGRAPH, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.endsWith('/graphql') ? match[1]! : `${match[1]!.replace(/\/$/, '')}/graphql`);
      }
    });
  });
}

async function checkBenchMode(): Promise<void> {
  const res = await fetch(COURTS_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('{ __typename }', {}) });
  if (res.status === 401) {
    throw new Error('the subgraphs refuse unsigned calls: start the system with `BENCH_UNSIGNED_PUBLIC_READS=true npm start` (never in production)');
  }
}

// ---- report ----

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function summarise(runs: Run[]) {
  const cpu: Record<string, number> = {};
  for (const [g] of GROUPS) cpu[g] = median(runs.map((r) => r.cpuPerRequest[g]!));
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
    cpu,
    cpuTotal: Object.values(cpu).reduce((a, b) => a + b, 0),
    peakRssMiB: Object.fromEntries(GATEWAY_GROUPS.map((g) => [g, Math.max(...runs.map((r) => r.peakRssMiB[g]!))])),
  };
}

async function main(): Promise<void> {
  await checkBenchMode();
  const [stockUrl, hiveUrl] = await Promise.all([startPeer('apollo.js'), startPeer('hive.js')]);
  const secret = internalSigningSecret();
  const targets: Target[] = [
    { name: 'ours', url: values.gateway! },
    { name: 'stock @apollo/gateway', url: stockUrl },
    { name: 'Hive Gateway', url: hiveUrl },
    {
      name: 'direct subgraph',
      url: COURTS_URL,
      // Signed as our gateway signs a public read, so the subgraph does its full check.
      headers: (requestBody) => ({
        [INTERNAL_PRINCIPAL_HEADER]: signInternalToken({ principal: PUBLIC_PRINCIPAL, grants: {}, publicListed: [] }, secret, {
          subgraph: 'courts',
          content: requestBody,
        }),
      }),
    },
  ];
  const scenarios = SCENARIOS.filter((s) => !values.only || s.name.includes(values.only));
  const cases = scenarios.flatMap((scenario) =>
    (scenario.connections ?? connectionCounts).map((connections) => ({
      scenario,
      connections,
      targets: targets.filter((t) => t.name !== 'direct subgraph' || scenario.direct),
    })),
  );
  for (const c of cases) for (const t of c.targets) await probe(t, c.scenario);
  // Warm-up (JIT, connections, query plans), not counted.
  for (const c of cases) for (const t of c.targets) await run(t, c.scenario, c.connections, 1, 0);

  const results = new Map<string, Run[]>();
  let offset = 1_000_000;
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      // Rotated so that no target always runs right after the same one.
      const order = c.targets.map((_, k) => c.targets[(k + round) % c.targets.length]!);
      for (const t of order) {
        const key = `${c.scenario.name}|${c.connections}|${t.name}`;
        const figures = await run(t, c.scenario, c.connections, duration, (offset += 100_000));
        results.set(key, [...(results.get(key) ?? []), figures]);
        process.stderr.write(
          `round ${round + 1}/${rounds}: ${t.name}, ${c.scenario.name}, c=${c.connections}: ${figures.requestsPerSecond.toFixed(0)} req/s\n`,
        );
      }
    }
  }

  console.log(`\n${rounds} interleaved rounds of ${duration} s per target, medians; the load tool shares the machine (${process.platform}, ${os()}).\n`);
  for (const c of cases) {
    console.log(`### ${c.scenario.name}, c=${c.connections}\n`);
    console.log('| target | req/s | p50 ms | p99 ms | non-2xx + errors | CPU per read, all processes, ms | of which the gateway | gateway peak RSS, MiB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    const byTarget = new Map(c.targets.map((t) => [t.name, summarise(results.get(`${c.scenario.name}|${c.connections}|${t.name}`)!)]));
    for (const [name, s] of byTarget) {
      const group = GATEWAY_GROUP_OF_TARGET[name];
      const gatewayCpu = group ? s.cpu[group]!.toFixed(1) : '–';
      const rss = group ? s.peakRssMiB[group]!.toFixed(0) : '–';
      console.log(`| ${name} | ${s.requestsPerSecond.toFixed(0)} | ${s.p50} | ${s.p99} | ${s.non2xx} | ${s.cpuTotal.toFixed(1)} | ${gatewayCpu} | ${rss} |`);
    }
    const ours = byTarget.get('ours')!;
    const ratio = (name: TargetName) => {
      const other = byTarget.get(name);
      return other ? `${(ours.requestsPerSecond / other.requestsPerSecond).toFixed(2)}×` : '–';
    };
    const direct = byTarget.get('direct subgraph');
    console.log(
      `\nours/stock ${ratio('stock @apollo/gateway')}, ours/Hive ${ratio('Hive Gateway')}, ours/direct ${ratio('direct subgraph')} (req/s)` +
        (direct ? `; p50 ours/direct ${(ours.p50 / Math.max(direct.p50, 1)).toFixed(1)}×` : ''),
    );
    const parts = Object.entries(ours.cpu)
      .filter(([, ms]) => ms >= 0.05)
      .map(([g, ms]) => `${g} ${ms.toFixed(1)}`)
      .join(', ');
    console.log(`ours, CPU ms per read by process: ${parts}\n`);
  }
}

function os(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  return `${cpus} cores`;
}

/** Stops the peers: SIGTERM, then SIGKILL for one that is still there after 2 s (Hive's runtime does not stop on SIGTERM alone). */
async function stopPeers(): Promise<void> {
  await Promise.all(children.map((child) => stopChildProcess(child, 2000)));
}

main()
  .then(stopPeers)
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    console.error(`bench failed: ${(err as Error).message}`);
    await stopPeers();
    process.exit(1);
  });
