import { ERROR_CODES, requestError } from './errors';
import { isWellFormedCursor } from './pagination';
import { policy } from './policy';

/**
 * Checks of arguments that can be made before anything runs, so that a bad
 * page size, a cursor this API never issued or too many IDs refuse the
 * request as a whole (HTTP 400 with its code) instead of one null field in a
 * 200 answer. The resolvers check the same again: they are the authority on
 * their own arguments; this is the edge's early answer.
 */

/** Fields whose list argument has a maximum from the policy. */
const LIST_LIMITS: Record<string, { argument: string; max: () => number }> = {
  'Query.people': { argument: 'ids', max: () => policy().limits.maxPeoplePerQuery },
  'Query.blacklistCheck': { argument: 'ids', max: () => policy().limits.maxBlacklistCheckIds },
};

/** Throws the request-level error for the first bad argument of one field. */
export function checkFieldArguments(typeName: string, fieldName: string, args: Record<string, unknown>): void {
  const { maxPageSize } = policy().limits;
  if ('first' in args && args.first !== null && args.first !== undefined) {
    const first = args.first as number;
    if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
      throw requestError('BAD_USER_INPUT', `${fieldName}: first must be between 0 and ${maxPageSize}, got ${first}`, {
        reason: 'page size out of range',
        argument: 'first',
        field: fieldName,
        max: maxPageSize,
      });
    }
  }
  if (typeof args.after === 'string' && !isWellFormedCursor(args.after)) {
    throw requestError('BAD_USER_INPUT', `${fieldName}: cursor "${args.after.slice(0, 40)}" was not issued by this API`, {
      reason: 'cursor was not issued by this API',
      argument: 'after',
      field: fieldName,
    });
  }
  const limit = LIST_LIMITS[`${typeName}.${fieldName}`];
  const list = limit ? args[limit.argument] : undefined;
  if (limit && Array.isArray(list) && list.length > limit.max()) {
    const max = limit.max();
    throw requestError('TOO_MANY_IDS', `${fieldName}(${limit.argument}:) takes at most ${max} IDs, got ${list.length}`, { max, argument: limit.argument });
  }
}

/** The HTTP status of a request refused with these errors: that of the first registered code. */
export function statusOfRefusal(codes: readonly unknown[]): number | null {
  for (const code of codes) if (typeof code === 'string' && code in ERROR_CODES) return ERROR_CODES[code as keyof typeof ERROR_CODES].http;
  return null;
}
