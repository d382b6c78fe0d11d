import { GATEWAY_DEFAULT_PORT, parseCli, signDevToken, syntheticPeople } from '@credit/shared';
import autocannon from 'autocannon';

/**
 * The blacklist check as internal systems use it, through the gateway of a
 * running system (`npm start`): one ID per request at concurrency 50, and
 * 1,000 IDs per request, alone and four at a time, and 10,000 IDs per request
 * (the most one call takes). Prints requests/s, p50 and p99.
 *
 *   npm run bench:blacklist -- [--duration 10] [--people 2000]
 */
const { values } = parseCli({
  command: 'npm run bench:blacklist --',
  summary:
    'The blacklist check as internal systems use it, against a running `npm start`: 1 ID per request at concurrency 50, 1,000 IDs per request alone and four at a time, 10,000 IDs per request.',
  options: {
    duration: { type: 'string', default: '10', value: 'S', description: 'seconds per scenario' },
    gateway: { type: 'string', default: `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`, value: 'URL', description: 'the gateway' },
    seed: { type: 'string', default: '2018', value: 'S', description: 'seed of the demo population' },
    people: { type: 'string', default: '2000', value: 'N', description: 'size of the demo population' },
  },
});
const duration = Number(values.duration);
// At least 10,000 different IDs, so that the largest call names nobody twice (people past the demo population are valid IDs the platform knows nothing of, as most checked people are).
const ids = syntheticPeople(Number(values.seed), 0, Math.max(Number(values.people), 10_000)).map((p) => p.id);
const QUERY =
  'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id valid listed categories measures greenChannelEligible greenChannelGrounds } }';

async function scenario(name: string, connections: number, idsPerRequest: number, authorization: string) {
  let i = 0;
  const body = () =>
    JSON.stringify({ query: QUERY, variables: { ids: Array.from({ length: idsPerRequest }, (_, k) => ids[(i * idsPerRequest + k) % ids.length]) } });
  const probe = await fetch(values.gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: body() });
  const json = (await probe.json()) as { data?: { blacklistCheck: { listed: boolean }[] }; errors?: unknown[] };
  if (!probe.ok || json.errors) throw new Error(`${name}: probe failed: ${JSON.stringify(json).slice(0, 300)}`);
  const result = await autocannon({
    url: values.gateway,
    duration,
    connections,
    timeout: 60,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    requests: [{ setupRequest: (req) => ({ ...req, body: (i++, body()) }) }],
  });
  return {
    name,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    listedInProbe: json.data!.blacklistCheck.filter((r) => r.listed).length,
  };
}

async function main(): Promise<void> {
  const authorization = `Bearer ${await signDevToken({ role: 'internal', org: 'bench-licensing', scopes: ['blacklist:check'] }, '2h')}`;
  const rows = [
    await scenario('1 ID per request', 50, 1, authorization),
    await scenario('1,000 IDs per request', 1, 1000, authorization),
    await scenario('1,000 IDs per request', 4, 1000, authorization),
    await scenario('10,000 IDs per request', 1, 10_000, authorization),
  ];
  console.log(`\nblacklistCheck through the gateway, ${duration} s per scenario\n`);
  console.log('| scenario | connections | req/s | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  rows.forEach((r) => console.log(`| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
