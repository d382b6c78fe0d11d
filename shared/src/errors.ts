import { GraphQLError } from 'graphql';

/**
 * Every error code a client can see, with what it means. Clients branch on
 * `extensions.code`; the message is for people. Adding a code here is the
 * only way to introduce one (see `codedError`).
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: {
    http: 400,
    description: 'An argument is invalid: a citizen ID that fails GB 11643, a bad date, an out-of-range page size. `extensions.reason` says why.',
  },
  TOO_MANY_IDS: { http: 400, description: 'More IDs were asked for in one call than the documented maximum (`extensions.max`).' },
  GRAPHQL_PARSE_FAILED: { http: 400, description: 'The query is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { http: 400, description: 'The query asks for fields or arguments the schema does not have.' },
  BAD_REQUEST: { http: 400, description: 'The HTTP request is malformed: a body that is not JSON, a missing query, a wrong content type.' },
  QUERY_TOO_DEEP: { http: 400, description: 'The operation nests deeper than `limits.maxQueryDepth` (`extensions.max`).' },
  TOO_MANY_ALIASES: { http: 400, description: 'The operation uses more aliases than `limits.maxAliases`.' },
  QUERY_TOO_COSTLY: {
    http: 400,
    description: 'The estimated cost (fields times page sizes and IDs) exceeds `limits.maxQueryCost`; ask for smaller pages or fewer people.',
  },
  TOO_MANY_RECORDS: { http: 400, description: 'An ingestion call holds more records than `limits.maxIngestRecordsPerCall`; use the bulk import.' },
  BATCH_TOO_LARGE: { http: 400, description: 'A batched request holds more operations than `limits.maxBatchOperations`.' },
  TOO_MANY_DIRECTIVES: {
    http: 400,
    description: 'The document uses more directives than `limits.maxDirectives`, or more than `limits.maxDirectivesPerLocation` on one field or fragment.',
  },
  INPUT_TOO_DEEP: { http: 400, description: 'Variables or the request body nest deeper than `limits.maxInputDepth` (`extensions.max`).' },
  OPERATION_RESOLUTION_FAILURE: {
    http: 400,
    description: 'The operation to run cannot be chosen: several operations and no `operationName`, or no operation of that name.',
  },
  OPERATION_NOT_SUPPORTED: { http: 400, description: 'The operation type is not served (subscriptions), or a mutation was sent over GET.' },
  REQUEST_HEADER_TOO_LARGE: { http: 431, description: 'The request line and headers exceed `limits.maxRequestHeaderBytes` (a very long URL or token).' },
  PAYLOAD_TOO_LARGE: { http: 413, description: 'The request body exceeds the configured limit (`extensions.maxBytes`).' },
  METHOD_NOT_ALLOWED: { http: 405, description: 'The HTTP method is not accepted on this path.' },
  NOT_FOUND: { http: 404, description: 'No such HTTP path.' },
  UNAUTHENTICATED: { http: 401, description: 'The caller presented a token that is missing where required, malformed, expired or wrongly signed.' },
  FORBIDDEN: { http: 403, description: 'The caller is known but its role may not see this field.' },
  CONSENT_REQUIRED: { http: 403, description: 'A partner institution read a field outside the scope of a valid consent of the person.' },
  INSTITUTION_NOT_REGISTERED: {
    http: 403,
    description:
      'A partner token names an institution (`extensions.institution`) that is not registered with the platform: no consent can be granted to it, so nothing it asks about a person is served. A platform reviewer registers institutions (`registerInstitution`).',
  },
  QUERY_LOG_UNAVAILABLE: {
    http: 503,
    description: 'The read could not be recorded in the query log, so nothing is served (fail closed, MISSION rule 4). Retry later.',
  },
  RATE_LIMITED: {
    http: 429,
    description:
      'The caller made more public searches (or credit-report verifications, or report-status lookups) than `limits.publicSearchesPerMinute` allows, or more reports of dishonest behaviour than `limits.dishonestyReportsPerDay` (per client address for the anonymous public, per signed-in identity otherwise). `Retry-After` says in how many seconds to try again; `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` on every such call tell the budget. Also a person who issued `limits.creditReportsPerDay` credit reports today (`extensions.retryAfterSeconds`: until the next day in the city).',
  },
  CONFLICT: { http: 409, description: 'The object changed meanwhile (another decision came first); re-read it and decide again if still needed.' },
  IDEMPOTENCY_KEY_REUSED: {
    http: 422,
    description:
      'An idempotency key was sent again with a different request (other scopes, purpose, institution or validity). A retry repeats the request exactly; a new request needs a new key. `extensions.argument` names the first field that differs.',
  },
  SUBGRAPH_UNAVAILABLE: {
    http: 502,
    description:
      'A source could not be reached in time: the fields it owns are null and the rest is served (HTTP 200). When the platform cannot check a partner’s consents, the whole request is refused (502).',
  },
  REPORT_UNAVAILABLE: {
    http: 503,
    description:
      'A credit report could not be made: a source it needs (the population base, a section of the platform) did not answer, or the report font (`CREDIT_REPORT_FONT_FILE`) is missing. Nothing was issued; try again later.',
  },
  COUNT_TIMED_OUT: {
    http: 503,
    description:
      'A total count could not be made within its bound (`timeouts.feedCountMs` for the 双公示 feed): `totalCount` is null and the page is served (HTTP 200). Narrow the filter, or page on without the count.',
  },
  INTERNAL_SERVER_ERROR: { http: 500, description: 'An unexpected failure; the details are in the server log under the request id.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Creates a GraphQLError carrying a registered `extensions.code`. */
export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** A `BAD_USER_INPUT` error naming the argument and the reason. */
export function badInput(message: string, reason: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return codedError('BAD_USER_INPUT', message, { reason, ...extensions });
}

/**
 * A coded error that refuses a request as a whole (thrown before execution),
 * answered with the HTTP status its code has in the registry.
 */
export function requestError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return codedError(code, message, { ...extensions, http: { status: ERROR_CODES[code].http } });
}
