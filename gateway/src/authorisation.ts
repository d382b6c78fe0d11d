import { createHash } from 'node:crypto';

import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  accessRule,
  checkOperationLimits,
  codedError,
  decideAccess,
  maskCitizenId,
  operationLimits,
  roleLevelDecision,
  sensitiveFieldGroups,
  type ForwardedRequest,
} from '@credit/shared';
import {
  isEnumType,
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

import { PURPOSE_HEADER } from './authentication';
import type { GatewayContext } from './context';
import type { ConsentCheckResult, PlatformClient, QueryLogInput } from './platform-client';
import { publicListed } from './public-lists';
import { allRequestedIds, personAtPath, requestedPeople, type RequestedPeople } from './requested-people';

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

/** The Person fields an operation selects (through fragments too), by response key. */
function selectedPersonFields(document: DocumentNode, schema: GraphQLSchema): Map<string, string> {
  const fields = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (typeInfo.getParentType()?.name === 'Person') fields.set(node.alias?.value ?? node.name.value, node.name.value);
      },
    }),
  );
  return fields;
}

export interface AuthorisationOptions {
  /** Field group of each Person field (from the supergraph's `@sensitive`). */
  fieldGroups: Map<string, string>;
  platform: PlatformClient;
  subgraphUrl: (name: string) => string;
  internalSecret: Uint8Array;
}

interface RequestState {
  people: RequestedPeople;
  /** Response key -> Person field name, for every Person field selected. */
  personFields: Map<string, string>;
  /** Groups of the Person fields asked for. */
  requestedGroups: string[];
  stripped: { operation: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode>; denied: Map<FieldNode, Denial> } | null;
}

const ROLE_IN_LOG: Record<string, string> = {
  public: 'PUBLIC',
  subject: 'SUBJECT',
  partner: 'PARTNER',
  internal: 'INTERNAL',
  bureau: 'BUREAU',
  reviewer: 'REVIEWER',
  auditor: 'AUDITOR',
};

/**
 * The gateway's authorisation of a request, around the plan:
 * before it, the operation limits, the consents of the people asked for (partners; one lookup for
 * all of them, which also tells whether the institution is blacklisted) and
 * the removal of fields the role may never read; after it, the removed fields
 * answered null with their error, and one query-log entry per person read
 * (MISSION rule 4). If the log cannot be written the data is not served.
 */
export function authorisationPlugin({ fieldGroups, platform, subgraphUrl, internalSecret }: AuthorisationOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let state: RequestState | null = null;
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>) {
          const context = requestContext.contextValue;
          const operation = requestContext.operation;
          if (!operation) return;
          // Limits first: an operation too costly to run costs no consent check either.
          checkOperationLimits(requestContext.document, operation, requestContext.request.variables ?? {}, operationLimits());
          const people = requestedPeople(operation, requestContext.request.variables ?? {});
          const ids = allRequestedIds(people);

          if (context.principal.role === 'partner' && ids.length > 0) await applyConsents(requestContext, ids, platform);

          const personFields = selectedPersonFields(requestContext.document, requestContext.schema);
          const requestedGroups = [...new Set([...personFields.values()].map((f) => fieldGroups.get(f)).filter((g): g is string => Boolean(g)))];

          // Whose identity the caller may see depends on the public lists
          // when the policy says so for this role (the public; a subject
          // looking at someone else).
          const judgedByPublicLists = ids.filter((id) => identityDependsOnPublicLists(context.forwarded, id));
          if (judgedByPublicLists.length > 0 && requestedGroups.includes('identity')) {
            try {
              context.forwarded = {
                ...context.forwarded,
                publicListed: await publicListed(judgedByPublicLists, subgraphUrl, internalSecret, context.requestId),
              };
            } catch (err) {
              // Without the lists nobody counts as listed: identity stays FORBIDDEN, nothing leaks.
              context.log.warn('public-list check failed; identities withheld', { err });
            }
          }

          state = { people, personFields, requestedGroups, stripped: null };

          const { document, denied } = stripDeniedFields(requestContext.document, requestContext.schema, (field) => {
            // The key (the ID the caller asked with) and the type name are not personal data.
            if (field === 'id' || field === '__typename') return null;
            const group = fieldGroups.get(field);
            // A Person field without a group is denied: the policy never saw it.
            if (!group) return { group: 'unknown', code: 'FORBIDDEN', reason: 'the field has no policy field group' };
            const decision = roleLevelDecision(context.forwarded, group);
            return decision && !decision.allowed ? { group, code: decision.code, reason: decision.reason } : null;
          });
          if (denied.size === 0) return;
          state.stripped = {
            operation,
            fragments: new Map(
              requestContext.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
            ),
            denied,
          };
          const operationName = operation.name?.value;
          const strippedOperation = document.definitions.find(
            (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
          )!;
          // The gateway caches query plans by query hash: the stripped
          // document must not share a plan with the full one.
          const mutable = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          mutable.document = document;
          mutable.operation = strippedOperation;
          mutable.queryHash = createHash('sha256').update(print(document)).digest('hex');
        },

        async willSendResponse({ response, contextValue }) {
          if (!state || response.body.kind !== 'single') return;
          const body = response.body;
          const result = body.singleResult;
          if (result.data) maskIds(result.data as Json, state, contextValue);
          if (state.stripped && result.data) {
            const denials = answerDenied(result.data as Json, state.stripped.operation, state.stripped.fragments, state.stripped.denied);
            result.errors = [...(result.errors ?? []), ...denials];
          }
          const withhold = () => {
            body.singleResult = {
              errors: [
                { message: 'The read could not be recorded in the query log; nothing is served. Retry later.', extensions: { code: 'QUERY_LOG_UNAVAILABLE' } },
              ],
            };
            response.http.status = 503;
          };
          // A subgraph that logs its own reads (the platform's blacklist check) could not: nothing else is served either.
          if (result.errors?.some((e) => e.extensions?.code === 'QUERY_LOG_UNAVAILABLE')) return withhold();
          const entries = queryLogEntries(state, contextValue, result.errors ?? [], fieldGroups);
          if (entries.length === 0) return;
          try {
            await platform.appendQueryLog(entries, contextValue.requestId);
          } catch (err) {
            // Fail closed: a read that cannot be recorded is not served.
            contextValue.log.error('query log append failed; response withheld', { err });
            withhold();
          }
        },
      };
    },
  };
}

