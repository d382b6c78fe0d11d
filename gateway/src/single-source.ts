import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { formatErrorForClient, type Logger } from '@credit/shared';
import {
  buildASTSchema,
  getNamedType,
  GraphQLError,
  isEnumType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import type { GatewayContext } from './context';
import type { SubgraphDataSource } from './datasource';

/**
 * A query that one source can answer whole is sent to that source as it
 * stands, and its answer passed on, instead of being planned into a fetch
 * and its answer reshaped field by field by the gateway (which, for a
 * blacklist check of 10,000 IDs, is most of the gateway's work). Everything
 * else about the request is as on any other path: the authorisation
 * plugin has already removed the fields the caller may not read and looked
 * up consents and lists, the source receives the same signed principal,
 * and the answer is reviewed, masked and logged before it leaves.
 *
 * A query qualifies when every field it selects, through every fragment,
 * can be resolved by one same source according to the supergraph's
 * `@join__type` / `@join__field` (not `@external`, not overridden, without
 * `@requires`, typed alike by its sources), returns an object, a scalar or an enum none of whose values
 * is `@inaccessible` (never an interface or union, whose concrete types
 * the API may hide), and is not introspection. Anything else goes through
 * the query planner as before.
 */

/** Per `Type.field`, the sources that can resolve it alone; a field absent here resolves nowhere directly. */
export type FieldSources = ReadonlyMap<string, ReadonlySet<string>>;

const argOf = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;

/** The sources of every field of the supergraph, read from its join directives. */
export function fieldSources(supergraphSdl: string): FieldSources {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const graphNames = new Map<string, string>();
  const graphEnum = schema.getType('join__Graph');
  if (isEnumType(graphEnum)) {
    for (const value of graphEnum.getValues()) {
      const name = value.astNode?.directives?.find((d) => d.name.value === 'join__graph');
      const arg = name && argOf(name, 'name');
      if (arg?.kind === Kind.STRING) graphNames.set(value.name, arg.value);
    }
  }
  const graphOf = (directive: ConstDirectiveNode) => {
    const graph = argOf(directive, 'graph');
    return graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
  };
  const isTrue = (directive: ConstDirectiveNode, name: string) => {
    const value = argOf(directive, name);
    return value?.kind === Kind.BOOLEAN && value.value;
  };
  const sources = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
    const typeGraphs = typeDirectives.filter((d) => d.name.value === 'join__type').map(graphOf);
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned) && !isEnumType(returned) && !isScalarType(returned)) continue;
      if (isEnumType(returned) && returned.getValues().some((v) => v.astNode?.directives?.some((d) => d.name.value === 'inaccessible'))) continue;
      const joins = field.astNode?.directives?.filter((d) => d.name.value === 'join__field') ?? [];
      // A field whose sources give it different types (`type:`) is answered as the supergraph types it only by the planner.
      if (joins.some((join) => argOf(join, 'type'))) continue;
      const graphs = new Set<string>();
      if (joins.length === 0) for (const graph of typeGraphs) if (graph) graphs.add(graph);
      for (const join of joins) {
        const graph = graphOf(join);
        if (graph && !isTrue(join, 'external') && !isTrue(join, 'usedOverridden') && !argOf(join, 'requires')) graphs.add(graph);
      }
      if (graphs.size > 0) sources.set(`${type.name}.${field.name}`, graphs);
    }
  }
  return sources;
}

/**
 * The one source that can answer this operation whole, or null. A query
 * whose fields several sources could each answer whole (only `person { id
 * }`) goes to the first of them by name.
 */
