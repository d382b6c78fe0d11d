import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId } from '@credit/shared';

import { auditorHeader, startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const base = () => stack.gateway.url.replace(/\/graphql$/, '');

describe('operational endpoints', () => {
  it('reports health on the gateway and every subgraph', async () => {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    for (const s of Object.values(stack.subgraphs)) {
      const res = await fetch(s.url.replace('/graphql', '/health'));
      expect(await res.json()).toEqual({ status: 'ok', service: s.name });
    }
  });

  it('exposes Prometheus metrics with the MongoDB command counter on every subgraph', async () => {
    const gatewayMetrics = await (await fetch(`${base()}/metrics`)).text();
    expect(gatewayMetrics).toMatch(/credit_http_requests_total\{.*service="gateway"/);
    for (const s of Object.values(stack.subgraphs)) {
      const text = await (await fetch(s.url.replace('/graphql', '/metrics'))).text();
      expect(text).toContain(`credit_mongodb_commands_total{collection=`);
      expect(text).toContain(`service="${s.name}"`);
    }
  });

  it('times every GraphQL request at the gateway by operation name (bounded, never personal) and outcome code', async () => {
    const id = makeCitizenId('510703', '1980-02-02', 21);
    await stack.query(`query TaxLevelForLoan { person(id: "${id}") { taxCreditLevel { level } } }`);
    await stack.query(`query Lookup${id} { person(id: "${id}") { id } }`);
    await stack.query(`{ person(id: "${id}") { id } }`);
    await stack.query(`query Broken { person(id: "123") { id } }`);
    const text = await (await fetch(`${base()}/metrics`)).text();
    const counts = new Map([...text.matchAll(/^credit_graphql_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
    const series = [...counts.keys()];
    // A public read of the tax level is refused: the outcome is its code.
    expect(series).toContainEqual(expect.stringMatching(/operation_type="query",operation="TaxLevelForLoan",outcome="FORBIDDEN"/));
    expect(series).toContainEqual(expect.stringMatching(/operation="Broken",outcome="BAD_USER_INPUT"/));
    // An unnamed operation and one whose name carries an ID share one label; the ID is nowhere.
    expect(series.filter((s) => s.includes('operation="(other)"')).length).toBeGreaterThan(0);
    expect(text).not.toContain(id.slice(6, 14));
  });

  it('serves the explorer from local files only', async () => {
    const page = await (await fetch(`${base()}/explorer`)).text();
    expect(page).toContain('GraphiQL');
    expect(page).not.toMatch(/https?:\/\//);
    for (const asset of ['/explorer/react.js', '/explorer/react-dom.js', '/explorer/graphiql.js', '/explorer/graphiql.css']) {
      const res = await fetch(`${base()}${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('answers unknown paths with NOT_FOUND and wrong methods with METHOD_NOT_ALLOWED', async () => {
    const missing = await fetch(`${base()}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    const put = await fetch(stack.gateway.url, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
  });

  it('keeps answering when a source is down: its fields are null with SUBGRAPH_UNAVAILABLE, the rest still comes', async () => {
    const id = makeCitizenId('510704', '1979-07-07', 77);
    await stack.subgraphs.tax!.stop();
    const { status, body } = await stack.query(
      /* GraphQL */ `{ person(id: "${id}") { id violations { totalCount } taxCreditLevel { level } } }`,
      {},
      await auditorHeader(),
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ person: { id, violations: { totalCount: 0 }, taxCreditLevel: null } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'tax' });
    expect((await fetch(`${base()}/health`)).status).toBe(503);
  });
});
