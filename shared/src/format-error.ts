import { GraphQLError, type GraphQLFormattedError } from 'graphql';

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

  if ((code === 'GRAPHQL_VALIDATION_FAILED' || code === undefined || code === 'INTERNAL_SERVER_ERROR') && originalCode === 'BAD_USER_INPUT') {
    const { stacktrace: _drop, ...rest } = { ...(original as GraphQLError).extensions, ...formatted.extensions, code: 'BAD_USER_INPUT' } as Record<
      string,
      unknown
    >;
    return { ...formatted, extensions: rest };
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
    return { ...formatted, extensions: rest };
  }
  log.error('internal error', { err: original, path: formatted.path });
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