/** Whether the policy decides this person's identity for this caller by the public lists. */
function identityDependsOnPublicLists(request: ForwardedRequest, personId: string): boolean {
  const rule = accessRule(request.principal.role, 'identity');
  return rule === 'public_list_masked' || (rule === 'own_else_public' && request.principal.subjectId !== personId);
}

/**
 * Citizen IDs in the answer are masked (first 6 and last 4 kept) wherever the
 * caller may not see that person's identity unmasked (policy `identity`
 * group): the public, a subject looking at someone else, a partner whose
 * consent does not cover identity, a bureau that does not own identity.
 */
function maskIds(data: Json, state: RequestState, context: GatewayContext): void {
  const idKeys = [...state.personFields.entries()].filter(([, field]) => field === 'id').map(([key]) => key);
  if (idKeys.length === 0) return;
  const maskPerson = (person: unknown) => {
    if (!person || typeof person !== 'object') return;
    const object = person as Json;
    for (const key of idKeys) {
      const id = object[key];
      if (typeof id !== 'string') continue;
      const decision = decideAccess(context.forwarded, 'identity', id);
      if (!decision.allowed || decision.masked) object[key] = maskCitizenId(id);
    }
  };
  for (const key of state.people.keys()) {
    const value = data[key];
    if (Array.isArray(value)) value.forEach(maskPerson);
    else maskPerson(value);
  }
}

async function applyConsents(requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>, ids: string[], platform: PlatformClient): Promise<void> {
  const context = requestContext.contextValue;
  const { purpose, org } = context.principal;
  // Without a declared purpose no consent can apply: every consent-scoped field is CONSENT_REQUIRED.
  if (!purpose) return;
  const purposes = requestContext.schema.getType('ConsentPurpose');
  if (!isEnumType(purposes) || !purposes.getValue(purpose)) {
    throw codedError('BAD_USER_INPUT', `Unknown purpose "${purpose}" in ${PURPOSE_HEADER}`, {
      reason: 'not a consent purpose',
      allowed: isEnumType(purposes) ? purposes.getValues().map((v) => v.name) : [],
    });
  }
  let check: ConsentCheckResult;
  try {
    check = await platform.consentCheck(org!, purpose, ids, context.requestId);
  } catch (err) {
    context.log.error('consent check failed', { err });
    throw codedError('SUBGRAPH_UNAVAILABLE', 'Consents cannot be checked right now; retry later', { subgraph: 'platform' });
  }
  context.forwarded = {
    ...context.forwarded,
    principal: check.institutionBlacklisted ? { ...context.principal, blacklisted: true } : context.principal,
    grants: Object.fromEntries(check.grants.map((g) => [g.subjectId, { consentId: g.consentId, scopes: g.scopes, purpose: g.purpose }])),
  };
}

/** One entry per person read by someone other than that person: who, why, which groups, with what outcome. */
function queryLogEntries(
  state: RequestState,
  context: GatewayContext,
  errors: readonly GraphQLFormattedError[],
  fieldGroups: Map<string, string>,
): QueryLogInput[] {
  if (state.requestedGroups.length === 0) return [];
  const { principal, forwarded } = context;
  const deniedGroups = new Map<string, Set<string>>();
  for (const error of errors) {
    if (!error.path) continue;
    const at = personAtPath(state.people, error.path);
    const field = at?.fieldKey ? state.personFields.get(at.fieldKey) : undefined;
    const group = field ? fieldGroups.get(field) : undefined;
    if (!at || !group) continue;
    if (!deniedGroups.has(at.id)) deniedGroups.set(at.id, new Set());
    deniedGroups.get(at.id)!.add(group);
  }
  const entries: QueryLogInput[] = [];
  for (const id of allRequestedIds(state.people)) {
    if (principal.role === 'subject' && principal.subjectId === id) continue;
    const denied = deniedGroups.get(id) ?? new Set<string>();
    const served = state.requestedGroups.filter((g) => !denied.has(g));
    entries.push({
      personId: id,
      actorRole: ROLE_IN_LOG[principal.role]!,
      actorId: principal.subjectId ?? principal.org ?? null,
      institutionId: principal.role === 'partner' ? (principal.org ?? null) : null,
      purpose: principal.purpose ?? null,
      consentId: forwarded.grants[id]?.consentId ?? null,
      fieldGroups: served,
      outcome: served.length === 0 ? 'DENIED' : denied.size > 0 ? 'PARTLY_DENIED' : 'SERVED',
    });
  }
  return entries;
}
