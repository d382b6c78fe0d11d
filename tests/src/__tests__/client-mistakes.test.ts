import type { Stack } from '@credit/scripts/dist/stack';
import { encodeCursor, makeCitizenId } from '@credit/shared';
import { getIntrospectionQuery } from 'graphql';

import { authHeader, startTestStack } from '../harness';

// Every client mistake gets its coded error and the HTTP status the error
// registry gives its code: never a 500, never a 200 for a request that was
// refused as a whole.

let stack: Stack;
const id = makeCitizenId('510726', '1970-10-10', 70);

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const res = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
}
const codeOf = (body: Json) => body.errors?.[0]?.extensions?.code;

describe('which operation to run', () => {
  const two = `query A { person(id: "${id}") { id } } query B { person(id: "${id}") { id } }`;
  it('two operations and no operationName: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const { status, body } = await post({ query: two });
    expect([status, codeOf(body)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
  });
  it('an unknown operationName: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const { status, body } = await post({ query: two, operationName: 'C' });
    expect([status, codeOf(body)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    expect(body.errors[0].message).toMatch(/no operation named "C"/);
  });
  it('a subscription: 400 OPERATION_NOT_SUPPORTED', async () => {
    const { status, body } = await post({ query: 'subscription { person { id } }' });
    expect(status).toBe(400);
    expect(['OPERATION_NOT_SUPPORTED', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(body));
  });
});

describe('arguments refused before anything runs, with 400', () => {
  it('a page size out of range', async () => {
    const { status, body } = await post({ query: `{ person(id: "${id}") { violations(first: -1) { totalCount } } }` });
    expect([status, codeOf(body)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(body.errors[0].extensions).toMatchObject({ argument: 'first', reason: 'page size out of range' });
    expect(body.data).toBeUndefined();
  });
  it('a cursor this API never issued', async () => {
    const { status, body } = await post({ query: `{ person(id: "${id}") { violations(after: "forged!!") { totalCount } } }` });
    expect([status, codeOf(body)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(body.errors[0].extensions.reason).toBe('cursor was not issued by this API');
  });
  it('a well-formed cursor that points nowhere is still an error of that field', async () => {
    const { status, body } = await post({ query: `{ person(id: "${id}") { violations(after: "${encodeCursor('NO-SUCH-RECORD')}") { totalCount } } }` });
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown cursor' });
  });
  it('more IDs than the blacklist check takes', async () => {
    const ids = Array.from({ length: 10_001 }, (_, i) => makeCitizenId('510726', '1970-10-10', i % 1000));
    const { status, body } = await post(
      { query: 'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id } }', variables: { ids } },
      await authHeader({ role: 'internal', org: 'licensing-system', scopes: ['blacklist:check'] }),
    );
    expect([status, codeOf(body)]).toEqual([400, 'TOO_MANY_IDS']);
    expect(body.errors[0].extensions.max).toBe(10_000);
  });
  it('variables nested deeper than the limit: 400 INPUT_TOO_DEEP, not a failing source', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const { status, body } = await post({ query: 'query ($ids: [CitizenId!]!) { people(ids: $ids) { id } }', variables: { ids: deep } });
    expect([status, codeOf(body)]).toEqual([400, 'INPUT_TOO_DEEP']);
  });
});

describe('documents built to cost the server', () => {
  it('directive overloading is answered with one TOO_MANY_DIRECTIVES error', async () => {
    const { status, body } = await post({ query: `query cop { __typename ${'@aa'.repeat(10)} }` });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(codeOf(body)).toBe('TOO_MANY_DIRECTIVES');
  });
  it('the standard introspection query (the explorer, codegen) passes the limits outside production', async () => {
    const { status, body } = await post({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
  it('an introspection query nested far beyond it is still refused', async () => {
    const deep = `{ __type(name: "Person") { ${'ofType { '.repeat(25)}name${' }'.repeat(25)} } }`;
    const { status, body } = await post({ query: deep });
    expect([status, codeOf(body)]).toEqual([400, 'QUERY_TOO_DEEP']);
  });
});

describe('credentials and headers', () => {
  it('an empty Authorization header is refused with 401, not served as public', async () => {
    const { status, body } = await post({ query: `{ person(id: "${id}") { id } }` }, { authorization: '' });
    expect([status, codeOf(body)]).toEqual([401, 'UNAUTHENTICATED']);
  });
  it('an oversized token gets a coded 431', async () => {
    const { status, body } = await post({ query: '{ __typename }' }, { authorization: `Bearer ${'a'.repeat(20_000)}` });
    expect([status, codeOf(body)]).toEqual([431, 'REQUEST_HEADER_TOO_LARGE']);
  });
  it('an oversized URL gets a coded 431', async () => {
    const res = await fetch(`${stack.gateway.url}?query=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(((await res.json()) as Json).errors[0].extensions.code).toBe('REQUEST_HEADER_TOO_LARGE');
  });
});

describe('a purpose header from a caller who is not a partner', () => {
  it('is ignored: the read is served and logged, not refused for a log write that could not be made', async () => {
    const query = { query: `{ person(id: "${id}") { violations { totalCount } } }` };
    for (const headers of [
      { 'x-credit-purpose': 'NOT_A_PURPOSE' },
      { ...(await authHeader({ role: 'auditor', org: 'audit' })), 'x-credit-purpose': 'NOT_A_PURPOSE' },
    ]) {
      const { status, body } = await post(query, headers);
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    }
  });
});
