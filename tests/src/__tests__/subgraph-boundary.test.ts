import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Stack } from '@credit/scripts/dist/stack';
import { DEPARTMENTS, GATEWAY_SERVICE_PRINCIPAL, INTERNAL_PRINCIPAL_HEADER, internalSigningSecret, makeCitizenId, signInternalToken } from '@credit/shared';

import { authHeader, startTestStack } from '../harness';

// Only the gateway can ask a subgraph (issue: a captured header worked for
// 60 s at any subgraph with any query; a call without one was served as
// the public). Every finding is tried here as an attacker would.

let stack: Stack;
const alice = makeCitizenId('510703', '1985-02-14', 35);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  stack = await startTestStack();
  await stack.subgraphs.tax!.connection.db!.collection('tax_credit_ratings').insertOne({
    _id: 'TAX-RATING-BOUNDARY-1' as never,
    personId: alice,
    year: 2025,
    level: 'A',
    score: 95,
    directD: false,
    ratedOn: '2026-04-01',
    legalBasis: '《纳税信用管理办法》',
    collectedAt: new Date(),
  });
});
afterAll(async () => {
  await stack?.stop();
});

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        id
        taxCreditLevel {
          level
        }
      }
    }
  }
`;
const entitiesBody = (id = alice) => JSON.stringify({ query: ENTITIES, variables: { reps: [{ __typename: 'Person', id }] } });

async function post(subgraph: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(stack.subgraphs[subgraph]!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as Json };
}

const signed = (subgraph: string, body: string, principal: Json = { role: 'auditor', org: 'x', scopes: [] }) => ({
  [INTERNAL_PRINCIPAL_HEADER]: signInternalToken({ principal: principal as never, grants: {}, publicListed: [] }, internalSigningSecret(), {
    subgraph,
    content: body,
  }),
});

/** Records the headers and body of every request the gateway sends to one subgraph. */
function capture(subgraph: string): { headers: IncomingHttpHeaders; body: string }[] {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  stack.subgraphs[subgraph]!.server.prependListener('request', (req) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
  });
  return seen;
}

describe('a subgraph answers only the gateway', () => {
  it('refuses a call without the principal header with 401, public reads included', async () => {
    const raw = await post('tax', entitiesBody());
    expect(raw.status).toBe(401);
    expect(raw.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(raw.body.data).toBeUndefined();
    const publicRead = await post('courts', JSON.stringify({ query: `{ person(id: "${alice}") { dishonestDebtorListings { totalCount } } }` }));
    expect(publicRead.status).toBe(401);
  });

  it('refuses a header signed with another secret, or garbage', async () => {
    const forged = signInternalToken(
      { principal: { role: 'auditor', org: 'x', scopes: [] }, grants: {}, publicListed: [] },
      new TextEncoder().encode('not the secret, but long enough to sign with'),
      { subgraph: 'tax', content: entitiesBody() },
    );
    expect((await post('tax', entitiesBody(), { [INTERNAL_PRINCIPAL_HEADER]: forged })).status).toBe(401);
    expect((await post('tax', entitiesBody(), { [INTERNAL_PRINCIPAL_HEADER]: 'not-a-jwt' })).status).toBe(401);
  });

  it('serves a genuine header once, for that subgraph and that body only', async () => {
    const body = entitiesBody();
    const header = signed('tax', body);
    const first = await post('tax', body, header);
    expect(first.status).toBe(200);
    expect(first.body.data._entities).toEqual([{ id: alice, taxCreditLevel: { level: 'A' } }]);
    const replay = await post('tax', body, header);
    expect(replay.status).toBe(401);
    expect(replay.body.errors[0].message).toMatch(/already used/);

    const other = signed('tax', body);
    expect((await post('pboc', body, other)).body.errors[0].message).toMatch(/not signed for pboc/);
    const otherBody = entitiesBody(makeCitizenId('510703', '1985-02-14', 36));
    expect((await post('tax', otherBody, signed('tax', body))).body.errors[0].message).toMatch(/signed for another request/);
  });

  it('makes a header captured on the gateway→tax hop worthless anywhere else and a second time', async () => {
    const seen = capture('tax');
    const { body } = await stack.query(`{ person(id: "${alice}") { taxCreditLevel { level } } }`, {}, await authHeader({ role: 'subject', sub: alice }));
    expect(body.data).toEqual({ person: { taxCreditLevel: { level: 'A' } } });
    const hop = seen.find((s) => s.headers[INTERNAL_PRINCIPAL_HEADER]);
    expect(hop).toBeDefined();
    const header = { [INTERNAL_PRINCIPAL_HEADER]: String(hop!.headers[INTERNAL_PRINCIPAL_HEADER]) };
    // The same request again, another query at the same subgraph, and the subject's consent mutation elsewhere.
    expect((await post('tax', hop!.body, header)).status).toBe(401);
    expect((await post('tax', entitiesBody(), header)).status).toBe(401);
    const grant = JSON.stringify({ query: 'mutation { revokeConsent(id: "x") { id } }' });
    expect((await post('platform', grant, header)).status).toBe(401);
    for (const { name: subgraph } of DEPARTMENTS.filter((d) => d.name !== 'tax')) expect((await post(subgraph, entitiesBody(), header)).status).toBe(401);
  });

  it("makes the gateway's own captured log-append header unable to append a forged entry", async () => {
    const seen = capture('platform');
    await stack.query(`{ person(id: "${alice}") { taxCreditLevel { level } } }`, {}, await authHeader({ role: 'bureau', org: 'TAX' }));
    const append = seen.find((s) => s.body.includes('appendQueryLog'));
    expect(append).toBeDefined();
    const header = { [INTERNAL_PRINCIPAL_HEADER]: String(append!.headers[INTERNAL_PRINCIPAL_HEADER]) };
    const log = stack.subgraphs.platform!.connection.db!.collection('query_log');
    const before = await log.countDocuments({});
    // The same body again, and a forged entry under the same header.
    expect((await post('platform', append!.body, header)).status).toBe(401);
    const forged = append!.body.replace('"BUREAU"', '"AUDITOR"');
    expect((await post('platform', forged, header)).status).toBe(401);
    expect(await log.countDocuments({})).toBe(before);
  });

  it("refuses an expired header (the policy's internal token life is a few seconds)", async () => {
    const body = entitiesBody();
    const header = signed('tax', body);
    const realNow = Date.now;
    // The subgraph's clock 10 s ahead: the token (5 s + 2 s tolerance) has expired.
    Date.now = () => realNow() + 10_000;
    try {
      const late = await post('tax', body, header);
      expect(late.status).toBe(401);
      expect(late.body.errors[0].message).toMatch(/expired/);
    } finally {
      Date.now = realNow;
    }
  });

  it('gives _service (the SDL with its internal operations) only to the gateway', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const auditor = await post('platform', body, signed('platform', body));
    expect(auditor.body.data?._service ?? null).toBeNull();
    expect(auditor.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const gateway = await post('platform', body, signed('platform', body, GATEWAY_SERVICE_PRINCIPAL as never));
    expect(gateway.body.data._service.sdl).toMatch(/appendQueryLog/);
  });

  it('listens on loopback by default', () => {
    for (const subgraph of Object.values(stack.subgraphs)) expect((subgraph.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });
});
