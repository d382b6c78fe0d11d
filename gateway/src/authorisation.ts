import { createHash } from 'node:crypto';

import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  accessRule,
  checkFieldArguments,
  checkOperationLimits,
  codedError,
  decideAccess,
  isServicePrincipal,
  logActorId,
  logActorRole,
  maskCitizenId,
  operationLimits,
  requestError,
  roleLevelDecision,
  seesIdentityUnmasked,
  sensitiveFieldGroups,
  type ForwardedRequest,
} from '@credit/shared';
import { isEnumType, Kind, parse, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';

import { PURPOSE_HEADER } from './authentication';
import type { GatewayContext } from './context';
import type { ConsentPurpose } from './generated/platform-operations';
import type { ConsentCheckResult, PlatformClient, QueryLogInput } from './platform-client';
import {
  coerceVariables,
  documentToPlan,
  operationDemand,
  reviewAnswer,
  type Denial,
  type OperationDemand,
  type PersonRead,
  type Variables,
} from './served-people';

/**
 * Field-level authorisation at the edge. Before the gateway plans a query,
 * every `Person` field the caller's role may never read (policy access
 * matrix, by the field's `@sensitive` group) is removed from the operation,
 * so the subgraph that owns it is not even asked. After execution each
 * removed field is answered `null` with a FORBIDDEN error at its path, and the
 * rest of the answer comes as usual. Per-person rules (own record, consent,
 * public lists) are decided again in each subgraph, where the data is.
 */

/** Person field groups of the composed supergraph, read from its `@sensitive` directives. */
export function personFieldGroups(supergraphSdl: string): Map<string, string> {
  return sensitiveFieldGroups(parse(supergraphSdl));
}

export interface AuthorisationOptions {
  /** Field group of each Person field (from the supergraph's `@sensitive`). */
  fieldGroups: Map<string, string>;
  platform: PlatformClient;
}

interface RequestState {
  /** The document and operation as the caller sent them (the answer is walked along these). */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Variables;
  denied: ReadonlyMap<FieldNode, Denial>;
  /** The reads foreseen before execution, and the append of their entries, running while the query executes. */
  foreseen: { people: Map<string, PersonRead>; append: Promise<void> } | null;
}

interface PlannedDocument {
  document: DocumentNode;
  denied: Map<FieldNode, Denial>;
  queryHash: string;
}

// Planned documents of a parsed document (Apollo keeps parsed documents and
// hands the same object to repeated queries), by what the removal depends
// on. Keyed by the document object itself: the removed field nodes are
// nodes of that object, which the answer review looks up by identity.
type PlanCache = WeakMap<DocumentNode, Map<string, PlannedDocument>>;

/**
 * The gateway's authorisation of a request, around the plan. Before it: the
 * operation limits; the consents of the people the operation names
 * (partners; one lookup for all of them, which also tells whether the
 * institution is blacklisted); the public lists where they decide identity;
 * and the document to plan: fields the role may never read removed, and
 * every person's ID asked for. After it: the answer is walked along the
 * operation as executed (served-people.ts), which answers the removed fields
 * null with their error, masks IDs, and tells exactly which people were read
 * with which field groups served and denied; the query-log entries of the
 * people read (MISSION rule 4) are written before the answer leaves, or
 * nothing is served. When the reads can be told before execution (people
 * reached through one root field: the rules, consents and public lists
 * decide each group), their entries are appended while the query executes
 * and awaited before answering; what the answer read beyond them is logged
 * after it, as every read is otherwise.
 */
export function authorisationPlugin({ fieldGroups, platform }: AuthorisationOptions): ApolloServerPlugin<GatewayContext> {
  const planned: PlanCache = new WeakMap();
  return {
    async requestDidStart() {
      let state: RequestState | null = null;
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<GatewayContext>) {
          const context = requestContext.contextValue;
          const operation = requestContext.operation;
          if (!operation) {
            const name = requestContext.request.operationName;
            throw requestError(
              'OPERATION_RESOLUTION_FAILURE',
              name ? `The document has no operation named "${name}"` : 'The document holds several operations: say which to run in operationName',
            );
          }
          if (operation.operation === 'subscription') throw requestError('OPERATION_NOT_SUPPORTED', 'Subscriptions are not served; use a query');
          // Limits first: an operation too costly to run costs no consent check either.
          checkOperationLimits(requestContext.document, operation, requestContext.request.variables ?? {}, operationLimits(), requestContext.schema);
          const variables = coerceVariables(requestContext.schema, operation, requestContext.request.variables ?? {});
          // Invalid variables: execution refuses them before anything is read.
          if (!variables) return;
          const demand = operationDemand(requestContext.schema, requestContext.document, operation, variables, checkFieldArguments);

          if (context.principal.role === 'partner' && demand.candidateIds.length > 0) await applyConsents(requestContext, demand.candidateIds, platform);

          // Whose identity the caller may see depends on the public lists
          // when the policy says so for this role (the public; a subject
          // looking at someone else).
          const judgedByPublicLists = demand.candidateIds.filter((id) => identityDependsOnPublicLists(context.forwarded, id));
          if (judgedByPublicLists.length > 0 && [...demand.personFields].some((f) => fieldGroups.get(f) === 'identity')) {
            try {
              context.forwarded = {
                ...context.forwarded,
                publicListed: await platform.publicListed(judgedByPublicLists, context.requestId),
              };
            } catch (err) {
              // Without the lists nobody counts as listed: identity stays FORBIDDEN, nothing leaks.
              context.log.warn('public-list check failed; identities withheld', { err });
            }
          }

          state = { document: requestContext.document, operation, variables, denied: new Map(), foreseen: null };
          // What the removal depends on: the role, the organisation (own_bureau;
          // a blacklisted institution's reason names it), a blacklisting and
          // whether the caller is one of our services ('service' groups).
          const { role, org, blacklisted } = context.forwarded.principal;
          const signature = JSON.stringify([role, org ?? '', blacklisted === true, isServicePrincipal(context.forwarded.principal)]);
          let plans = planned.get(requestContext.document);
          if (!plans) {
            plans = new Map();
            planned.set(requestContext.document, plans);
          }
          let plan = plans.get(signature);
          if (!plan) {
            const { document, denied } = documentToPlan(requestContext.document, requestContext.schema, (field) => {
              // The key and the type name are not personal data.
              if (field === 'id' || field === '__typename') return null;
              const group = fieldGroups.get(field);
              // A Person field without a group is denied: the policy never saw it.
              if (!group) return { group: 'unknown', code: 'FORBIDDEN', reason: 'the field has no policy field group' };
              const decision = roleLevelDecision(context.forwarded, group);
              return decision && !decision.allowed ? { group, code: decision.code, reason: decision.reason } : null;
            });
            // The gateway caches query plans by query hash: the planned
            // document must not share a plan with the one sent.
            plan = { document, denied, queryHash: createHash('sha256').update(`${requestContext.queryHash}|${signature}`).digest('hex') };
            plans.set(signature, plan);
          }
          state.denied = plan.denied;
          const operationName = operation.name?.value;
          const plannedOperation = plan.document.definitions.find(
            (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
          )!;
          const mutable = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          mutable.document = plan.document;
          mutable.operation = plannedOperation;
          mutable.queryHash = plan.queryHash;
          context.authorisedDocument = plan.document;

          // When the read can be told before it runs, its entries are written while it runs.
          const foreseen = operation.operation === 'query' && demand.onePersonRoot ? foreseeReads(demand, fieldGroups, context.forwarded) : null;
          const entries = foreseen ? queryLogEntries(foreseen, context) : [];
          if (foreseen && entries.length > 0) {
            const append = platform.appendQueryLog(entries, context.requestId);
            // Awaited before the answer leaves (willSendResponse); a rejection is handled there.
            append.catch(() => undefined);
            state.foreseen = { people: foreseen, append };
          }
        },

        async willSendResponse({ response, contextValue, schema }) {
          if (!state) return;
          const withhold = (message: string, code: string, status: number) => {
            response.body = { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } };
            response.http.status = status;
          };
          const logUnavailable = () =>
            withhold('The read could not be recorded in the query log; nothing is served. Retry later.', 'QUERY_LOG_UNAVAILABLE', 503);
          // Only complete answers can be reviewed before they leave.
          if (response.body.kind !== 'single') return withhold('Incremental delivery is not served', 'OPERATION_NOT_SUPPORTED', 400);
          const result = response.body.singleResult;
          let people = new Map<string, PersonRead>();
          if (result.data) {
            try {
              const review = reviewAnswer({
                schema,
                document: state.document,
                operation: state.operation,
                variables: state.variables,
                data: result.data as Record<string, unknown>,
                errors: result.errors ?? [],
                denied: state.denied,
                fieldGroups,
                shownId: (id) => (seesIdentityUnmasked(contextValue.forwarded, id) ? id : maskCitizenId(id)),
              });
              people = review.people;
              if (review.denialErrors.length > 0) result.errors = [...(result.errors ?? []), ...review.denialErrors];
            } catch (err) {
              contextValue.log.error('answer could not be reviewed; withheld', { err });
              return withhold('Internal server error', 'INTERNAL_SERVER_ERROR', 500);
            }
          }
          // A subgraph that logs its own reads (the platform's blacklist check) could not: nothing else is served either.
          if (result.errors?.some((e) => e.extensions?.code === 'QUERY_LOG_UNAVAILABLE')) return logUnavailable();
          // What the foreseen entries did not cover (a source that served differently than the rules foretold) is logged now.
          const entries = queryLogEntries(state.foreseen ? readsNotForeseen(people, state.foreseen.people) : people, contextValue);
          try {
            if (state.foreseen) await state.foreseen.append;
            if (entries.length > 0) await platform.appendQueryLog(entries, contextValue.requestId);
          } catch (err) {
            // Fail closed: a read that cannot be recorded is not served.
            contextValue.log.error('query log append failed; response withheld', { err });
            logUnavailable();
          }
        },
      };
    },
  };
}

