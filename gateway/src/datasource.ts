import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway/dist/datasources/types';
import type { Fetcher } from '@apollo/utils.fetcher';
import { codedError } from '@credit/shared';
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
  ) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context && 'requestId' in context) request.http?.headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const end = this.fetchDuration.startTimer({ subgraph: this.subgraphName });
    try {
      const response = await super.process(options);
      end({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (err) {
      end({ outcome: 'unavailable' });
      if (err instanceof GraphQLError && err.extensions?.code && err.extensions.code !== 'INTERNAL_SERVER_ERROR') throw err;
      if ('log' in (options.context ?? {})) (options.context as GatewayContext).log.error('subgraph request failed', { subgraph: this.subgraphName, err });
      throw codedError('SUBGRAPH_UNAVAILABLE', `The ${this.subgraphName} source is unavailable`, { subgraph: this.subgraphName });
    }
  }
}
