import type { Stack } from '@credit/scripts/dist/stack';
import { loadPolicy, makeCitizenId, setPolicyForProcess } from '@credit/shared';

import { startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  setPolicyForProcess(loadPolicy());
  await stack?.stop();
});

const id = makeCitizenId('510726', '1970-10-10', 10);
const ids = Array.from({ length: 100 }, (_, i) => makeCitizenId('510726', '1970-10-10', i));

describe('operation limits, each with its own code', () => {
  it('refuses more aliases than the limit with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: person(id: "${id}") { id }`).join(' ');
    const { status, body } = await stack.query(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', max: 30 });
  });

  it('prices pages and IDs: 100 people with 100-item pages everywhere is QUERY_TOO_COSTLY', async () => {
    const pages = ['violations', 'taxArrears', 'enforcementCases', 'overdueRecords', 'volunteerRecords', 'charityRecords', 'consents', 'queryLog']
      .map((f) => `${f}(first: $n) { totalCount nodes { __typename } pageInfo { endCursor } }`)
      .join(' ');
    const query = `query ($ids: [CitizenId!]!, $n: Int) { people(ids: $ids) { id ${pages} } }`;
    const heavy = await stack.query(query, { ids, n: 100 });
    expect(heavy.status).toBe(400);
    expect(heavy.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', max: 200000 });
    // The same document with small pages is fine: the price follows the variables.
    const light = await stack.query(query, { ids: ids.slice(0, 2), n: 5 });
    expect(light.body.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COSTLY')).toBeUndefined();
  });

  it('prices a page asked for without `first` as the default page it serves, not as one item', async () => {
    const strict = structuredClone(loadPolicy());
    strict.limits.maxQueryCost = 20_000;
    setPolicyForProcess(strict);
    try {
      const pages = (first: string) =>
        ['violations', 'taxArrears', 'enforcementCases', 'overdueRecords', 'volunteerRecords', 'charityRecords', 'consents', 'queryLog']
          .map((f) => `${f}${first} { totalCount nodes { __typename } }`)
          .join(' ');
      const asked = await stack.query(`query ($ids: [CitizenId!]!) { people(ids: $ids) { id ${pages('(first: 20)')} } }`, { ids });
      const defaulted = await stack.query(`query ($ids: [CitizenId!]!) { people(ids: $ids) { id ${pages('')} } }`, { ids });
      expect(asked.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
      expect(defaulted.status).toBe(asked.status);
      expect(defaulted.body.errors?.[0]?.extensions).toEqual(asked.body.errors?.[0]?.extensions);
    } finally {
      setPolicyForProcess(loadPolicy());
    }
  });

  it('refuses a query nested deeper than the limit with QUERY_TOO_DEEP', async () => {
    const strict = structuredClone(loadPolicy());
    strict.limits.maxQueryDepth = 3;
    setPolicyForProcess(strict);
    try {
      const { status, body } = await stack.query(`{ person(id: "${id}") { violations { nodes { displayWindow { until } } } } }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 5, max: 3 });
    } finally {
      setPolicyForProcess(loadPolicy());
    }
  });

  it('takes a batch of a few operations and refuses a larger one with BATCH_TOO_LARGE', async () => {
    const one = { query: `{ person(id: "${id}") { id } }` };
    const post = (body: unknown) => fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post([one, one]);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(2);
    const tooMany = await post(Array.from({ length: 6 }, () => one));
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BATCH_TOO_LARGE');
  });

  it('never runs a mutation over GET, and refuses a GET without a CSRF preflight header', async () => {
    const mutation = encodeURIComponent('mutation { revokeConsent(id: "x") { id } }');
    const get = await fetch(`${stack.gateway.url}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(405);
    const simple = await fetch(`${stack.gateway.url}?query=${encodeURIComponent(`{ person(id: "${id}") { id } }`)}`);
    expect(simple.status).toBe(400);
  });
});