/**
 * The reads an operation will make, told before it runs: each candidate
 * with every field group asked for, served or denied by the same rules the
 * sources apply (the caller's role, the person, the consents and public
 * lists already looked up). Only for an operation that reaches people
 * through one root field, where every candidate is asked the same fields,
 * and that does not read the query log itself: a read of the log written
 * while it runs could find its own entry or not, as the two happen to go.
 */
function foreseeReads(demand: OperationDemand, fieldGroups: ReadonlyMap<string, string>, request: ForwardedRequest): Map<string, PersonRead> | null {
  const groups = new Set([...demand.personFields].filter((f) => f !== 'id' && f !== '__typename').map((f) => fieldGroups.get(f) ?? 'unknown'));
  if (groups.has('query_log')) return null;
  const people = new Map<string, PersonRead>();
  for (const id of demand.candidateIds) {
    const read: PersonRead = { served: new Set(), denied: new Set() };
    for (const group of groups) (group !== 'unknown' && decideAccess(request, group, id).allowed ? read.served : read.denied).add(group);
    people.set(id, read);
  }
  return people;
}

/**
 * The reads of an answer that the foreseen entries do not cover: a person
 * not foreseen, or a group served or denied that was not foretold, with
 * everything read of that person. A foreseen group that came back with
 * neither (its source failed) stays logged as foreseen: the log may say
 * more was read than was, never less.
 */
