import { STATUS_CODES } from 'node:http';

import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import {
  codedError,
  config,
  ERROR_CODES,
  INTERNAL_PRINCIPAL_HEADER,
  policy,
  postText,
  signInternalToken,
  type ErrorCode,
  type ForwardedRequest,
  type HttpAnswer,
} from '@credit/shared';
import { GraphQLError, Kind, parse } from 'graphql';
import type { Histogram } from 'prom-client';

import type { GatewayContext } from './context';
import { rootFallback } from './root-fallback';

/**
 * The gateway's connection to one subgraph, over the pooled keep-alive
 * client of http-client.ts. Every call carries the request's
 * principal in a header signed for this subgraph and this exact body (see
 * internal-token.ts), and gives up after the policy's
 * `timeouts.subgraphFetchMs` (`timeouts.blacklistCheckMs` for the blacklist check). A source that cannot be reached or does not
 * answer in time becomes a coded `SUBGRAPH_UNAVAILABLE` error on the fields
 * it owns, and the rest of the answer still comes.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly fetchDuration: Histogram<'subgraph' | 'outcome'>,
    private readonly internalSecret: Uint8Array,
  ) {
    super({ url });
    this.fetcher = this.signingFetcher();
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context || !('forwarded' in context)) throw new Error(`a call to ${this.subgraphName} without a request context cannot be signed`);
    const { requestId, forwarded } = context as GatewayContext;
    request.http?.headers.set('x-request-id', requestId);
    // The signature covers the body, which is serialised after this hook:
    // the fetcher signs, and takes what to sign from this header, which it
    // removes (it never leaves the gateway).
    request.http?.headers.set(UNSIGNED_HEADER, JSON.stringify(forwarded));
    request.http?.headers.set(BUDGET_HEADER, String(fetchBudgetMs(request.query)));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await this.processWithoutFallback(options);
    } catch (failure) {
      // A source that is down does not take the entry point with it (root-fallback.ts).
      if (failure instanceof GraphQLError && failure.extensions.code === 'SUBGRAPH_UNAVAILABLE' && options.request.query) {
        const fallback = rootFallback(options.request.query, options.request.variables ?? {}, (path) => ({
          message: failure.message,
          path,
          extensions: { ...failure.extensions },
        }));
        if (fallback) return fallback;
      }
      throw failure;
    }
  }

  /**
   * The call, timed, with its failure thrown as a coded error; never
   * answered by the root fallback, which answers for a planned fetch only
   * (a whole query sent unplanned, single-source.ts, calls this).
   */
  async processWithoutFallback(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const end = this.fetchDuration.startTimer({ subgraph: this.subgraphName });
    try {
      const response = await super.process(options);
      end({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (err) {
      end({ outcome: 'error' });
      throw translateSubgraphFailure(this.subgraphName, err, 'log' in (options.context ?? {}) ? (options.context as GatewayContext) : undefined);
    }
  }

  /**
   * The pooled undici client (http-client.ts), with the principal header
   * signed over the exact body sent, and a timeout. Apollo reads the answer
   * through the few members of a fetch Response it uses.
   */
  private signingFetcher(): Fetcher {
    const fetcher = async (url: string, init: FetcherRequestInit) => {
      const headers = { ...(init.headers as Record<string, string>) };
      const unsigned = headers[UNSIGNED_HEADER];
      delete headers[UNSIGNED_HEADER];
      const budgetMs = Number(headers[BUDGET_HEADER]) || policy().timeouts.subgraphFetchMs;
      delete headers[BUDGET_HEADER];
      if (!unsigned) throw new Error(`no principal to sign for the ${this.subgraphName} call`);
      const body = String(init.body);
      headers[INTERNAL_PRINCIPAL_HEADER] = signInternalToken(JSON.parse(unsigned) as ForwardedRequest, this.internalSecret, {
        subgraph: this.subgraphName,
        content: body,
      });
      return fetchResponse(url, await postText(url, headers, body, AbortSignal.timeout(budgetMs)));
    };
    return fetcher as unknown as Fetcher;
  }
}

/** The members of a fetch Response that Apollo's RemoteGraphQLDataSource reads, over an answer read in full. */
function fetchResponse(url: string, answer: HttpAnswer) {
  const headers = new Map<string, string>();
  if (answer.contentType) headers.set('content-type', answer.contentType);
  return {
    url,
    ok: answer.status >= 200 && answer.status <= 299,
    status: answer.status,
    statusText: STATUS_CODES[answer.status] ?? '',
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    json: async () => JSON.parse(answer.body) as unknown,
    text: async () => answer.body,
  };
}

// Header names reach the fetcher lower-cased (node-fetch's Headers).
const UNSIGNED_HEADER = 'x-credit-unsigned-principal';

interface SubgraphHttpError {
  status?: number;
  body?: { errors?: { message?: string; extensions?: Record<string, unknown> }[] };
}

// Carries a fetch's time budget from willSendRequest to the fetcher (never sent).
const BUDGET_HEADER = 'x-credit-fetch-budget-ms';

/**
 * How long one fetch may take: `timeouts.subgraphFetchMs`, except the
 * blacklist check, which answers up to `limits.maxBlacklistCheckIds` people
 * and logs them before answering, within `timeouts.blacklistCheckMs`.
 */
export function fetchBudgetMs(subgraphQuery: string | undefined): number {
  const { timeouts } = policy();
  return subgraphQuery && asksBlacklistCheck(subgraphQuery) ? timeouts.blacklistCheckMs : timeouts.subgraphFetchMs;
}

// By the root field's name, not its alias: a client's alias reaches the subgraph query unchanged.
function asksBlacklistCheck(subgraphQuery: string): boolean {
  if (!subgraphQuery.includes('blacklistCheck')) return false;
  return parse(subgraphQuery).definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'blacklistCheck'),
  );
}

