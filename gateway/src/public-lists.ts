import { callSubgraph, policy, PUBLIC_PRINCIPAL } from '@credit/shared';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

import { CourtsPublicListsDocument } from './generated/courts-operations';
import { PlatformPublicListsDocument } from './generated/platform-operations';
import { PublicSecurityPublicListsDocument } from './generated/public-security-operations';

/**
 * Which of the people asked for are on a public list: a dishonest judgment
 * debtor, an administrative penalty (a public-security violation or any
 * department's penalty in its publicity period), the joint-punishment list
 * or the red list, each only while shown. The public may see a masked identity of those
 * people and of nobody else. The sources are asked as the public would be,
 * straight from the gateway, in parallel, one call each.
 */
export async function publicListed(ids: string[], subgraphUrl: (name: string) => string, secret: Uint8Array, requestId: string): Promise<string[]> {
  const reps = ids.map((id) => ({ __typename: 'Person', id }));
  const ask = <TResult, TVariables extends Record<string, unknown>>(
    subgraph: string,
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ) =>
    callSubgraph({
      subgraph,
      url: subgraphUrl(subgraph),
      principal: PUBLIC_PRINCIPAL,
      secret,
      document,
      variables,
      requestId,
      timeoutMs: policy().timeouts.subgraphFetchMs,
    });
  // Each list is one typed document (gateway/src/operations/), asked of the source that keeps it.
  const [debtors, penalties, platform] = await Promise.all([
    ask('courts', CourtsPublicListsDocument, { reps }),
    ask('public-security', PublicSecurityPublicListsDocument, { reps }),
    ask('platform', PlatformPublicListsDocument, { reps }),
  ]);
  const listed = new Set<string>();
  for (const p of debtors._entities) if (p && (p.dishonestDebtorListings?.totalCount ?? 0) > 0) listed.add(p.id);
  for (const p of penalties._entities) if (p && (p.violations?.totalCount ?? 0) > 0) listed.add(p.id);
  for (const p of platform._entities)
    if (p && (p.jointPunishment?.listed === true || p.redList?.onRedList === true || (p.administrativePenalties?.totalCount ?? 0) > 0)) listed.add(p.id);
  return [...listed];
}
