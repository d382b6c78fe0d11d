import { INTERNAL_PRINCIPAL_HEADER, signInternalToken } from './internal-token';
import { policy } from './policy';
import type { Principal } from './principal';

/**
 * One GraphQL call from a service to a subgraph, as `principal` (consent
 * checks and log writes by the gateway, facts and record actions by the
 * platform, change notes by the bureaus). The principal header is signed for
 * that subgraph and that exact body, so it is good for this one call only.
 * Resolves with `data`; rejects with an Error naming the status and the
 * subgraph's error messages, so each caller decides what a failure means for
 * it. The call gives up after `timeoutMs` (the policy's
 * `timeouts.serviceCallMs` by default).
 */
export async function callSubgraph<T>(options: {
  /** Name of the subgraph called: the audience of the signed principal. */
  subgraph: string;
  url: string;
  principal: Principal;
  secret: Uint8Array;
  query: string;
  variables: Record<string, unknown>;
  timeoutMs?: number;
  requestId?: string;
}): Promise<T> {
  const body = JSON.stringify({ query: options.query, variables: options.variables });
  const header = signInternalToken({ principal: options.principal, grants: {}, publicListed: [] }, options.secret, {
    subgraph: options.subgraph,
    content: body,
  });
  const res = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INTERNAL_PRINCIPAL_HEADER]: header,
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? policy().timeouts.serviceCallMs),
  });
  const answer = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!res.ok || answer.errors?.length || !answer.data) {
    throw new ServiceCallError(
      `${options.subgraph} answered ${res.status}: ${answer.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
      answer.errors?.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string') ?? [],
    );
  }
  return answer.data;
}

/** A service call that came back with errors; `codes` are the subgraph's error codes. */
export class ServiceCallError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = 'ServiceCallError';
  }
}
