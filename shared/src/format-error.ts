import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import { config } from './config';
import { ERROR_CODES } from './errors';
import type { Logger } from './logger';

/**
 * Only coded errors reach clients. A bad literal argument (say an invalid
 * citizen ID written into the query) surfaces from validation; we keep the
 * `BAD_USER_INPUT` code its scalar gave it instead of the generic validation
 * code, so clients see the same code whether the ID came as a literal or a
 * variable. Anything unexpected is logged and replaced by a bare message.
 */
export function formatErrorForClient(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  let original: unknown = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  const originalCode = original instanceof GraphQLError ? (original.extensions?.code as string | undefined) : undefined;

  // A coded refusal raised during validation (an invalid literal, a
  // document limit) keeps its own code rather than the generic one.
  if (
    (code === 'GRAPHQL_VALIDATION_FAILED' || code === undefined || code === 'INTERNAL_SERVER_ERROR') &&
    originalCode &&
    originalCode !== 'INTERNAL_SERVER_ERROR' &&
    originalCode in ERROR_CODES
  ) {
    const { stacktrace: _drop, ...rest } = { ...(original as GraphQLError).extensions, ...formatted.extensions, code: originalCode } as Record<string, unknown>;
    return withoutServiceNames({ ...formatted, extensions: rest });
  }
  if (
    code &&
    code !== 'INTERNAL_SERVER_ERROR' &&
    (code in ERROR_CODES ||
      code.startsWith('GRAPHQL_') ||
      code === 'PERSISTED_QUERY_NOT_FOUND' ||
      code === 'PERSISTED_QUERY_NOT_SUPPORTED' ||
      code === 'OPERATION_RESOLUTION_FAILURE' ||
      code === 'BAD_REQUEST')
  ) {
    const { stacktrace: _drop, ...rest } = formatted.extensions ?? {};
    return withoutServiceNames({ ...formatted, extensions: rest });
  }
  log.error('internal error', { err: original, path: formatted.path });
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * In production an error names no internal service: the gateway's
 * `serviceName` and our `subgraph` are dropped (the path says which fields
 * failed). Outside production they stay, for the developers reading them.
 */
function withoutServiceNames(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!config().production || !formatted.extensions) return formatted;
  const { serviceName: _service, subgraph: _subgraph, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
