import { createHash } from 'node:crypto';

import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { roleLevelDecision, sensitiveFieldGroups } from '@credit/shared';
import {
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import type { GatewayContext } from './context';

/**
 * Field-level authorisation at the edge. Before the gateway plans a query,
 * every `Person` field the caller's role may never read (policy access
 * matrix, by the field's `@sensitive` group) is removed from the operation,
 * so the subgraph that owns it is not even asked. After execution each
 * removed field is answered `null` with a FORBIDDEN error at its path, and the
 * rest of the answer comes as usual. Per-person rules (own record, consent,
 * public lists) are decided again in each subgraph, where the data is.
 */

// Stands in for a selection set left empty by the removal (a selection set
// may not be empty); removed from the response.
const PLACEHOLDER_ALIAS = '__denied';

interface Denial {
  group: string;
  code: string;
  reason: string;
}

/** Person field groups of the composed supergraph, read from its `@sensitive` directives. */
export function personFieldGroups(supergraphSdl: string): Map<string, string> {
  return sensitiveFieldGroups(parse(supergraphSdl));
}

function withPlaceholderIfEmpty(selectionSet: SelectionSetNode): SelectionSetNode {
  if (selectionSet.selections.length > 0) return selectionSet;
  const placeholder: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PLACEHOLDER_ALIAS }, name: { kind: Kind.NAME, value: '__typename' } };
  return { ...selectionSet, selections: [placeholder] };
}

/** Removes the denied Person fields; returns the new document and the removed nodes. */
function stripDeniedFields(document: DocumentNode, schema: GraphQLSchema, denyField: (name: string) => Denial | null) {
  const denied = new Map<FieldNode, Denial>();
  const typeInfo = new TypeInfo(schema);
  const stripped = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          if (typeInfo.getParentType()?.name !== 'Person') return undefined;
          const denial = denyField(node.name.value);
          if (!denial) return undefined;
          denied.set(node, denial);
          return null;
        },
      },
    }),
  );
  const repaired = visit(stripped, { SelectionSet: { leave: (node) => withPlaceholderIfEmpty(node) } });
  return { document: repaired, denied };
}

type Json = Record<string, unknown>;

/** Answers each removed field with null and an error at its path, following the original operation. */
function answerDenied(
  data: Json,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  denied: Map<FieldNode, Denial>,
): GraphQLFormattedError[] {
  const errors = new Map<string, GraphQLFormattedError>();
  const walk = (selectionSet: SelectionSetNode, value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(selectionSet, item, [...path, i]));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const object = value as Json;
    delete object[PLACEHOLDER_ALIAS];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, object, path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, object, path);
      } else {
        const key = selection.alias?.value ?? selection.name.value;
        const denial = denied.get(selection);
        if (denial) {
          object[key] = null;
          const errorPath = [...path, key];
          errors.set(JSON.stringify(errorPath), {
            message: `Not allowed to read ${selection.name.value}: ${denial.reason}`,
            path: errorPath,
            extensions: { code: denial.code, fieldGroup: denial.group },
          });
        } else if (selection.selectionSet) {
          walk(selection.selectionSet, object[key], [...path, key]);
        }
      }
    }
  };
  walk(operation.selectionSet, data, []);
  return [...errors.values()];
}

/** The Apollo Server plugin that applies the role-level field policy of the gateway. */
export function fieldPolicyPlugin(fieldGroups: Map<string, string>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let original: { operation: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode>; denied: Map<FieldNode, Denial> } | null = null;
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>) {
          const { forwarded } = requestContext.contextValue;
          if (!requestContext.operation) return;
          const { document, denied } = stripDeniedFields(requestContext.document, requestContext.schema, (field) => {
            // The key (the ID the caller asked with) and the type name are not personal data.
            if (field === 'id' || field === '__typename') return null;
            const group = fieldGroups.get(field);
            // A Person field without a group is denied: the policy never saw it.
            if (!group) return { group: 'unknown', code: 'FORBIDDEN', reason: 'the field has no policy field group' };
            const decision = roleLevelDecision(forwarded, group);
            return decision && !decision.allowed ? { group, code: decision.code, reason: decision.reason } : null;
          });
          if (denied.size === 0) return;
          original = {
            operation: requestContext.operation!,
            fragments: new Map(
              requestContext.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
            ),
            denied,
          };
          const operationName = requestContext.operation!.name?.value;
          const operation = document.definitions.find(
            (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
          )!;
          // The gateway caches query plans by query hash: the stripped
          // document must not share a plan with the full one.
          const mutable = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          mutable.document = document;
          mutable.operation = operation;
          mutable.queryHash = createHash('sha256').update(print(document)).digest('hex');
        },
        async willSendResponse({ response }) {
          if (!original || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.data) return;
          const denials = answerDenied(result.data as Json, original.operation, original.fragments, original.denied);
          result.errors = [...(result.errors ?? []), ...denials];
        },
      };
    },
  };
}
