import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { Kind, parse, type DocumentNode, type EnumTypeDefinitionNode, type EnumTypeExtensionNode } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { Connection } from 'mongoose';

import { AnswerHolds, answerHoldsPlugin } from './answer-holds';
import { internalSigningSecret, PUBLIC_REQUEST, type ForwardedRequest } from './auth';
import { config, ConfigError, startupProblems } from './config';
import { connectDatabase, databaseName, initModels, modelConnections } from './database';
import { departmentSdl } from './department';
import { REPO_ROOT } from './devdb';
import type { PublicityCatalogue } from './double-publicity-seed';
import { codedError } from './errors';
import { formatErrorForClient } from './format-error';
import { listenHttpService, type RunningHttpService } from './http-server';
import { ingestionModels, type IngestKind } from './ingestion';
import { INTERNAL_PRINCIPAL_HEADER, InternalTokenError, InternalTokenVerifier } from './internal-token';
import { createLogger, type Logger } from './logger';
import { createServiceMetrics, graphqlTimingPlugin, type ServiceMetrics } from './metrics';
import { directiveLimitsPlugin, directiveLimitsRule, operationLimitsPlugin } from './operation-limits';
import { outboxModel, platformNotifier, type PlatformNotifier } from './outbox';
import { withSubgraphPermissions, type AccessContext } from './permissions';
import { categoriesOfKind, policy } from './policy';
import { type Principal } from './principal';
import { deleteRecordsPastRetention, startRetentionSweeper } from './retention';
import type { SubgraphSeeder } from './seeding';
import { runServiceProcess } from './service-process';
import { departmentFieldNames, sourceEntry, SUBGRAPHS, subgraphSchemaFile, type Bureau, type SourceEntry } from './subgraph-registry';

/** What every subgraph resolver sees in its context. */
export interface SubgraphContext<TLoaders, TModels = unknown> extends AccessContext {
  requestId: string;
  /** The caller, as verified by the gateway (a call that did not come through it is refused before this). */
  principal: Principal;
  loaders: TLoaders;
  /** The subgraph's models, for writes (reads go through `loaders`). */
  models: TModels;
  /** Ledger and history of ingested records. */
  ingestion: ReturnType<typeof ingestionModels>;
  /** URL of another subgraph (the platform, or the bureaus for the platform). */
  peerUrl: (name: string) => string;
  /** Secret of the internal principal header, for the services' own calls. */
  internalSecret: Uint8Array;
  /** Tells the platform whose records changed (bureaus; durable via the outbox). */
  notifier: PlatformNotifier;
  /** Writes the answer waits for before it leaves (the query-log entry of a read logged where it is answered). */
  answerHolds: AnswerHolds;
  log: Logger;
}

const COMMON_SDL_FILE = path.join(__dirname, '..', 'schema', 'common.graphql');

/** The `Bureau` enum of the API, from the source registry. */
export function bureauEnumSdl(): string {
  const values = SUBGRAPHS.map((s) => `  "${s.label}"\n  ${s.bureau}`).join('\n');
  return `"The sources that hold records, one subgraph each (the source registry)."\nenum Bureau {\n${values}\n}\n`;
}

/** The SDL part of one module of a subgraph (the platform's domains), `src/<module>/schema.graphql`; null when it has none. */
export function subgraphModuleSchemaFile(subgraphRoot: string, module: string): string | null {
  const file = path.join(subgraphRoot, 'src', module, 'schema.graphql');
  return existsSync(file) ? file : null;
}

/**
 * A subgraph's own SDL files: its schema.graphql, then the part of each
 * module that has one, in the order of their names. Serving, codegen and
 * composition all read a subgraph's SDL by this one rule.
 */
