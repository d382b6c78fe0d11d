import { seedPopulation } from '@credit/scripts/dist/seed-population';
import type { Stack } from '@credit/scripts/dist/stack';
import { apiPersonFields, syntheticPeople } from '@credit/shared';

import { auditorHeader, commandDelta, mongoCommandCounts, startTestStack } from '../harness';
import { PROFILE_FIELDS } from '../profile-query';

const SEED = 7;
let stack: Stack;

beforeAll(async () => {
  stack = await startTestStack();
  await seedPopulation({ mongoUri: process.env.MONGODB_URI!, dbPrefix: stack.dbPrefix, people: 400, seed: SEED });
  // The platform's first append also reads where the chain and its index
  // start; every later one knows. Measure the steady state.
  await stack.query(`{ person(id: "${syntheticPeople(SEED, 0, 1)[0]!.id}") { queryLog { totalCount } } }`, {}, await auditorHeader());
});
afterAll(async () => {
  await stack?.stop();
});

async function commandsFor(ids: string[]): Promise<Record<string, Map<string, number>>> {
  const before: Record<string, Map<string, number>> = {};
  for (const [name, s] of Object.entries(stack.subgraphs)) before[name] = await mongoCommandCounts(s.url.replace('/graphql', '/metrics'));
  const { status, body } = await stack.query(
    `query ($ids: [CitizenId!]!) { people(ids: $ids) { ...Profile } } ${PROFILE_FIELDS}`,
    { ids },
    await auditorHeader(),
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect((body.data as { people: unknown[] }).people).toHaveLength(ids.length);
  const delta: Record<string, Map<string, number>> = {};
  for (const [name, s] of Object.entries(stack.subgraphs))
    delta[name] = commandDelta(before[name]!, await mongoCommandCounts(s.url.replace('/graphql', '/metrics')));
  return delta;
}

// The subgraphs owning the profile's fields (all public fields but the
// deprecated), by their graph in the composed schema.
const PROFILE_OWNERS = new Set(
  apiPersonFields()
    .filter((f) => !f.field.deprecationReason)
    .map((f) => f.subgraph),
);

describe('per-request DataLoaders batch the database commands', () => {
  it.each([1, 100])('resolves the full profile of %i people with at most one command per collection per subgraph', async (n) => {
    const ids = syntheticPeople(SEED, 0, 400)
      .filter((p) => p.birthDate < '2000-01-01')
      .slice(0, n)
      .map((p) => p.id);
    expect(ids).toHaveLength(n);
    const delta = await commandsFor(ids);
    const perCollection: string[] = [];
    let queryLogCommands = 0;
    for (const [subgraph, commands] of Object.entries(delta)) {
      for (const [key, count] of commands) {
        perCollection.push(`${subgraph}:${key}=${count}`);
        // The query log is both read (Person.queryLog) and appended to (this
        // read is logged): counted apart below.
        if (key.startsWith('query_log')) {
          queryLogCommands += count;
          continue;
        }
        expect({ subgraph, key, count }).toEqual({ subgraph, key, count: 1 });
      }
    }
    // Whatever N: the queryLog page is one directory lookup and one round of
    // span lookups for all people, its totalCount the same again; the append
    // inserts the new directory rows, then all entries at once, and moves
    // the head.
    expect(queryLogCommands).toBeLessThanOrEqual(8);
    // Every subgraph that owns a field of the profile was actually asked
    // (others may show their outbox sweeper's commands in the same window).
    const asked = new Set(Object.entries(delta).flatMap(([name, m]) => (m.size > 0 ? [name] : [])));
    expect([...PROFILE_OWNERS]).toEqual(expect.arrayContaining(['public-security', 'courts', 'pboc', 'platform']));
    expect([...PROFILE_OWNERS].filter((owner) => !asked.has(owner))).toEqual([]);
    expect(perCollection.every((s) => !s.includes('getMore'))).toBe(true);
  });
});
