import { callSubgraph, policy, PUBLIC_PRINCIPAL } from '@credit/shared';

/**
 * Which of the people asked for are on a public list: a dishonest judgment
 * debtor, an administrative penalty, the joint-punishment list or the red
 * list, each only while shown. The public may see a masked identity of those
 * people and of nobody else. The sources are asked as the public would be,
 * straight from the gateway, in parallel, one call each.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the entities' shape is the selection's
const CHECKS: { subgraph: string; selection: string; listed: (person: Record<string, any>) => boolean }[] = [
  { subgraph: 'courts', selection: 'dishonestDebtorListings(first: 0) { totalCount }', listed: (p) => p.dishonestDebtorListings?.totalCount > 0 },
  { subgraph: 'public-security', selection: 'violations(first: 0) { totalCount }', listed: (p) => p.violations?.totalCount > 0 },
  {
    subgraph: 'platform',
    selection: 'jointPunishment { listed } redList { onRedList }',
    listed: (p) => p.jointPunishment?.listed === true || p.redList?.onRedList === true,
  },
];

export async function publicListed(ids: string[], subgraphUrl: (name: string) => string, secret: Uint8Array, requestId: string): Promise<string[]> {
  const listed = new Set<string>();
  await Promise.all(
    CHECKS.map(async ({ subgraph, selection, listed: isListed }) => {
      const data = await callSubgraph<{ _entities: (Record<string, unknown> | null)[] }>({
        subgraph,
        url: subgraphUrl(subgraph),
        principal: PUBLIC_PRINCIPAL,
        secret,
        query: `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id ${selection} } } }`,
        variables: { reps: ids.map((id) => ({ __typename: 'Person', id })) },
        requestId,
        timeoutMs: policy().timeouts.subgraphFetchMs,
      });
      for (const person of data._entities) if (person && isListed(person)) listed.add(String(person.id));
    }),
  );
  return [...listed];
}
