import type { ApolloServerPlugin } from '@apollo/server';
import { scalarResolvers, statusOfRefusal } from '@credit/shared';
import { isScalarType, type GraphQLSchema } from 'graphql';

import type { GatewayContext } from './context';

/**
 * The supergraph only names our scalars; by default the gateway accepts any
 * value for them and the subgraph would be the first to object. Giving the
 * gateway's API schema the real parse functions rejects a bad citizen ID or
 * date at the edge — before planning, with the same BAD_USER_INPUT error and
 * reason a subgraph would give — so no subgraph is called for it.
 */
export function installScalarValidation(apiSchema: GraphQLSchema): void {
  for (const [name, scalar] of Object.entries(scalarResolvers)) {
    const type = apiSchema.getType(name);
    if (!type || !isScalarType(type)) continue;
    Object.assign(type, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral, serialize: scalar.serialize });
  }
}

/**
 * A request refused as a whole (no data at all) answers with the HTTP status
 * its error code has in the registry (400 for bad input, 401, 403, 503...),
 * as GraphQL over HTTP prescribes for requests that cannot be executed;
 * the gateway would otherwise answer some of them 200 and some 500.
 */
export const statusFromErrorCodes: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data != null || !errors?.length) return;
        // A status Apollo chose on purpose (405 for a mutation over GET) stands.
        if (response.http.status !== undefined && response.http.status !== 200 && response.http.status !== 500) return;
        const status = statusOfRefusal(errors.map((e) => e.extensions?.code));
        if (status !== null) response.http.status = status;
      },
    };
  },
};
