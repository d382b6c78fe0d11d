import { startGateway, type RunningGateway } from '@credit/gateway/dist/server';
import { connectDatabase, databaseName, loadSubgraphDefinition, modelConnections, startSubgraph, SUBGRAPHS, type RunningSubgraph } from '@credit/shared';

/**
 * The whole system in one process: every subgraph of the source registry and the gateway, each
 * on a free port, against the real database. The integration tests use it;
 * `npm start` runs the same pieces as separate processes instead.
 */
export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph<unknown>>;
  dbPrefix: string;
  /** POSTs a GraphQL request to the gateway; returns status and parsed body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } }>;
  /** Drops the stack's databases (tests) and stops everything. */
  stop(options?: { dropDatabases?: boolean }): Promise<void>;
}

export async function startStack(options: {
  mongoUri: string;
  dbPrefix: string;
  outboxSweepMs?: number;
  /** A database URI of its own for some subgraphs (tests of one source's database failing). */
  mongoUris?: Record<string, string>;
  /** Web origins whose pages may call the gateway (the portal's, in its browser tests). */
  allowedOrigins?: readonly string[];
}): Promise<Stack> {
  const subgraphs: Record<string, RunningSubgraph<unknown>> = {};
  // Subgraphs call each other (bureaus notify the platform, the platform asks
  // the bureaus): their free ports are known once they have started.
  const peerUrl = (name: string): string => {
    const peer = subgraphs[name];
    if (!peer) throw new Error(`subgraph ${name} is not running`);
    return peer.url;
  };
  try {
    for (const entry of SUBGRAPHS) {
      subgraphs[entry.name] = await startSubgraph(loadSubgraphDefinition(entry.name), {
        mongoUri: options.mongoUris?.[entry.name] ?? options.mongoUri,
        dbPrefix: options.dbPrefix,
        peerUrl,
        outboxSweepMs: options.outboxSweepMs,
      });
    }
  } catch (err) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    throw err;
  }
  const gateway = await startGateway({
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
    allowedOrigins: options.allowedOrigins,
  });
  return {
    gateway,
    subgraphs,
    dbPrefix: options.dbPrefix,
    async query(query, variables, headers) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async stop({ dropDatabases = true } = {}) {
      await gateway.stop();
      for (const [name, subgraph] of Object.entries(subgraphs)) {
        if (dropDatabases) {
          // A test may have stopped a subgraph already; drop through a connection of our own then.
          const open = subgraph.connection.readyState === 1;
          const conn = open ? subgraph.connection : await connectDatabase({ uri: options.mongoUri, dbName: databaseName(name, options.dbPrefix) });
          for (const db of modelConnections(subgraph.connection, subgraph.models)) await conn.useDb(db.name).dropDatabase();
          if (!open) await conn.close();
        }
        await subgraph.stop();
      }
    },
  };
}
