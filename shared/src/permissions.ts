import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type StringValueNode,
} from 'graphql';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield, type IRule, type IRules } from 'graphql-shield';

import { decideAccess } from './access';
import type { ForwardedRequest } from './auth';
import { codedError } from './errors';
import { isGatewayService, isServicePrincipal } from './principal';

/** What the permission rules need from a subgraph's request context. */
export interface AccessContext {
  forwarded: ForwardedRequest;
}

// A map of field rules, as opposed to one rule for a whole type.
function isFieldMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** Each `Person` field of the SDL with the field group its `@sensitive` names. */
export function sensitiveFieldGroups(typeDefs: DocumentNode): Map<string, string> {
  const groups = new Map<string, string>();
  for (const def of typeDefs.definitions) {
    if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== 'Person') continue;
    for (const field of (def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'sensitive');
      const arg = directive?.arguments?.find((a) => a.name.value === 'group');
      if (arg?.value.kind === Kind.STRING) groups.set(field.name.value, (arg.value as StringValueNode).value);
    }
  }
  return groups;
}

/**
 * The graphql-shield middleware of a subgraph, derived from its SDL and the
 * policy: deny by default; the entry points and federation's `_service` /
 * `_entities` allowed (field rules still apply to what they return); every
 * `Person` field decided per person by its field group; the types under a
 * Person field allowed, since reaching them requires passing that field.
 * A Person field without `@sensitive` stays denied: forgetting the
 * directive cannot leak anything.
 */
export function withSubgraphPermissions(schema: GraphQLSchema, typeDefs: DocumentNode, extraRules: IRules = {}): GraphQLSchema {
  const groups = sensitiveFieldGroups(typeDefs);
  const personRules: Record<string, IRule | typeof allow> = { id: allow };
  for (const [field, group] of groups) {
    personRules[field] = rule(`person-${field}`, { cache: 'no_cache' })((parent: { id: string }, _args: unknown, ctx: AccessContext) => {
      const decision = decideAccess(ctx.forwarded, group, parent.id);
      return decision.allowed ? true : codedError(decision.code, `Not allowed to read ${field}: ${decision.reason}`, { fieldGroup: group });
    });
  }
  const objectTypes = typeDefs.definitions.filter(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && !['Query', 'Mutation', 'Person'].includes(d.name.value),
  );
  const rules: Record<string, unknown> = {
    // The SDL (with the internal operations) is for the gateway's composition only.
    Query: { person: allow, people: allow, _service: gatewayOnly, _entities: allow },
    Person: personRules,
    // Federation's own types and the shared result types.
    _Service: allow,
    ...Object.fromEntries(objectTypes.map((t) => [t.name.value, allow])),
  };
  // A subgraph's own rules add to the derived ones type by type (its Query
  // fields join person/people rather than replacing them).
  for (const [type, typeRules] of Object.entries(extraRules)) {
    const existing = rules[type];
    rules[type] = isFieldMap(existing) && isFieldMap(typeRules) ? { ...existing, ...typeRules } : typeRules;
  }
  const middleware = shield(rules as IRules, {
    fallbackRule: deny,
    // Resolver errors are already coded GraphQLErrors; let them through as they are.
    allowExternalErrors: true,
    fallbackError: (thrown) => (thrown instanceof GraphQLError ? thrown : codedError('FORBIDDEN', 'Not allowed')),
  }).generate(schema) as Record<string, Record<string, unknown>>;
  // A field whose rule is a plain `allow` keeps its own resolver. Shield
  // would wrap it in an asynchronous check that always passes, which turns
  // every field of a large answer (10,000 blacklist results) into promise
  // work: about a third of such a call's time in the platform.
  for (const [type, typeRule] of Object.entries(rules)) {
    if (typeRule === allow) delete middleware[type];
    else if (isFieldMap(typeRule)) for (const [field, fieldRule] of Object.entries(typeRule)) if (fieldRule === allow) delete middleware[type]?.[field];
  }
  return applyMiddleware(schema, middleware as IMiddleware);
}

/** Shield rule: only the gateway's own service principal passes. */
export const gatewayOnly: IRule = rule('gateway-only', { cache: 'no_cache' })((_parent: unknown, _args: unknown, ctx: AccessContext) =>
  isGatewayService(ctx.forwarded.principal) ? true : codedError('FORBIDDEN', 'This operation is internal to the gateway'),
);

/** Shield rule: only operators of `bureau` (role bureau, org = bureau) pass. */
export function bureauWriter(bureau: string): IRule {
  return rule(`bureau-writer-${bureau}`, { cache: 'no_cache' })((_parent: unknown, _args: unknown, ctx: AccessContext) => {
    const { principal } = ctx.forwarded;
    if (principal.role === 'bureau' && principal.org === bureau) return true;
    if (principal.role === 'public') return codedError('UNAUTHENTICATED', `Sign in as a ${bureau} operator to write its records`);
    return codedError('FORBIDDEN', `Only ${bureau} operators write ${bureau} records`);
  });
}

/** Shield rule: only the services' own principals (gateway, platform) pass. */
export const serviceOnly: IRule = rule('service-only', { cache: 'no_cache' })((_parent: unknown, _args: unknown, ctx: AccessContext) =>
  isServicePrincipal(ctx.forwarded.principal) ? true : codedError('FORBIDDEN', 'This operation is internal to the platform services'),
);
