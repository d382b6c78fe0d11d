import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTNode,
  type ASTVisitor,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

import { codedError, ERROR_CODES } from './errors';
import { policy } from './policy';

/**
 * Limits on what one operation may cost, checked at the gateway and in every
 * subgraph before anything runs: nesting depth, number of aliases (the cheap
 * way to multiply work), and an estimated cost in which a paginated field
 * counts its page size times its selection and `people(ids:)` the number of
 * IDs.
 */

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Depth allowed inside `__schema` / `__type`: the standard introspection query (GraphiQL's, codegen's) nests deeper than any data query. */
  maxIntrospectionDepth: number;
}

export function operationLimits(): OperationLimits {
  const { maxQueryDepth, maxAliases, maxQueryCost, maxIntrospectionDepth } = policy().limits;
  return { maxDepth: maxQueryDepth, maxAliases, maxCost: maxQueryCost, maxIntrospectionDepth };
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

function intArg(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

function listArgLength(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.LIST) return arg.value.values.length;
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return Array.isArray(v) ? v.length : undefined;
  }
  return undefined;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
  /** Deepest introspection subtree (measured apart from `depth`). */
  introspectionDepth: number;
}

/**
 * How many items a field serves per item of its parent: a page of `first`
 * items for a paginated field, as asked or, when not asked, the default the
 * schema declares for it (what is served, not one); one per ID asked for.
 * Without a schema (or for a field it does not know) only the arguments
 * written in the document count.
 */
function itemsServed(selection: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>): number {
  const pageArg = definition?.args.find((a) => a.name === 'first');
  if (pageArg || selection.arguments?.some((a) => a.name.value === 'first')) {
    const declared = typeof pageArg?.defaultValue === 'number' ? pageArg.defaultValue : undefined;
    return intArg(selection, 'first', variables) ?? declared ?? policy().limits.defaultPageSize;
  }
  return listArgLength(selection, 'ids', variables) ?? 1;
}

function fieldDefinition(parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

function measure(
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType | undefined,
  context: { fragments: Map<string, FragmentDefinitionNode>; variables: Record<string, unknown>; schema?: GraphQLSchema },
  seen: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  let introspectionDepth = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      const definition = fieldDefinition(parent, selection.name.value);
      const childType = definition ? getNamedType(definition.type) : undefined;
      const child = selection.selectionSet
        ? measure(selection.selectionSet, childType && isCompositeType(childType) ? childType : undefined, context, seen)
        : { depth: 0, aliases: 0, cost: 0, introspectionDepth: 0 };
      introspectionDepth = Math.max(introspectionDepth, child.introspectionDepth);
      if (INTROSPECTION_ROOTS.has(selection.name.value)) {
        // Counted against its own limit; in the data depth it is one level.
        introspectionDepth = Math.max(introspectionDepth, child.depth + 1);
        depth = Math.max(depth, 1);
        aliases += child.aliases;
        cost += 1 + child.cost;
        continue;
      }
      const multiplier = itemsServed(selection, definition, context.variables);
      depth = Math.max(depth, child.depth + 1);
      aliases += child.aliases;
      cost += 1 + multiplier * child.cost;
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.fragments.get(selection.name.value);
      const target = fragment?.selectionSet;
      // A fragment spread inside itself is reported by graphql's own rule; count it once here.
      const key = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : '';
      if (!target || (key && seen.has(key))) continue;
      const condition = fragment?.typeCondition && context.schema?.getType(fragment.typeCondition.name.value);
      const innerParent = condition && isCompositeType(condition) ? condition : parent;
      const inner = measure(target, innerParent, context, key ? new Set([...seen, key]) : seen);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
      introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
    }
  }
  return { depth, aliases, cost, introspectionDepth };
}

/**
 * Checks an operation against the limits; throws the first coded error. Run
 * on every request (not as a cached validation rule) because the cost
 * depends on the variables: `first: $n`, `ids: $ids`.
 */
export function checkOperationLimits(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  schema?: GraphQLSchema,
): void {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const root = schema?.getRootType(operation.operation) ?? undefined;
  const m = measure(operation.selectionSet, root, { fragments, variables, schema }, new Set());
  const status = { http: { status: ERROR_CODES.QUERY_TOO_DEEP.http } };
  if (m.depth > limits.maxDepth)
    throw codedError('QUERY_TOO_DEEP', `Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`, { depth: m.depth, max: limits.maxDepth, ...status });
  if (m.introspectionDepth > limits.maxIntrospectionDepth) {
    throw codedError('QUERY_TOO_DEEP', `Introspection depth ${m.introspectionDepth} exceeds the limit of ${limits.maxIntrospectionDepth}`, {
      depth: m.introspectionDepth,
      max: limits.maxIntrospectionDepth,
      ...status,
    });
  }
  if (m.aliases > limits.maxAliases) {
    throw codedError('TOO_MANY_ALIASES', `${m.aliases} aliases exceed the limit of ${limits.maxAliases}`, {
      aliases: m.aliases,
      max: limits.maxAliases,
      ...status,
    });
  }
  if (m.cost > limits.maxCost)
    throw codedError('QUERY_TOO_COSTLY', `Estimated cost ${m.cost} exceeds the limit of ${limits.maxCost}`, { cost: m.cost, max: limits.maxCost, ...status });
}

/** The Apollo Server plugin applying {@link checkOperationLimits} to every operation. */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits = operationLimits()): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (operation) checkOperationLimits(document, operation, request.variables ?? {}, limits, schema);
        },
      };
    },
  };
}

/**
 * Validation rule: at most `limits.maxDirectives` directives in a document
 * and `limits.maxDirectivesPerLocation` on one field, fragment or
 * operation. Without it a document of thousands of repeated directives
 * ("directive overloading") is validated directive by directive, one error
 * each. The first breach is reported once, as TOO_MANY_DIRECTIVES.
 */
export function directiveLimitsRule(context: ValidationContext): ASTVisitor {
  const { maxDirectives, maxDirectivesPerLocation } = policy().limits;
  let total = 0;
  let reported = false;
  const report = (message: string, node: ASTNode) => {
    if (reported) return;
    reported = true;
    context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'TOO_MANY_DIRECTIVES', maxDirectives, maxDirectivesPerLocation } }));
  };
  const check = (node: ASTNode & { directives?: readonly DirectiveNode[] }) => {
    const count = node.directives?.length ?? 0;
    total += count;
    if (count > maxDirectivesPerLocation) report(`${count} directives in one place exceed the limit of ${maxDirectivesPerLocation}`, node);
    else if (total > maxDirectives) report(`More than ${maxDirectives} directives in one document`, node);
  };
  return { Field: check, FragmentSpread: check, InlineFragment: check, FragmentDefinition: check, OperationDefinition: check, VariableDefinition: check };
}

/**
 * The Apollo Server plugin that keeps a TOO_MANY_DIRECTIVES refusal alone in
 * the answer: the other validation rules report every one of the directives
 * too, which is the cost the limit is there to cap.
 */
export function directiveLimitsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limit = response.body.singleResult.errors?.find((e) => e.extensions?.code === 'TOO_MANY_DIRECTIVES');
          if (limit) response.body.singleResult.errors = [limit];
        },
      };
    },
  };
}