export function singleSourceOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, sources: FieldSources): string | null {
  if (operation.operation !== 'query') return null;
  const root = schema.getQueryType();
  if (!root) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  let candidates: Set<string> | null = null;
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, seen: ReadonlySet<string>): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const owners = sources.get(`${parent.name}.${name}`);
        const field = parent.getFields()[name];
        if (!owners || !field) return false;
        candidates = candidates ? new Set([...candidates].filter((c) => owners.has(c))) : new Set(owners);
        if (candidates.size === 0) return false;
        const returned = getNamedType(field.type);
        if (selection.selectionSet && (!isObjectType(returned) || !walk(selection.selectionSet, returned, seen))) return false;
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== parent.name)) return false;
        // A fragment spread within itself is invalid GraphQL, refused before this; a guard all the same.
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
        if (name && seen.has(name)) return false;
        if (!walk(fragment.selectionSet, parent, name ? new Set([...seen, name]) : seen)) return false;
      }
    }
    return true;
  };
  if (!walk(operation.selectionSet, root, new Set())) return null;
  const found = candidates as Set<string> | null;
  return found && found.size > 0 ? [...found].sort()[0]! : null;
}

/** How long a source whose direct call failed is asked through the planner only (whose root fallback answers for it). */
const AFTER_FAILURE_MS = 30_000;

/** The direct path as a server plugin, answering before execution when one source can answer the whole query. */
export function singleSourcePlugin({
  supergraphSdl,
  dataSources,
  log,
}: {
  supergraphSdl: string;
  dataSources: ReadonlyMap<string, SubgraphDataSource>;
  log: Logger;
}): ApolloServerPlugin<GatewayContext> {
  const sources = fieldSources(supergraphSdl);
  // Per planned document (the authorisation plugin keeps one per document and caller kind): its source and its text.
  const decided = new WeakMap<DocumentNode, Map<string, { source: string | null; text: string }>>();
  const failedUntil = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { document, operation, schema, request, contextValue } = requestContext;
          if (!operation || operation.operation !== 'query' || contextValue.authorisedDocument !== document) return null;
          let byOperation = decided.get(document);
          if (!byOperation) {
            byOperation = new Map();
            decided.set(document, byOperation);
          }
          const key = operation.name?.value ?? '';
          let decision = byOperation.get(key);
          if (!decision) {
            const source = singleSourceOf(schema, document, operation, sources);
            decision = { source, text: source ? print(document) : '' };
            byOperation.set(key, decision);
          }
          const dataSource = decision.source ? dataSources.get(decision.source) : undefined;
          if (!decision.source || !dataSource || (failedUntil.get(decision.source) ?? 0) > Date.now()) return null;
          let answer;
          try {
            answer = await dataSource.processWithoutFallback({
              kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
              request: { query: decision.text, variables: request.variables ?? {}, operationName: request.operationName ?? undefined },
              // The data source reads only the cache policy of it (which our sources do not honour); the
              // gateway's own executor gets it in the gateway's older shape, with these two members added.
              incomingRequestContext: { ...requestContext, context: contextValue, schemaHash: '' } as never,
              context: contextValue,
              document,
            });
          } catch (err) {
            // The planner's path answers as it would have: for a source that cannot be reached, by its root
            // fallback (root-fallback.ts), which it is left to for a while; a refusal, with the same refusal.
            if (err instanceof GraphQLError && err.extensions?.code === 'SUBGRAPH_UNAVAILABLE') {
              failedUntil.set(decision.source, Date.now() + AFTER_FAILURE_MS);
              contextValue.log.warn('source unavailable on the direct path; answered through the planner', { subgraph: decision.source });
            }
            return null;
          }
          const errors = answer.errors?.map((e) => formatted(e, decision.source!, log));
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: answer.data ?? null, ...(errors?.length ? { errors } : {}) } },
          };
        },
      };
    },
  };
}

/** A source's error as the planner's path formats it: its message, path and extensions, with the source named (dropped in production). */
function formatted(error: GraphQLFormattedError, serviceName: string, log: Logger): GraphQLFormattedError {
  const extensions = { ...error.extensions, code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', serviceName };
  const asError = new GraphQLError(error.message, { path: error.path, extensions });
  return formatErrorForClient({ message: error.message, ...(error.path ? { path: error.path } : {}), extensions }, asError, log);
}
