import { seedPopulation } from '@credit/scripts/dist/seed-population';
import type { Stack } from '@credit/scripts/dist/stack';
import {
  callSubgraph,
  cityCompanies,
  GATEWAY_SERVICE_PRINCIPAL,
  internalSigningSecret,
  opaqueId,
  PUBLIC_PRINCIPAL,
  publicListFields,
  syntheticPeople,
  todayInCity,
  type Principal,
} from '@credit/shared';

import { startTestStack } from '../harness';

/**
 * The public-list check the gateway makes before a public read of
 * identities is one call to the platform. Its answer must be what the
 * sources' own public lists show the public: for a seeded population with
 * every kind of record, the people the platform names are exactly those
 * with a shown debtor listing (courts), a shown violation (public
 * security), a penalty in its publicity period, a joint-punishment listing
 * or a red-list honour in force, each as its source serves it to the public.
 */
const SEED = 11;
const PEOPLE = 2000;
let stack: Stack;
let ids: string[];

beforeAll(async () => {
  stack = await startTestStack();
  await seedPopulation({ mongoUri: process.env.MONGODB_URI!, dbPrefix: stack.dbPrefix, people: PEOPLE, seed: SEED });
  ids = syntheticPeople(SEED, 0, PEOPLE).map((p) => p.id);
  // Seeding 2,000 people into every department takes about 16 s alone, over a minute when the whole suite shares the 2 cores.
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

type Entities = { _entities: ({ id: string } & Record<string, { totalCount?: number; listed?: boolean; onRedList?: boolean } | null>)[] };

/** Asks a subgraph for a Person field of every person, as `principal` would. */
function ask<T>(subgraph: string, query: string, variables: Record<string, unknown>, principal: Principal = PUBLIC_PRINCIPAL): Promise<T> {
  return callSubgraph<T>({ subgraph, url: stack.subgraphs[subgraph]!.url, principal, secret: internalSigningSecret(), query, variables });
}

/** Who each source's public list shows, asked of the source as the public. */
async function listedBySources(): Promise<Record<string, Set<string>>> {
  const reps = ids.map((id) => ({ __typename: 'Person', id }));
  const entities = (subgraph: string, selection: string) =>
    ask<Entities>(subgraph, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id ${selection} } } }`, { reps });
  const [courts, ps, platform] = await Promise.all([
    entities('courts', 'dishonestDebtorListings(first: 0) { totalCount }'),
    entities('public-security', 'violations(first: 0) { totalCount }'),
    entities('platform', 'jointPunishment { listed } administrativePenalties(first: 1) { totalCount } redList { onRedList }'),
  ]);
  const who = (result: Entities, on: (p: Entities['_entities'][number]) => boolean) => new Set(result._entities.filter((p) => p && on(p)).map((p) => p.id));
  return {
    dishonestDebtorListings: who(courts, (p) => (p.dishonestDebtorListings?.totalCount ?? 0) > 0),
    violations: who(ps, (p) => (p.violations?.totalCount ?? 0) > 0),
    administrativePenalties: who(platform, (p) => (p.administrativePenalties?.totalCount ?? 0) > 0),
    jointPunishment: who(platform, (p) => p.jointPunishment?.listed === true),
    redList: who(platform, (p) => p.redList?.onRedList === true),
  };
}

describe('the public-list check', () => {
  it('names exactly the people the sources show the public on a list of the policy, in one call to the platform', async () => {
    const bySource = await listedBySources();
    // The policy's lists are the ones compared, and the seed puts people on each.
    expect(Object.keys(bySource).sort()).toEqual([...publicListFields()].sort());
    for (const [list, people] of Object.entries(bySource)) expect([list, people.size > 0]).toEqual([list, true]);
    // Some people are on the violations list alone (debtors are on joint punishment too):
    // the rule read from the stored negative records decides for them.
    const onOtherLists = new Set(Object.entries(bySource).flatMap(([list, people]) => (list === 'violations' ? [] : [...people])));
    expect([...bySource.violations!].filter((id) => !onOtherLists.has(id)).length).toBeGreaterThan(0);
    const expected = [...new Set(Object.values(bySource).flatMap((people) => [...people]))].sort();
    const { publicListed } = await ask<{ publicListed: string[] }>(
      'platform',
      'query ($ids: [CitizenId!]!) { publicListed(ids: $ids) }',
      { ids },
      GATEWAY_SERVICE_PRINCIPAL,
    );
    expect([...publicListed].sort()).toEqual(expected);
    // Some of the population is on no list at all.
    expect(expected.length).toBeLessThan(ids.length);
  });

  it('puts the officers the regulator registers of a company the court lists on the joint-punishment list, in the seeded city', async () => {
    const today = todayInCity();
    const byCourt = cityCompanies(syntheticPeople(SEED, 0, PEOPLE), SEED).filter(
      (c) => c.listing?.by === 'COURTS' && (!c.listing.removedOn || c.listing.removedOn > today),
    );
    expect(byCourt.length).toBeGreaterThan(0);
    const statuses = stack.subgraphs.platform!.connection.db!.collection<{ _id: string; listed: boolean; grounds: { recordId: string }[] }>(
      'joint_punishment_status',
    );
    for (const company of byCourt)
      for (const { holder, n } of company.officers) {
        const status = await statuses.findOne({ _id: holder.id });
        // The court's listing, through the office the regulator registers: a ground joined on the platform.
        expect(status?.listed).toBe(true);
        expect(status!.grounds.map((g) => g.recordId)).toContain(
          `${opaqueId('CRT-CDL', company.unifiedSocialCreditCode)}/MR-OFF-${company.founder.index}-${n}`,
        );
      }
  });

  it('is the gateway’s alone: the public and other services are refused', async () => {
    await expect(ask('platform', 'query ($ids: [CitizenId!]!) { publicListed(ids: $ids) }', { ids: ids.slice(0, 1) })).rejects.toThrow(/FORBIDDEN|gateway/i);
  });
});
