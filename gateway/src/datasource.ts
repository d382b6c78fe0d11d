import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import type { Fetcher } from '@apollo/utils.fetcher';
import { codedError, ERROR_CODES, INTERNAL_PRINCIPAL_HEADER, signForwardedRequest, type ErrorCode } from '@credit/shared';
import { GraphQLError } from 'graphql';
import type { Histogram } from 'prom-client';

import type { GatewayContext } from './context';

/**
 * The gateway's connection to one subgraph. Node's built-in fetch keeps
 * connections alive between requests; a network failure becomes a coded
 * `SUBGRAPH_UNAVAILABLE` error on the fields that subgraph owns, and the
 * rest of the answer still comes.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly fetchDuration: Histogram<'subgraph' | 'outcome'>,
    private readonly internalSecret: Uint8Array,
  ) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Health checks and schema loads carry no request context: they go unsigned, as public.
    if (!context || !('forwarded' in context)) return;
    request.http?.headers.set('x-request-id', context.requestId);
    request.http?.headers.set(INTERNAL_PRINCIPAL_HEADER, await signedHeader(context as GatewayContext, this.internalSecret));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const end = this.fetchDuration.startTimer({ subgraph: this.subgraphName });
    try {
      const response = await super.process(options);
      end({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (err) {
      end({ outcome: 'error' });
      // Health checks and schema loads run without a request context.
      throw translateSubgraphFailure(this.subgraphName, err, 'log' in (options.context ?? {}) ? (options.context as GatewayContext) : undefined);
    }
  }
}

interface SubgraphHttpError {
  status?: number;
  body?: { errors?: { message?: string; extensions?: Record<string, unknown> }[] };
}

/**
 * A subgraph that answers with an HTTP error keeps its meaning: its own
 * coded error passes through, a bare 401/403 becomes UNAUTHENTICATED /
 * FORBIDDEN (as Apollo's RemoteGraphQLDataSource maps them). Only a source
 * that cannot be reached at all is SUBGRAPH_UNAVAILABLE.
 */
function translateSubgraphFailure(subgraph: string, err: unknown, context: GatewayContext | undefined): GraphQLError {
  if (err instanceof GraphQLError) {
    const code = err.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return err;
    const response = err.extensions?.response as SubgraphHttpError | undefined;
    const first = response?.body?.errors?.[0];
    const firstCode = first?.extensions?.code;
    if (typeof firstCode === 'string' && firstCode in ERROR_CODES) {
      return codedError(firstCode as ErrorCode, first?.message ?? `${subgraph} refused the request`, { ...first?.extensions, subgraph });
    }
    if (response?.status === 401) return codedError('UNAUTHENTICATED', `${subgraph} refused the caller's credentials`, { subgraph });
    if (response?.status === 403) return codedError('FORBIDDEN', `${subgraph} refused access`, { subgraph });
  }
  context?.log.error('subgraph request failed', { subgraph, err });
  return codedError('SUBGRAPH_UNAVAILABLE', `The ${subgraph} source is unavailable`, { subgraph });
}

// One signature per request, shared by all its subgraph calls, keyed by the
// forwarded object, which is final once the operation is resolved. (The
// context function's object is not the one plugins and data sources see:
// Apollo Server gives each operation a shallow copy.)
const signatures = new WeakMap<object, Promise<string>>();

function signedHeader(context: GatewayContext, secret: Uint8Array): Promise<string> {
  let signed = signatures.get(context.forwarded);
  if (!signed) {
    signed = signForwardedRequest(context.forwarded, secret);
    signatures.set(context.forwarded, signed);
  }
  return signed;
}