function readsNotForeseen(people: ReadonlyMap<string, PersonRead>, foreseen: ReadonlyMap<string, PersonRead>): Map<string, PersonRead> {
  const uncovered = new Map<string, PersonRead>();
  for (const [id, read] of people) {
    const told = foreseen.get(id);
    const covered = told && [...read.served].every((g) => told.served.has(g)) && [...read.denied].every((g) => told.denied.has(g));
    if (!covered) uncovered.set(id, read);
  }
  return uncovered;
}

/** Whether the policy decides this person's identity for this caller by the public lists. */
function identityDependsOnPublicLists(request: ForwardedRequest, personId: string): boolean {
  const rule = accessRule(request.principal.role, 'identity');
  return rule === 'public_list_masked' || (rule === 'own_else_public' && request.principal.subjectId !== personId);
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
    // Checked against the schema's ConsentPurpose values just above.
    check = await platform.consentCheck(org!, purpose as ConsentPurpose, ids, context.requestId);
  } catch (err) {
    context.log.error('consent check failed', { err });
    throw requestError('SUBGRAPH_UNAVAILABLE', 'Consents cannot be checked right now; retry later', { subgraph: 'platform' });
  }
  if (!check.institutionRegistered) {
    throw requestError(
      'INSTITUTION_NOT_REGISTERED',
      `Institution ${org} is not registered with the platform: no consent can be granted to it. A platform reviewer registers institutions (registerInstitution).`,
      { institution: org },
    );
  }
  context.forwarded = {
    ...context.forwarded,
    principal: check.institutionBlacklisted ? { ...context.principal, blacklisted: true } : context.principal,
    grants: Object.fromEntries(check.grants.map((g) => [g.subjectId, { consentId: g.consentId, scopes: g.scopes, purpose: g.purpose }])),
  };
}

/**
 * What is logged of the people read by someone other than themselves: who,
 * why, which groups were served and which denied (MISSION rule 4). People
 * read alike in one answer (the same groups served and denied, the same
 * consent, so the same outcome) share one entry naming them all as its
 * subjects, as a blacklist check does; each of them still finds it in their
 * own log (the log is indexed by every person an entry names), and the
 * platform splits an entry past its subject limit. A person reached with
 * nothing served and nothing denied (only the ID, or every source
 * unavailable) was not read.
 */
function queryLogEntries(people: ReadonlyMap<string, PersonRead>, context: GatewayContext): QueryLogInput[] {
  const { principal, forwarded } = context;
  const alike = new Map<string, { ids: string[]; served: string[]; denied: string[]; consentId: string | null }>();
  for (const [id, read] of people) {
    if (principal.role === 'subject' && principal.subjectId === id) continue;
    const served = [...read.served].sort();
    const denied = [...read.denied].filter((g) => !read.served.has(g)).sort();
    if (served.length === 0 && denied.length === 0) continue;
    const consentId = forwarded.grants[id]?.consentId ?? null;
    const key = JSON.stringify([served, denied, consentId]);
    const group = alike.get(key);
    if (group) group.ids.push(id);
    else alike.set(key, { ids: [id], served, denied, consentId });
  }
  return [...alike.values()].map(({ ids, served, denied, consentId }) => ({
    ...(ids.length === 1 ? { personId: ids[0]! } : { personId: null, subjects: ids }),
    actorRole: logActorRole(principal.role),
    actorId: logActorId(principal),
    institutionId: principal.role === 'partner' ? (principal.org ?? null) : null,
    // Only a partner's purpose was checked (against the consent purposes): another caller's header is not logged.
    purpose: principal.role === 'partner' ? ((principal.purpose ?? null) as ConsentPurpose | null) : null,
    consentId,
    fieldGroups: served,
    deniedFieldGroups: denied,
    outcome: served.length === 0 ? 'DENIED' : denied.length > 0 ? 'PARTLY_DENIED' : 'SERVED',
  }));
}
