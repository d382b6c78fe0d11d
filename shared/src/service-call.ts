import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

import { postText } from './http-client';
import { INTERNAL_PRINCIPAL_HEADER, signInternalToken } from './internal-token';
import { policy } from './policy';
import type { Principal } from './principal';

interface CallTarget {
  /** Name of the subgraph called: the audience of the signed principal. */
  subgraph: string;
  url: string;
  principal: Principal;
  secret: Uint8Array;
  timeoutMs?: number;
  requestId?: string;
}

// Each typed document is printed once, not on every call.
const printed = new WeakMap<DocumentNode, string>();

function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

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
export async function callSubgraph<TResult, TVariables extends Record<string, unknown>>(
  options: CallTarget & { document: TypedDocumentNode<TResult, TVariables>; variables: TVariables },
): Promise<TResult>;
/**
 * A document whose text is made at run time (a field named from the source
 * registry); its result type is the caller's, from generated fragment types.
 */
export async function callSubgraph<TResult>(options: CallTarget & { query: string; variables: Record<string, unknown> }): Promise<TResult>;
export async function callSubgraph<T>(
  options: CallTarget & ({ document: DocumentNode; variables: Record<string, unknown> } | { query: string; variables: Record<string, unknown> }),
): Promise<T> {
  const query = 'document' in options ? queryText(options.document) : options.query;
  const body = JSON.stringify({ query, variables: options.variables });
  const header = signInternalToken({ principal: options.principal, grants: {}, publicListed: [] }, options.secret, {
    subgraph: options.subgraph,
    content: body,
  });
  const res = await postText(
    options.url,
    {
      'content-type': 'application/json',
      [INTERNAL_PRINCIPAL_HEADER]: header,
      ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
    },
    body,
    AbortSignal.timeout(options.timeoutMs ?? policy().timeouts.serviceCallMs),
  );
  const answer = parseAnswer<T>(res.body);
  if (res.status < 200 || res.status > 299 || answer.errors?.length || !answer.data) {
    throw new ServiceCallError(
      `${options.subgraph} answered ${res.status}: ${answer.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
      answer.errors?.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string') ?? [],
    );
  }
  return answer.data;
}

type Answer<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

// A body that is not JSON (a proxy's error page) is an answer without data.
function parseAnswer<T>(body: string): Answer<T> {
  try {
    return JSON.parse(body) as Answer<T>;
  } catch {
    return { errors: [{ message: 'the answer is not JSON' }] };
  }
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
