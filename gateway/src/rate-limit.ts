import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { codedError, policy, sha256, type Principal } from '@credit/shared';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import type { GatewayContext } from './context';

/**
 * Budgets of the root fields anyone may call that must not be called at
 * will, each from the policy, kept per caller: the anonymous public per
 * client address, a signed-in caller per identity. Each call of such a field
 * (each aliased field counts) takes one point. Over its budget the request
 * is refused as a whole with 429 RATE_LIMITED and `Retry-After`; every
 * answer that used a budget tells what is left of it (`RateLimit-Limit`,
 * `-Remaining`, `-Reset`, in seconds). The budgets are kept by
 * `rate-limiter-flexible` in this gateway's memory.
 *
 * - The public search of the published lists (`publicListSearch`), the
 *   verification of credit reports (`verifyCreditReport`) and the status of
 *   a report by its receipt (`dishonestyReportStatus`), whose codes must not
 *   be guessable by trying: `limits.publicSearchesPerMinute`. It keeps
 *   people from walking the lists name by name.
 * - Reports of dishonest behaviour (`reportDishonesty`, 举报):
 *   `limits.dishonestyReportsPerDay`, so that nobody floods a department.
 */
interface Budget {
  operation: 'query' | 'mutation';
  fields: ReadonlySet<string>;
  perCaller: { anonymous: number; signedIn: number };
  durationSeconds: number;
  /** The calls, and the period, as the refusal names them. */
  what: string;
  per: string;
}

function budgets(): Budget[] {
  const { publicSearchesPerMinute, dishonestyReportsPerDay } = policy().limits;
  return [
    {
      operation: 'query',
      fields: new Set(['publicListSearch', 'verifyCreditReport', 'dishonestyReportStatus']),
      perCaller: publicSearchesPerMinute,
      durationSeconds: 60,
      what: 'public searches',
      per: 'a minute',
    },
    {
      operation: 'mutation',
      fields: new Set(['reportDishonesty']),
      perCaller: dishonestyReportsPerDay,
      durationSeconds: 86_400,
      what: 'reports of dishonest behaviour',
      per: 'a day',
    },
  ];
}

/**
 * How many calls of `fields` an operation of kind `kind` makes: its root
 * fields that are one, aliases included, also inside fragments on the root
 * (which would otherwise carry calls past the count).
 */
export function callsIn(
  operation: OperationDefinitionNode | null | undefined,
  document: DocumentNode | undefined,
  kind: 'query' | 'mutation',
  fields: ReadonlySet<string>,
): number {
  if (operation?.operation !== kind) return 0;
  const fragments = new Map(
    (document?.definitions ?? []).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const count = (set: SelectionSetNode, seen: Set<string>): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += fields.has(s.name.value) ? 1 : 0;
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet, seen);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) n += count(fragments.get(s.name.value)!.selectionSet, new Set([...seen, s.name.value]));
    }
    return n;
  };
  return count(operation.selectionSet, new Set());
}

/** How many searches (and verifications, and report statuses) an operation makes. */
export function searchesIn(operation: OperationDefinitionNode | null | undefined, document?: DocumentNode): number {
  const search = budgets()[0]!;
  return callsIn(operation, document, search.operation, search.fields);
}

/** The caller a budget belongs to, hashed: no citizen ID (a subject's) is kept as a key. */
function budgetKey(principal: Principal, clientAddress: string): { key: string; anonymous: boolean } {
  const anonymous = principal.role === 'public';
  const who = anonymous ? `address:${clientAddress}` : `${principal.role}:${principal.org ?? ''}:${principal.subjectId ?? principal.staffId ?? ''}`;
  return { key: sha256(who, 'base64url'), anonymous };
}

function budgetHeaders(budget: NonNullable<GatewayContext['rateBudget']>): [string, string][] {
  return [
    ['ratelimit-limit', String(budget.limit)],
    ['ratelimit-remaining', String(budget.remaining)],
    ['ratelimit-reset', String(budget.resetSeconds)],
  ];
}

export function rateLimitPlugin(): ApolloServerPlugin<GatewayContext> {
  const limited = budgets().map((budget) => ({
    budget,
    anonymous: new RateLimiterMemory({ points: budget.perCaller.anonymous, duration: budget.durationSeconds }),
    signedIn: new RateLimiterMemory({ points: budget.perCaller.signedIn, duration: budget.durationSeconds }),
  }));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          for (const { budget, ...limiters } of limited) {
            const calls = callsIn(operation, document, budget.operation, budget.fields);
            if (calls === 0) continue;
            const { key, anonymous } = budgetKey(contextValue.principal, contextValue.clientAddress);
            const limit = anonymous ? budget.perCaller.anonymous : budget.perCaller.signedIn;
            try {
              const used = await (anonymous ? limiters.anonymous : limiters.signedIn).consume(key, calls);
              contextValue.rateBudget = { limit, remaining: used.remainingPoints, resetSeconds: Math.ceil(used.msBeforeNext / 1000) };
            } catch (err) {
              if (!(err instanceof RateLimiterRes)) throw err;
              const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
              const left = { limit, remaining: Math.max(0, err.remainingPoints), resetSeconds: retryAfter };
              throw codedError('RATE_LIMITED', `Too many ${budget.what}: at most ${limit} ${budget.per}; try again in ${retryAfter} s`, {
                retryAfterSeconds: retryAfter,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)], ...budgetHeaders(left)]) },
              });
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue.rateBudget) for (const [name, value] of budgetHeaders(contextValue.rateBudget)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