export function subgraphSchemaFiles(schemaFile: string): string[] {
  const root = path.dirname(schemaFile);
  const src = path.join(root, 'src');
  const modules = existsSync(src)
    ? readdirSync(src, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return [schemaFile, ...modules.flatMap((m) => subgraphModuleSchemaFile(root, m) ?? [])];
}

/**
 * The SDL text of a subgraph: the definitions every subgraph shares (with
 * the registry's `Bureau` enum), what every department shares when it is
 * one, and its own SDL files (see {@link subgraphSchemaFiles}).
 */
export function subgraphSdl(entry: SourceEntry, schemaFile = subgraphSchemaFile(REPO_ROOT, entry)): string {
  const parts = [readFileSync(COMMON_SDL_FILE, 'utf8'), bureauEnumSdl()];
  if (entry.kind === 'department') parts.push(departmentSdl(entry));
  for (const file of subgraphSchemaFiles(schemaFile)) parts.push(readFileSync(file, 'utf8'));
  return parts.join('\n');
}

/** The parsed SDL of a subgraph (see {@link subgraphSdl}). */
export function subgraphTypeDefs(entry: SourceEntry, schemaFile?: string): DocumentNode {
  return parse(subgraphSdl(entry, schemaFile));
}

/**
 * Every policy category of the department must name one of its negative
 * record kinds (or the company-listing kind that derives it), and every
 * negative kind hold at least one category: else a category would be listed
 * in the catalogue and never be writable.
 */
function checkCategoryKinds(bureau: Bureau, kinds: Record<string, IngestKind>): void {
  const negative = Object.entries(kinds)
    .filter(([, k]) => k.negative)
    .map(([name]) => name);
  const problems: string[] = [];
  for (const [code, c] of Object.entries(policy().categories)) {
    // A company listing's category is derived, not written: it names the listing's kind.
    const derived = kinds[c.recordKind]?.companyListing?.category === code;
    if (c.bureau === bureau && !negative.includes(c.recordKind) && !derived)
      problems.push(`category ${code} names record kind ${c.recordKind}, which ${bureau} does not write as a negative record or a company listing of it`);
  }
  for (const kind of negative)
    if (categoriesOfKind(bureau, kind).length === 0) problems.push(`negative record kind ${kind} of ${bureau} has no category in the policy`);
  if (problems.length) throw new Error(`The credit policy and ${bureau}'s record kinds disagree: ${problems.join('; ')}`);
}

/**
 * The kinds of records of a subgraph's `<Stem>RecordKind` enum must be the
 * kinds its definition ingests: a kind in one and not the other would be
 * accepted by the API and then refused, or never be writable.
 */
function checkRecordKinds(typeDefs: DocumentNode, enumName: string, kinds: readonly string[]): void {
  // The enum and its extensions (a department's double-publicity kinds are added by one).
  const values = typeDefs.definitions
    .filter(
      (d): d is EnumTypeDefinitionNode | EnumTypeExtensionNode =>
        (d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_EXTENSION) && d.name.value === enumName,
    )
    .flatMap((d) => (d.values ?? []).map((v) => v.name.value));
  const missing = kinds.filter((k) => !values.includes(k));
  const extra = values.filter((v) => !kinds.includes(v));
  if (missing.length || extra.length)
    throw new Error(
      `enum ${enumName} and the ingested kinds differ: ${[...missing.map((k) => `${k} is not in the enum`), ...extra.map((v) => `${v} is not ingested`)].join('; ')}`,
    );
}

export interface SubgraphDefinition<TModels, TLoaders> {
  /** Service name, e.g. `public-security`; also names its database. */
  name: string;
  /** The bureau that owns the subgraph's records. */
  bureau: Bureau;
  /** The kinds of records the bureau ingests (mutation and bulk import). */
  ingestKinds: (models: TModels) => Record<string, IngestKind>;
  /** Absolute path of the subgraph's schema.graphql (its modules' parts are read beside it: {@link subgraphSchemaFiles}). */
  schemaFile: string;
  resolvers: GraphQLResolverMap<SubgraphContext<TLoaders>>;
  /** Registers the subgraph's mongoose models on its own connection. */
  createModels: (conn: Connection) => TModels;
  /** Creates fresh DataLoaders for one request. */
  createLoaders: (models: TModels) => TLoaders;
  /** Generates the subgraph's synthetic records for `npm run seed`. */
  seed: SubgraphSeeder<TModels>;
  /** Shield rules beyond the derived ones (mutations of the subgraph). */
  permissions?: IRules;
  /** Settings checked before anything starts (fail fast, naming the setting). */
  checkConfiguration?: () => void;
  /** Work started in the background once the subgraph serves (the platform warms its listing index); may return how to stop it. */
  onReady?: (models: TModels, log: Logger) => (() => void) | void;
  /** What a double-publicity department penalises and licenses (its seed's catalogue; the key professions' licences are checked against it). */
  publicity?: PublicityCatalogue;
}

export interface StartOptions {
  port?: number;
  host?: string;
  mongoUri: string;
  dbPrefix?: string;
  /** Secret of the gateway's principal header; INTERNAL_SIGNING_SECRET (or the dev secret) when absent. */
  internalSecret?: Uint8Array;
  /** URL of another subgraph; SUBGRAPH_URL_<NAME> or its default local port when absent. */
  peerUrl?: (name: string) => string;
  /** How often undelivered platform notes are retried (ms); 0 turns the sweeper off. */
  outboxSweepMs?: number;
}

/** A subgraph's URL from SUBGRAPH_URL_<NAME>, else its default local port. */
export function peerUrlFromEnv(name: string): string {
  return config().subgraphUrls[name] ?? `http://127.0.0.1:${sourceEntry(name).defaultPort}/graphql`;
}

export interface RunningSubgraph<TModels> extends RunningHttpService {
  name: string;
  models: TModels;
  connection: Connection;
  metrics: ServiceMetrics;
  /** The daily retention sweep run now, as of `today` (retention.ts): the negative records it deleted. */
  deleteRecordsPastRetention(today?: string): Promise<number>;
}

/** A subgraph built and ready to execute operations, not yet listening. */
export interface SubgraphServer<TModels, TLoaders> {
  name: string;
  apollo: ApolloServer<SubgraphContext<TLoaders>>;
  models: TModels;
  connection: Connection;
  metrics: ServiceMetrics;
  log: Logger;
  notifier: PlatformNotifier;
  /** The context of one request, as the HTTP layer makes it once the caller's principal is verified. */
  context(forwarded: ForwardedRequest, requestId?: string): SubgraphContext<TLoaders>;
  /** Stops the Apollo server (not the connection, which the caller owns). */
  stop(): Promise<void>;
}

export interface BuildOptions {
  /** The subgraph's own database connection. */
  connection: Connection;
  internalSecret?: Uint8Array;
  peerUrl?: (name: string) => string;
  metrics?: ServiceMetrics;
}

/**
 * Builds a subgraph on its database connection: models and indexes, the
 * federated schema with its permission rules, the Apollo server and the
 * per-request context. Nothing listens: {@link startSubgraph} serves it
 * over HTTP, and unit tests execute operations on it in process.
 */
export async function buildSubgraph<TModels, TLoaders>(
  def: SubgraphDefinition<TModels, TLoaders>,
  options: BuildOptions,
): Promise<SubgraphServer<TModels, TLoaders>> {
  const log = createLogger({ service: def.name });
  const { connection } = options;
  const metrics = options.metrics ?? createServiceMetrics(def.name);
  const models = def.createModels(connection);
  const ingestion = ingestionModels(connection);
  outboxModel(connection);
  for (const conn of modelConnections(connection, models)) await initModels(conn);

  const entry = sourceEntry(def.name);
  const typeDefs = subgraphTypeDefs(entry, def.schemaFile);
  if (entry.kind === 'department') {
    const kinds = def.ingestKinds(models);
    checkRecordKinds(typeDefs, departmentFieldNames(entry).recordKind, Object.keys(kinds));
    checkCategoryKinds(entry.bureau, kinds);
  }
  const schema = withSubgraphPermissions(buildSubgraphSchema([{ typeDefs, resolvers: def.resolvers }]), typeDefs, def.permissions);
  const internalSecret = options.internalSecret ?? internalSigningSecret();
  const peerUrl = options.peerUrl ?? peerUrlFromEnv;
  const notifier = platformNotifier(connection, { bureau: def.bureau, platformUrl: () => peerUrl('platform'), secret: internalSecret, log });
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    // Apollo's landing page loads from a CDN; the gateway serves a local explorer instead.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No answer carries cache hints (reads are personal and logged); the
      // default plugin would still wrap every resolver to look for them.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      operationLimitsPlugin(),
      directiveLimitsPlugin(),
      graphqlTimingPlugin(metrics),
      answerHoldsPlugin(),
    ],
    validationRules: [directiveLimitsRule],
    parseOptions: { maxTokens: policy().limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    ...productionHardening(),
    formatError: (formatted, error) => formatErrorForClient(formatted, error, log),
  });
  await apollo.start();
  return {
    name: def.name,
    apollo,
    models,
    connection,
    metrics,
    log,
    notifier,
    context: (forwarded, requestId = randomUUID()) => ({
      requestId,
      forwarded,
      principal: forwarded.principal,
      loaders: def.createLoaders(models),
      models,
      ingestion,
      peerUrl,
      internalSecret,
      notifier,
      answerHolds: new AnswerHolds(),
      log: log.child({ requestId }),
    }),
    stop: () => apollo.stop(),
  };
}

