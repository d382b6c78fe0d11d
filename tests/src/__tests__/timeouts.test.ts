import type { Stack } from '@credit/scripts/dist/stack';
import { loadPolicy, makeCitizenId, setPolicyForProcess } from '@credit/shared';

import { auditorHeader, startFreezableProxy, startTestStack } from '../harness';

// Bounded, coded and fast to fail (issue: with one subgraph stopped a query
// got no answer within 60 s; with the database stopped the refusal took
// 56 s). The stack runs through a proxy to the database that the test can
// freeze, with the policy's timeouts lowered so the test stays short.

let stack: Stack;
// One proxy for the bureaus' databases, one for the platform's (the query log).
let proxy: Awaited<ReturnType<typeof startFreezableProxy>>;
let platformProxy: Awaited<ReturnType<typeof startFreezableProxy>>;
const id = makeCitizenId('510703', '1985-02-14', 38);
const TIMEOUT_MS = 1500;

beforeAll(async () => {
  const policy = structuredClone(loadPolicy());
  policy.timeouts = {
    ...policy.timeouts,
    subgraphFetchMs: TIMEOUT_MS,
    queryLogAppendMs: TIMEOUT_MS,
    serviceCallMs: 2000,
    databaseServerSelectionMs: 2000,
    databaseSocketMs: 2000,
  };
  setPolicyForProcess(policy);
  proxy = await startFreezableProxy(process.env.MONGODB_URI!);
  platformProxy = await startFreezableProxy(process.env.MONGODB_URI!);
  stack = await startTestStack(proxy.uri, { platform: platformProxy.uri });
});
afterAll(async () => {
  proxy?.thaw();
  platformProxy?.thaw();
  await stack?.stop();
  await proxy?.stop();
  await platformProxy?.stop();
  setPolicyForProcess(loadPolicy());
});

const QUERY = /* GraphQL */ `
  query ($id: CitizenId!) {
    person(id: $id) {
      violations {
        totalCount
      }
      taxCreditLevel {
        level
      }
      dishonestDebtorListings {
        totalCount
      }
    }
  }
`;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

/** Runs `work` while the courts source accepts requests and never answers, like a process stopped with SIGSTOP. */
async function whileCourtsHangs(work: () => Promise<void>): Promise<void> {
  const server = stack.subgraphs.courts!.server;
  const handlers = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', () => undefined);
  try {
    await work();
  } finally {
    server.removeAllListeners('request');
    for (const handler of handlers) server.on('request', handler as never);
  }
}

describe('a hung source', () => {
  it('answers its fields null with SUBGRAPH_UNAVAILABLE within the timeout, and serves the rest', async () => {
    await whileCourtsHangs(async () => {
      const { result, ms } = await timed(async () => stack.query(QUERY, { id }, await auditorHeader()));
      expect(result.status).toBe(200);
      expect(result.body.data).toEqual({ person: { violations: { totalCount: 0 }, taxCreditLevel: null, dishonestDebtorListings: null } });
      expect(result.body.errors?.find((e) => e.path?.join('.') === 'person.dishonestDebtorListings')?.extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
      });
      // The bound is the policy's fetch timeout, not a minute.
      expect(ms).toBeLessThan(TIMEOUT_MS * 4);
    });
  });
});

describe('a query one source answers whole', () => {
  const LISTINGS = /* GraphQL */ `
    query Listings($id: CitizenId!) {
      person(id: $id) {
        id
        dishonestDebtorListings {
          totalCount
        }
      }
    }
  `;

  /** The bodies the courts source receives while `work` runs (its handlers still answer them). */
  async function bodiesReceived(work: () => Promise<void>): Promise<{ query: string; operationName?: string }[]> {
    const server = stack.subgraphs.courts!.server;
    const bodies: { query: string; operationName?: string }[] = [];
    const watch = (req: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => chunks.length > 0 && bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never));
    };
    server.prependListener('request', watch);
    try {
      await work();
    } finally {
      server.removeListener('request', watch);
    }
    return bodies;
  }

  it('goes to that source as the caller wrote it, unplanned, and the answer is the planned one', async () => {
    const bodies = await bodiesReceived(async () => {
      const { status, body } = await stack.query(LISTINGS, { id }, await auditorHeader());
      expect(status).toBe(200);
      expect(body).toEqual({ data: { person: { id, dishonestDebtorListings: { totalCount: 0 } } } });
    });
    // The planner would have sent an operation of its own making, named Listings__courts__0.
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.query).toMatch(/^query Listings\(/);
  });

  it('is answered through the planner when the source hangs: its fields null with SUBGRAPH_UNAVAILABLE, within two timeouts', async () => {
    await whileCourtsHangs(async () => {
      const { result, ms } = await timed(async () => stack.query(LISTINGS, { id }, await auditorHeader()));
      expect(result.body.data).toEqual({ person: { id, dishonestDebtorListings: null } });
      expect(result.body.errors?.[0]).toMatchObject({ path: ['person', 'dishonestDebtorListings'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
      expect(ms).toBeLessThan(TIMEOUT_MS * 4);
    });
  });
});

describe('a stopped database', () => {
  async function servedAgain(): Promise<boolean> {
    // The driver drops the timed-out connections and opens new ones.
    for (let attempt = 0; attempt < 20; attempt++) {
      if ((await stack.query(QUERY, { id }, await auditorHeader())).status === 200) return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  }

  it('of the sources: their fields fail within seconds, and nothing is served or logged', async () => {
    proxy.freeze();
    try {
      const { result, ms } = await timed(async () => stack.query(QUERY, { id }, await auditorHeader()));
      expect(result.body.data).toEqual({ person: { violations: null, taxCreditLevel: null, dishonestDebtorListings: null } });
      expect(new Set(result.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['SUBGRAPH_UNAVAILABLE']));
      expect(ms).toBeLessThan(TIMEOUT_MS * 4);
    } finally {
      proxy.thaw();
    }
    expect(await servedAgain()).toBe(true);
  });

  it('of the query log: fails closed within seconds (QUERY_LOG_UNAVAILABLE, nothing served), and recovers', async () => {
    platformProxy.freeze();
    try {
      const { result, ms } = await timed(async () => stack.query(QUERY, { id }, await auditorHeader()));
      expect(result.status).toBe(503);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('QUERY_LOG_UNAVAILABLE');
      expect(ms).toBeLessThan(TIMEOUT_MS * 4);
    } finally {
      platformProxy.thaw();
    }
    expect(await servedAgain()).toBe(true);
  });
});
