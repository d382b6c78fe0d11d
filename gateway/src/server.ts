import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  config,
  createCallerTokenVerifier,
  createLogger,
  createServiceMetrics,
  directiveLimitsPlugin,
  directiveLimitsRule,
  formatErrorForClient,
  graphqlTimingPlugin,
  internalSigningSecret,
  listenHttpService,
  policy,
  productionHardening,
  SUBGRAPHS,
  subgraphUrlVariable,
  type CallerTokenVerifier,
  type Logger,
  type Principal,
  type RunningHttpService,
} from '@credit/shared';
import { Histogram } from 'prom-client';

import { authenticate } from './authentication';
import { authorisationPlugin, personFieldGroups } from './authorisation';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './datasource';
import { reservedAliasesRule } from './document-rules';
import { serveExplorer } from './explorer';
import { installScalarValidation, statusFromErrorCodes } from './input-validation';
import { PlatformClient } from './platform-client';
import { rateLimitPlugin } from './rate-limit';
import { assertPersonIsConcrete } from './served-people';
import { singleSourcePlugin } from './single-source';

export const SUPERGRAPH_FILE = path.join(__dirname, '..', 'supergraph.graphql');

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Subgraph URLs by name; missing ones come from SUBGRAPH_URL_<NAME> or the supergraph. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
  /** Citizen ID shown in the explorer's sample variables. */
  sampleId?: string;
  /** Serve the GraphiQL explorer (off in production). */
  explorer?: boolean;
  /** Verifier of callers' tokens; from AUTH_JWKS_URL / AUTH_PUBLIC_KEY_FILE / the dev key when absent. */
  tokenVerifier?: CallerTokenVerifier;
  /** Secret of the internal principal header; INTERNAL_SIGNING_SECRET (or the dev secret) when absent. */
  internalSecret?: Uint8Array;
  /** Web origins whose pages may call the API (the portal's); CORS_ORIGINS when absent. */
  allowedOrigins?: readonly string[];
}

export interface RunningGateway extends RunningHttpService {
  metrics: ReturnType<typeof createServiceMetrics>;
}

/** The gateway built and started, not yet listening. */
export interface GatewayServer {
  apollo: ApolloServer<GatewayContext>;
  metrics: ReturnType<typeof createServiceMetrics>;
  log: Logger;
  tokenVerifier: CallerTokenVerifier;
  /** The URL of each subgraph, as overridden or as composed. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** The context of one request of an authenticated caller, as the HTTP layer makes it. */
  context(principal: Principal, requestId: string, clientAddress: string): GatewayContext;
}

/**
 * Builds the gateway over the supergraph composed at build time (`npm run
 * compose`), so start-up needs no subgraph to be up and no introspection.
 * Nothing listens: {@link startGateway} serves it over HTTP.
 */
