import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service. Each service instance has its own
 * registry, so several services started in one process (the integration
 * tests) keep separate figures, exactly as separate processes would.
 */
export interface ServiceMetrics {
  registry: Registry;
  mongoCommands: Counter<'collection' | 'command'>;
  httpRequests: Counter<'path' | 'status'>;
  graphqlDuration: Histogram<'operation_type' | 'outcome'>;
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
      help: 'Time to answer a GraphQL request.',
      labelNames: ['operation_type', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
