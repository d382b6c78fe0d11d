import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import { ERROR_CODES } from './errors';

/**
 * Prometheus metrics of one service. Each service instance has its own
 * registry, so several services started in one process (the integration
 * tests) keep separate figures, exactly as separate processes would.
 */
export interface ServiceMetrics {
  registry: Registry;
  mongoCommands: Counter<'collection' | 'command'>;
  httpRequests: Counter<'path' | 'status'>;
  graphqlDuration: Histogram<'operation_type' | 'operation' | 'outcome'>;
}

/** Creates the metrics of a service named `service` (label on every series). */
export function createServiceMetrics(service: string, { processMetrics = true } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    mongoCommands: new Counter({
      name: 'credit_mongodb_commands_total',
      help: 'MongoDB commands sent, by collection and command name (find, insert, getMore, ...).',
      labelNames: ['collection', 'command'],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'credit_http_requests_total',
      help: 'HTTP requests served, by path and status code.',
      labelNames: ['path', 'status'],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'credit_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request, by operation type, operation name (bounded; unnamed and others are "(other)") and outcome (ok, or the first error code).',
      labelNames: ['operation_type', 'operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}

/** The label of operations without a name, with a name not kept apart, or beyond the bound. */
export const OTHER_OPERATIONS = '(other)';
/** Distinct operation names a service labels apart; later names are counted as (other). */
export const MAX_OPERATION_LABELS = 100;
// A plain ASCII GraphQL name, without a run of six digits: an operation name
// is the client's choice and must not carry a citizen ID or a phone number
// into a metric label (ASCII only, so full-width digits cannot hide one).
const LABELLED_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The `operation` label of an operation name: the name itself while the set of names stays bounded. */
function operationLabel(seen: Set<string>, name: string | null | undefined): string {
  if (!name || !LABELLED_NAME.test(name) || /\d{6}/.test(name)) return OTHER_OPERATIONS;
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
  seen.add(name);
  return name;
}

/**
 * Observes `credit_graphql_request_duration_seconds` of every request: its
 * operation type and name (bounded, see {@link operationLabel}) and its
 * outcome, `ok` or the registered code of its first error (an error
 * without a registered code counts as INTERNAL_SERVER_ERROR).
 */
export function graphqlTimingPlugin<TContext extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  const seen = new Set<string>();
  return {
    async requestDidStart({ request }) {
      const end = metrics.graphqlDuration.startTimer();
      let operationType = 'unknown';
      let operationName = request.operationName;
      return {
        async didResolveOperation(rc) {
          operationType = rc.operation?.operation ?? 'unknown';
          operationName = rc.operationName ?? operationName;
        },
        async willSendResponse(rc) {
          // Refused in validation (a bad literal): the operation was parsed, not resolved.
          const parsed = operationType === 'unknown' && rc.document ? getOperationAST(rc.document, rc.request.operationName) : null;
          if (parsed) {
            operationType = parsed.operation;
            operationName = parsed.name?.value ?? operationName;
          }
          const errors = rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          const outcome = !errors?.length ? 'ok' : typeof code === 'string' && code in ERROR_CODES ? code : 'INTERNAL_SERVER_ERROR';
          end({ operation_type: operationType, operation: operationLabel(seen, operationName), outcome });
        },
      };
    },
  };
}
