import { INTERNAL_PRINCIPAL_HEADER, signForwardedRequest } from './auth';
import type { Principal } from './principal';

/**
 * One GraphQL call from a service to a subgraph, as `principal`, signed with
 * the internal secret (consent checks and log writes by the gateway, facts
 * and record actions by the platform, change notes by the bureaus). Resolves
 * with `data`; rejects with an Error naming the status and the subgraph's
 * error messages, so each caller decides what a failure means for it.
 */
export async function callSubgraph<T>(options: {
  url: string;
  principal: Principal;
  secret: Uint8Array;
  query: string;
  variables: Record<string, unknown>;
  timeoutMs?: number;
  requestId?: string;
}): Promise<T> {
  const header = await signForwardedRequest({ principal: options.principal, grants: {}, publicListed: [] }, options.secret);
  const res = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INTERNAL_PRINCIPAL_HEADER]: header,
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body: JSON.stringify({ query: options.query, variables: options.variables }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`${options.url} answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}
