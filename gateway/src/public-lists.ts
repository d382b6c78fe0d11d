import { INTERNAL_PRINCIPAL_HEADER, PUBLIC_PRINCIPAL, signForwardedRequest } from '@credit/shared';

/**
 * Which of the people asked for are on a public list: a dishonest judgment
 * debtor, an administrative penalty, the joint-punishment list or the red
 * list, each only while shown. The public may see a masked identity of those
 * people and of nobody else. The sources are asked as the public would be,
 * straight from the gateway, in parallel, one call each.
 */
const CHECKS: { subgraph: string; selection: string; listed: (person: Record<string, any>) => boolean }[] = [
  // eslint-disable-line @typescript-eslint/no-explicit-any
  { subgraph: 'courts', selection: 'dishonestDebtorListings(first: 0) { totalCount }', listed: (p) => p.dishonestDebtorListings?.totalCount > 0 },
  { subgraph: 'public-security', selection: 'violations(first: 0) { totalCount }', listed: (p) => p.violations?.totalCount > 0 },
  {
    subgraph: 'platform',
    selection: 'jointPunishment { listed } redList { onRedList }',
    listed: (p) => p.jointPunishment?.listed === true || p.redList?.onRedList === true,
  },
];

export async function publicListed(ids: string[], subgraphUrl: (name: string) => string, secret: Uint8Array, requestId: string): Promise<string[]> {
  const header = await signForwardedRequest({ principal: PUBLIC_PRINCIPAL, grants: {}, publicListed: [] }, secret);
  const listed = new Set<string>();
  await Promise.all(
    CHECKS.map(async ({ subgraph, selection, listed: isListed }) => {
      const res = await fetch(subgraphUrl(subgraph), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, [INTERNAL_PRINCIPAL_HEADER]: header },
        body: JSON.stringify({
          query: `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id ${selection} } } }`,
          variables: { reps: ids.map((id) => ({ __typename: 'Person', id })) },
        }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { data?: { _entities: (Record<string, unknown> | null)[] }; errors?: { message: string }[] };
      if (!res.ok || !body.data) throw new Error(`${subgraph} answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ')}`);
      for (const person of body.data._entities) if (person && isListed(person)) listed.add(String(person.id));
    }),
  );
  return [...listed];
}
