import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { codedError, policy, sha256, type Principal } from '@credit/shared';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import type { GatewayContext } from './context';

/**
 * The rate limit of the public search of the published lists
 * (`Query.publicListSearch`) and of the verification of credit reports
 * (`Query.verifyCreditReport`, whose code must not be guessable by trying):
 * each search or verification (each aliased field counts) takes
 * one point of the caller's budget per minute, from the policy's
 * `limits.publicSearchesPerMinute`: the anonymous public per client address,
 * a signed-in caller per identity. Over it the request is refused as a whole
 * with 429 RATE_LIMITED and `Retry-After`; every search answer tells the
 * budget left (`RateLimit-Limit`, `-Remaining`, `-Reset`, in seconds). It
 * keeps people from walking the lists name by name. The budgets are kept by
 * `rate-limiter-flexible` in this gateway's memory.
 */

const RATE_LIMITED_FIELDS: ReadonlySet<string> = new Set(['publicListSearch', 'verifyCreditReport']);

/**
 * How many searches (and verifications) an operation makes: its root fields that are one,
 * aliases included, also inside fragments on the root (which would
 * otherwise carry searches past the count).
 */
export function searchesIn(operation: OperationDefinitionNode | null | undefined, document?: DocumentNode): number {
  if (operation?.operation !== 'query') return 0;
  const fragments = new Map(
    (document?.definitions ?? []).filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const count = (set: SelectionSetNode, seen: Set<string>): number => {
    let n = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) n += RATE_LIMITED_FIELDS.has(s.name.value) ? 1 : 0;
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet, seen);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) n += count(fragments.get(s.name.value)!.selectionSet, new Set([...seen, s.name.value]));
    }
    return n;
  };
  return count(operation.selectionSet, new Set());
}

/** The caller a budget belongs to, hashed: no citizen ID (a subject's) is kept as a key. */
function budgetKey(principal: Principal, clientAddress: string): { key: string; anonymous: boolean } {
  const anonymous = principal.role === 'public';
  const who = anonymous ? `address:${clientAddress}` : `${principal.role}:${principal.org ?? ''}:${principal.subjectId ?? principal.staffId ?? ''}`;
  return { key: sha256(who, 'base64url'), anonymous };
}

function budgetHeaders(budget: NonNullable<GatewayContext['searchBudget']>): [string, string][] {
  return [
    ['ratelimit-limit', String(budget.limit)],
    ['ratelimit-remaining', String(budget.remaining)],
    ['ratelimit-reset', String(budget.resetSeconds)],
  ];
}

export function publicSearchRateLimitPlugin(): ApolloServerPlugin<GatewayContext> {
  const perMinute = policy().limits.publicSearchesPerMinute;
  const limiters = {
    anonymous: new RateLimiterMemory({ points: perMinute.anonymous, duration: 60 }),
    signedIn: new RateLimiterMemory({ points: perMinute.signedIn, duration: 60 }),
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const searches = searchesIn(operation, document);
          if (searches === 0) return;
          const { key, anonymous } = budgetKey(contextValue.principal, contextValue.clientAddress);
          const limit = anonymous ? perMinute.anonymous : perMinute.signedIn;
          try {
            const used = await (anonymous ? limiters.anonymous : limiters.signedIn).consume(key, searches);
            contextValue.searchBudget = { limit, remaining: used.remainingPoints, resetSeconds: Math.ceil(used.msBeforeNext / 1000) };
          } catch (err) {
            if (!(err instanceof RateLimiterRes)) throw err;
            const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
            const budget = { limit, remaining: Math.max(0, err.remainingPoints), resetSeconds: retryAfter };
            throw codedError('RATE_LIMITED', `Too many public searches: at most ${limit} a minute; try again in ${retryAfter} s`, {
              retryAfterSeconds: retryAfter,
              http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)], ...budgetHeaders(budget)]) },
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue.searchBudget) for (const [name, value] of budgetHeaders(contextValue.searchBudget)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