/**
 * Connects the subgraph to its own database, builds it ({@link buildSubgraph})
 * and serves it over HTTP. Used by `serve-subgraph.js` (a process of its
 * own) and by the integration tests (several in one process, each on a free
 * port).
 */
export async function startSubgraph<TModels, TLoaders>(def: SubgraphDefinition<TModels, TLoaders>, options: StartOptions): Promise<RunningSubgraph<TModels>> {
  const log = createLogger({ service: def.name });
  def.checkConfiguration?.();
  const metrics = createServiceMetrics(def.name);
  const connection = await connectDatabase({ uri: options.mongoUri, dbName: databaseName(def.name, options.dbPrefix), metrics, log });
  try {
    const internalSecret = options.internalSecret ?? internalSigningSecret();
    const server = await buildSubgraph(def, { connection, internalSecret, peerUrl: options.peerUrl, metrics });
    const { models, notifier } = server;
    const tokens = new InternalTokenVerifier(internalSecret, def.name);
    const servesUnsignedAsPublic = !config().production && config().BENCH_UNSIGNED_PUBLIC_READS === 'true';
    if (servesUnsignedAsPublic) log.warn('BENCH_UNSIGNED_PUBLIC_READS: calls without the internal principal are served as the public (benchmarks only)');
    const running = await listenHttpService<SubgraphContext<TLoaders>, ForwardedRequest>(
      {
        name: def.name,
        apollo: server.apollo,
        metrics,
        log,
        // The internal header grows with the consents of a request's people (up to 100).
        maxHeaderBytes: INTERNAL_HEADER_BYTES,
        healthCheck: async () => {
          await connection.db!.admin().ping();
        },
        // Only the gateway (or another of our services) may ask: every
        // operation, public reads included, needs a principal signed for
        // this subgraph and this body, used once.
        authenticate: (req: IncomingMessage, content: string) => {
          const header = req.headers[INTERNAL_PRINCIPAL_HEADER] as string | undefined;
          // The peers benchmark only (never in production, see startupProblems):
          // another gateway cannot sign our principal, so its calls are the public's.
          if (header === undefined && servesUnsignedAsPublic) return PUBLIC_REQUEST;
          try {
            return tokens.verify(header, content);
          } catch (err) {
            if (!(err instanceof InternalTokenError)) throw err;
            log.warn('call refused: internal principal rejected', { reason: err.message });
            throw codedError('UNAUTHENTICATED', `Refused: ${err.message}`);
          }
        },
        context: async (_req: IncomingMessage, requestId: string, forwarded: ForwardedRequest) => server.context(forwarded, requestId),
      },
      options.port ?? 0,
      options.host,
    );
    log.info('subgraph ready', { url: running.url });
    const stopBackground = def.onReady?.(models, log);
    // A department deletes its negative records past the policy's retention, daily (retention.ts).
    const kinds = def.ingestKinds(models);
    const stopRetention = Object.values(kinds).some((k) => k.negative) ? startRetentionSweeper(kinds, notifier, log) : null;
    let stopped = false;
    const sweepMs = options.outboxSweepMs ?? 10_000;
    const sweeper =
      sweepMs > 0
        ? setInterval(() => {
            notifier.sweep().catch((err: unknown) => log.warn('outbox sweep failed', { err }));
          }, sweepMs).unref()
        : null;
    return {
      ...running,
      name: def.name,
      models,
      connection,
      metrics,
      deleteRecordsPastRetention: (today) => deleteRecordsPastRetention(kinds, notifier, today),
      // Idempotent: tests stop a subgraph to simulate an outage, then the stack stops it again.
      stop: async () => {
        if (stopped) return;
        stopped = true;
        if (sweeper) clearInterval(sweeper);
        if (stopBackground) stopBackground();
        stopRetention?.();
        await running.stop();
        await connection.close();
      },
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}

const INTERNAL_HEADER_BYTES = 256 * 1024;

/** Entry point of a subgraph process: reads PORT and MONGODB_URI, exits non-zero on a fatal error. */
export function runSubgraphProcess<TModels, TLoaders>(def: SubgraphDefinition<TModels, TLoaders>, defaultPort: number): void {
  const log = createLogger({ service: def.name });
  const problems = startupProblems(sourceEntry(def.name).kind === 'platform' ? 'platform' : 'subgraph');
  if (problems.length) {
    log.error(new ConfigError(problems).message);
    process.exit(2);
  }
  const { MONGODB_URI, HOST } = config();
  runServiceProcess(def.name, log, defaultPort, (port) => startSubgraph(def, { port, host: HOST, mongoUri: MONGODB_URI! }));
}

/**
 * Apollo Server settings every service shares. In production: no
 * introspection and no "did you mean" suggestions (the schema is published as
 * SDL to those who need it). Always: batches of up to
 * `limits.maxBatchOperations` operations (checked in the HTTP layer) and
 * Apollo's CSRF prevention (a simple form POST or a GET without a preflight
 * header is refused; GET never runs a mutation).
 */
export function productionHardening(production: boolean = config().production) {
  return {
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: true,
    csrfPrevention: true,
  };
}
