import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, maskCitizenId } from '@credit/shared';

import { startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const validId = makeCitizenId('510703', '1985-04-12', 17);

async function post(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(stack.gateway.url, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } };
}

describe('bad input gets a clear coded error and the gateway stays up', () => {
  it('rejects an invalid citizen ID written in the query with BAD_USER_INPUT and the reason', async () => {
    const { status, body } = await stack.query(/* GraphQL */ `
      {
        person(id: "510703199001010011") {
          id
        }
      }
    `);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'check digit is 1, expected 5' } });
  });

  it('rejects an invalid citizen ID passed as a variable with BAD_USER_INPUT', async () => {
    const { status, body } = await stack.query(
      /* GraphQL */ `
        query ($id: CitizenId!) {
          person(id: $id) {
            id
          }
        }
      `,
      { id: '51070319900230001X' },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/birth date 19900230 is not a valid date/);
  });

  it('reports each bad ID in a list, never an empty answer', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($ids: [CitizenId!]!) {
          people(ids: $ids) {
            id
          }
        }
      `,
      { ids: [validId, 'nonsense'] },
    );
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses more IDs than the documented maximum with TOO_MANY_IDS', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => makeCitizenId('510704', '1970-01-01', i));
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($ids: [CitizenId!]!) {
          people(ids: $ids) {
            id
          }
        }
      `,
      { ids },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_IDS', max: 100 });
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and HTTP 400', async () => {
    const { status, body } = await stack.query(/* GraphQL */ `{ person(id: "${validId}") { id favouriteColour } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await stack.query('{ person(id: ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers malformed JSON with BAD_REQUEST and HTTP 400', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers a non-JSON content type with BAD_REQUEST', async () => {
    const { status, body } = await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE and HTTP 413', async () => {
    const huge = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const { status, body } = await post(huge);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 1048576 });
  });

  it('rejects a page size above the maximum with BAD_USER_INPUT', async () => {
    const { body } = await stack.query(/* GraphQL */ `{ person(id: "${validId}") { violations(first: 1000) { totalCount } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', max: 100 });
  });

  it('still answers after all of the above', async () => {
    const { status, body } = await stack.query(/* GraphQL */ `{ person(id: "${validId}") { id } }`);
    expect(status).toBe(200);
    // The public sees the ID it asked with masked.
    expect(body.data).toEqual({ person: { id: maskCitizenId(validId) } });
  });
});