/**
 * A subgraph that answers with an HTTP error keeps its meaning: its own
 * coded error passes through, a bare 401/403 becomes UNAUTHENTICATED /
 * FORBIDDEN (as Apollo's RemoteGraphQLDataSource maps them). Only a source
 * that cannot be reached or does not answer in time is SUBGRAPH_UNAVAILABLE.
 */
function translateSubgraphFailure(subgraph: string, err: unknown, context: GatewayContext | undefined): GraphQLError {
  if (err instanceof GraphQLError) {
    const code = err.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && code !== 'UNAUTHENTICATED') return err;
    const response = err.extensions?.response as SubgraphHttpError | undefined;
    const first = response?.body?.errors?.[0];
    const firstCode = first?.extensions?.code;
    // A subgraph refusing the gateway's own signature is a fault of ours, not the caller's.
    if (response?.status === 401) {
      context?.log.error('subgraph refused the gateway principal', { subgraph, reason: first?.message });
      return codedError('SUBGRAPH_UNAVAILABLE', config().production ? 'A source of these fields is unavailable' : `The ${subgraph} source is unavailable`, {
        subgraph,
      });
    }
    if (typeof firstCode === 'string' && firstCode in ERROR_CODES) {
      return codedError(firstCode as ErrorCode, first?.message ?? `${subgraph} refused the request`, { ...first?.extensions, subgraph });
    }
    if (response?.status === 403) return codedError('FORBIDDEN', `${subgraph} refused access`, { subgraph });
  }
  const timedOut = err instanceof Error && (err.name === 'TimeoutError' || (err.cause as Error | undefined)?.name === 'TimeoutError');
  if (timedOut) context?.log.warn('subgraph did not answer in time', { subgraph });
  else context?.log.error('subgraph request failed', { subgraph, err });
  // Production errors name no internal service (see formatErrorForClient).
  const source = config().production ? 'A source of these fields' : `The ${subgraph} source`;
  return codedError('SUBGRAPH_UNAVAILABLE', timedOut ? `${source} did not answer in time` : `${source} is unavailable`, { subgraph });
}
