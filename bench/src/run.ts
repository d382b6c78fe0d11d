import {
  accessRule,
  GATEWAY_DEFAULT_PORT,
  INTERNAL_PRINCIPAL_HEADER,
  internalSigningSecret,
  parseCli,
  profileFragment,
  signDevToken,
  signInternalToken,
  sourceEntry,
  syntheticPeople,
} from '@credit/shared';
import autocannon from 'autocannon';

/**
 * Load figures for the data plane, against a running system (`npm start`
 * in another terminal, demo seed 2018). Prints requests/s, p50 and p99 per
 * scenario and the gateway/direct ratio for a one-subgraph query.
 *
 *   npm run bench -- [--duration 10] [--connections 10]
 */
const { values } = parseCli({
  command: 'npm run bench --',
  summary: 'Load figures of the data plane against a running `npm start`: requests/s, p50 and p99 per scenario, and the gateway/direct ratio.',
  options: {
    duration: { type: 'string', default: '10', value: 'S', description: 'seconds per scenario' },
    connections: { type: 'string', default: '10', value: 'N', description: 'concurrent connections' },
    gateway: { type: 'string', default: `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`, value: 'URL', description: 'the gateway' },
    subgraph: {
      type: 'string',
      default: `http://127.0.0.1:${sourceEntry('tax').defaultPort}/graphql`,
      value: 'URL',
      description: 'the tax subgraph, read directly',
    },
    seed: { type: 'string', default: '2018', value: 'S', description: 'seed of the demo population' },
    people: { type: 'string', default: '2000', value: 'N', description: 'size of the demo population' },
  },
});

const duration = Number(values.duration);
const connections = Number(values.connections);
const population = syntheticPeople(Number(values.seed), 0, Number(values.people));
const adults = population.filter((p) => p.birthDate < '2000-01-01');

// The full profile as an auditor reads it: these fields written out, every other public field of the composed API added.
const WRITTEN_PROFILE = /* GraphQL */ `
  fragment Profile on Person {
    id
    identity {
      name
      gender
      birthDate
      age
      mobile
      registeredResidence {
        areaCode
        areaName
        address
      }
    }
    realNameRegistrations {
      sector
      registered
    }
    violations(first: 10) {
      totalCount
      nodes {
        id
        category
        grade
        decisionDate
        displayWindow {
          until
          shown
        }
      }
    }
    educationHistory {
      institution
      level
    }
    studentIntegrityRecords(first: 10) {
      totalCount
      nodes {
        id
        category
        grade
      }
    }
    taxCreditLevel {
      level
      year
      score
    }
    taxArrears(first: 10) {
      totalCount
      nodes {
        id
        amountYuan
      }
    }
    dishonestDebtorListings(first: 10) {
      totalCount
      nodes {
        id
        court
        listedOn
        displayWindow {
          until
          shown
        }
      }
    }
    enforcementCases(first: 10) {
      totalCount
      nodes {
        caseNumber
        status
      }
    }
    loansSummary {
      openLoans
      totalBalanceYuan
    }
    overdueRecords(first: 10) {
      totalCount
      nodes {
        id
        amountYuan
      }
    }
    consents(first: 10) {
      totalCount
      nodes {
        id
        purpose
      }
    }
    volunteerRecords(first: 10) {
      totalCount
      nodes {
        id
        hours
      }
    }
    jointPunishment {
      listed
      categories
    }
  }
`;
const PROFILE_FRAGMENT = profileFragment(WRITTEN_PROFILE, (group) => accessRule('auditor', group) !== 'deny');
const FULL_PROFILE = `query FullProfile($id: CitizenId!) { person(id: $id) { ...Profile } } ${PROFILE_FRAGMENT}`;
const HUNDRED_PEOPLE = `query People($ids: [CitizenId!]!) { people(ids: $ids) { ...Profile } } ${PROFILE_FRAGMENT}`;
const TAX_ONLY = /* GraphQL */ `
  query TaxLevel($id: CitizenId!) {
    person(id: $id) {
      id
      taxCreditLevel {
        level
        year
        score
      }
    }
  }
`;
const TAX_DIRECT = /* GraphQL */ `
  query TaxLevelDirect($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        id
        taxCreditLevel {
          level
          year
          score
        }
      }
    }
  }
`;

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

// An auditor reads every field of everyone (and every read is logged, as in
// production); a development token, so run against `npm start`.
let authorization = '';

async function scenario(
  name: string,
  url: string,
  makeBody: (i: number) => string,
  scenarioConnections = connections,
  headers: Record<string, string> = { authorization },
  // Per-request headers made from the body (a direct subgraph call needs a principal signed for each body).
  signed: (body: string) => Record<string, string> = () => ({}),
): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url,
    duration,
    connections: scenarioConnections,
    timeout: 60,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (req) => {
          const requestBody = makeBody(i++);
          return { ...req, body: requestBody, headers: { ...req.headers, ...signed(requestBody) } };
        },
      },
    ],
  });
  // Check one answer so a bench that only measures errors cannot pass unnoticed.
  const probeBody = makeBody(0);
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers, ...signed(probeBody) }, body: probeBody });
  const json = (await probe.json()) as { errors?: unknown[] };
  if (!probe.ok || json.errors?.length) throw new Error(`${name}: probe request failed: ${JSON.stringify(json).slice(0, 500)}`);
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function main(): Promise<void> {
  authorization = `Bearer ${await signDevToken({ role: 'auditor', org: 'bench' }, '2h')}`;
  const pick = (i: number) => adults[i % adults.length]!.id;
  const results: Figures[] = [];
  results.push(await scenario('full profile, 1 person (gateway)', values.gateway!, (i) => body(FULL_PROFILE, { id: pick(i) })));
  // Fewer connections: each request reads 100 people from every collection.
  results.push(
    await scenario(
      'full profile, 100 people (gateway)',
      values.gateway!,
      (i) => body(HUNDRED_PEOPLE, { ids: Array.from({ length: 100 }, (_, k) => pick(i * 100 + k)) }),
      Math.min(2, connections),
    ),
  );
  const viaGateway = await scenario('tax level, 1 person (gateway)', values.gateway!, (i) => body(TAX_ONLY, { id: pick(i) }));
  // Straight at the subgraph, with the principal header the gateway would sign for each call.
  const secret = internalSigningSecret();
  const direct = await scenario(
    'tax level, 1 person (tax subgraph direct)',
    values.subgraph!,
    (i) => body(TAX_DIRECT, { reps: [{ __typename: 'Person', id: pick(i) }] }),
    connections,
    {},
    (requestBody) => ({
      [INTERNAL_PRINCIPAL_HEADER]: signInternalToken({ principal: { role: 'auditor', org: 'bench', scopes: [] }, grants: {}, publicListed: [] }, secret, {
        subgraph: 'tax',
        content: requestBody,
      }),
    }),
  );
  results.push(viaGateway, direct);

  console.log(`\nduration ${duration} s per scenario, ${connections} connections (2 for the 100-person query)\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  console.log(
    `\ngateway/direct, one-subgraph query: throughput ${(viaGateway.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}x, p50 latency ${(viaGateway.p50 / Math.max(direct.p50, 0.001)).toFixed(2)}x`,
  );
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
