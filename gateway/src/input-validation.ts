import type { ApolloServerPlugin } from '@apollo/server';
import { scalarResolvers } from '@credit/shared';
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

const INPUT_CODES = new Set(['BAD_USER_INPUT', 'TOO_MANY_IDS']);

/**
 * A request refused as a whole for bad input (no data at all) is an HTTP 400,
 * as GraphQL over HTTP prescribes for requests that cannot be executed; the
 * gateway's own variable check would otherwise answer 200.
 */
export const badInputIsHttp400: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data == null && errors?.length && errors.every((e) => INPUT_CODES.has(String(e.extensions?.code)))) {
          response.http.status = 400;
        }
      },
    };
  },
};