export async function buildGateway(options: GatewayOptions = {}): Promise<GatewayServer> {
  const log = createLogger({ service: 'gateway' });
  const metrics = createServiceMetrics('gateway');
  const fetchDuration = new Histogram({
    name: 'credit_subgraph_fetch_duration_seconds',
    help: 'Time of each gateway fetch from a subgraph.',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });

  const tokenVerifier = options.tokenVerifier ?? (await createCallerTokenVerifier());
  const internalSecret = options.internalSecret ?? internalSigningSecret();

  const urlOverrides: Record<string, string> = {};
  for (const entry of SUBGRAPHS) {
    const url = options.subgraphUrls?.[entry.name] ?? config().subgraphUrls[entry.name];
    if (url) urlOverrides[entry.name] = url;
  }

  const supergraphSdl = options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, 'utf8');
  // Filled as the gateway builds its data sources (before any request).
  const serviceUrls = new Map<string, string>();
  const subgraphUrl = (name: string): string => {
    const url = serviceUrls.get(name);
    if (!url) throw new Error(`the ${name} subgraph URL is not known yet`);
    return url;
  };
  const platform = new PlatformClient(() => subgraphUrl('platform'), internalSecret);
  // Filled with the data sources as the gateway builds them: the direct path calls them too.
  const dataSources = new Map<string, SubgraphDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = urlOverrides[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}: set ${subgraphUrlVariable(name)}`);
      serviceUrls.set(name, target);
      const dataSource = new SubgraphDataSource(name, target, fetchDuration, internalSecret);
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });

  // A schema the answer review cannot walk safely stops the start (the
  // gateway's own listeners only log what they throw).
  let schemaProblem: Error | null = null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    installScalarValidation(apiSchema);
    try {
      assertPersonIsConcrete(apiSchema);
    } catch (err) {
      schemaProblem = err as Error;
    }
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Apollo's landing page loads from a CDN; /explorer is served locally instead.
    plugins: [
      authorisationPlugin({ fieldGroups: personFieldGroups(supergraphSdl), platform }),
      // After the authorisation's plan: a query one source answers whole goes to it unplanned.
      singleSourcePlugin({ supergraphSdl, dataSources, log }),
      statusFromErrorCodes,
      directiveLimitsPlugin(),
      rateLimitPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // No answer is cacheable (reads are personal and logged): no cache hints, no Cache-Control computed per field.
      ApolloServerPluginCacheControlDisabled(),
      // Last: it sees the response as the other plugins leave it.
      graphqlTimingPlugin(metrics),
    ],
    validationRules: [reservedAliasesRule, directiveLimitsRule],
    parseOptions: { maxTokens: policy().limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    ...productionHardening(),
    formatError: (formatted, error) => formatErrorForClient(formatted, error, log),
  });
  await apollo.start();
  if (schemaProblem) {
    await apollo.stop();
    throw schemaProblem;
  }

  return {
    apollo,
    metrics,
    log,
    tokenVerifier,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, urlOverrides[entry.name] ?? `http://localhost:${entry.defaultPort}/graphql`])),
    context: (principal, requestId, clientAddress) => ({
      requestId,
      principal,
      clientAddress,
      forwarded: { principal, grants: {}, publicListed: [] },
      log: log.child({ requestId, role: principal.role, ...(principal.org ? { org: principal.org } : {}) }),
    }),
  };
}

/** Builds the gateway ({@link buildGateway}) and serves it: /graphql, /health, /metrics and, outside production, /explorer. */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const { apollo, metrics, log, tokenVerifier, subgraphUrls, context } = await buildGateway(options);
  const explorer = options.explorer ?? !config().production;
  const subgraphHealthUrls = Object.entries(subgraphUrls).map(([name, url]) => ({ name, url: url.replace(/\/graphql$/, '/health') }));

  const running = await listenHttpService<GatewayContext, Principal>(
    {
      name: 'gateway',
      apollo,
      metrics,
      log,
      // Ready when every source answers its own health check.
      healthCheck: async () => {
        const results = await Promise.all(
          subgraphHealthUrls.map(async ({ name, url }) => {
            try {
              const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
              return res.ok ? null : name;
            } catch {
              return name;
            }
          }),
        );
        const down = results.filter((n) => n !== null);
        if (down.length) throw new Error(`subgraphs unavailable: ${down.join(', ')}`);
      },
      // Callers are verified before GraphQL runs: a refused token costs no parsing or planning.
      authenticate: (req) => authenticate(req, tokenVerifier),
      // The socket's address: a proxy in front of the gateway would make every anonymous caller one (see README, rate limit).
      context: async (req, requestId, principal) => context(principal, requestId, req.socket.remoteAddress ?? 'unknown'),
      extraRoutes: explorer ? (req, res, url) => serveExplorer(req, res, url, options.sampleId) : undefined,
      allowedOrigins: options.allowedOrigins ?? config().CORS_ORIGINS ?? [],
    },
    options.port ?? 0,
    options.host,
  );
  log.info('gateway ready', { url: running.url });
  return { ...running, metrics };
}
