import { randomBytes } from 'node:crypto';

import mongoose, { type Connection, type Model } from 'mongoose';

import { config } from './config';
import { duplicatePositions } from './duplicate-key';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { policy } from './policy';

/**
 * Each subgraph owns one MongoDB database (no subgraph reads another's
 * collections). The database name is `<prefix>_<subgraph>`; tests use a
 * prefix of their own so runs never see each other's data.
 */
export function databaseName(subgraph: string, prefix: string = config().MONGODB_DB_PREFIX): string {
  return `${prefix}_${subgraph.replaceAll('-', '_')}`;
}

/** The MongoDB URI from the environment; fails fast naming the setting. */
export function mongoUriFromEnv(): string {
  const uri = config().MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: point it at MongoDB (or run `npm start`, which starts the embedded FerretDB)');
  return uri;
}

export interface DatabaseOptions {
  uri: string;
  dbName: string;
  metrics?: ServiceMetrics;
  log?: Logger;
}

// Commands whose first field is not a collection name.
const NON_COLLECTION_COMMANDS = new Set([
  'ping',
  'hello',
  'ismaster',
  'isMaster',
  'buildInfo',
  'endSessions',
  'listCollections',
  'listDatabases',
  'saslStart',
  'saslContinue',
  'getMore',
  'killCursors',
]);

/**
 * Opens a dedicated mongoose connection with command monitoring, so every
 * command sent is counted per collection in `credit_mongodb_commands_total`.
 * Counting at the driver is what lets a test prove the DataLoader batching
 * from outside: N people must not cost N commands.
 */
export async function connectDatabase({ uri, dbName, metrics, log }: DatabaseOptions): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    monitorCommands: true,
    // Index builds run in `initModels`, before the service reports ready.
    autoIndex: false,
    autoCreate: false,
    // A database that stops answering fails each operation within these
    // bounds (policy `timeouts`), so callers fail closed in seconds instead
    // of waiting on a socket that will never answer.
    serverSelectionTimeoutMS: policy().timeouts.databaseServerSelectionMs,
    socketTimeoutMS: policy().timeouts.databaseSocketMs,
    connectTimeoutMS: policy().timeouts.databaseServerSelectionMs,
    waitQueueTimeoutMS: policy().timeouts.databaseSocketMs,
    maxPoolSize: 20,
  });
  const client = conn.getClient();
  // getMore names its collection in a `collection` field, not under its own name.
  client.on('commandStarted', (ev) => {
    if (!metrics) return;
    const cmd = ev.command as Record<string, unknown>;
    let collection = '';
    if (ev.commandName === 'getMore') collection = String(cmd.collection ?? '');
    else if (!NON_COLLECTION_COMMANDS.has(ev.commandName)) collection = String(cmd[ev.commandName] ?? '');
    metrics.mongoCommands.inc({ collection, command: ev.commandName });
  });
  await conn.asPromise();
  log?.info('database connected', { dbName });
  return conn;
}

/** The connections a set of models lives on: the one given, and any database beside it (the platform's audit store). */
export function modelConnections(connection: Connection, models: unknown): Connection[] {
  const connections = new Set<Connection>([connection]);
  for (const model of Object.values(models as Record<string, { db?: Connection }>)) if (model?.db) connections.add(model.db);
  return [...connections];
}

/** Builds the declared indexes of every model of a connection (idempotent). */
export async function initModels(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await model.createCollection().catch((err: { codeName?: string }) => {
      if (err.codeName !== 'NamespaceExists') throw err;
    });
    await model.createIndexes();
  }
}

/**
 * Inserts many documents (already cast and validated) with one command,
 * unordered; gives which went in. Only duplicate keys may fail: anything
 * else is an error of the whole call.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertManyUnordered(model: Model<any>, docs: Record<string, unknown>[]): Promise<boolean[]> {
  const inserted = docs.map(() => true);
  if (docs.length === 0) return inserted;
  try {
    await model.collection.insertMany(docs, { ordered: false });
  } catch (err) {
    const duplicates = duplicatePositions(err);
    if (!duplicates) throw err;
    for (const index of duplicates) inserted[index] = false;
  }
  return inserted;
}

/**
 * One new, uniquely named database, reached through `processes` separate
 * connections as separate processes would (for tests of concurrent writers
 * against the real database). `register` makes each connection's models;
 * `dispose` drops the database and closes the connections.
 */
export async function scratchDatabase<T>(
  purpose: string,
  processes: number,
  register: (conn: Connection) => T,
): Promise<{ conns: Connection[]; models: T[]; dispose: () => Promise<void> }> {
  const dbName = `${purpose}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const conns = await Promise.all(Array.from({ length: processes }, () => connectDatabase({ uri: mongoUriFromEnv(), dbName })));
  const models = conns.map(register);
  for (const conn of modelConnections(conns[0]!, models[0])) await initModels(conn);
  return {
    conns,
    models,
    dispose: async () => {
      for (const conn of modelConnections(conns[0]!, models[0])) await conn.dropDatabase();
      await Promise.all(conns.map((c) => c.close()));
    },
  };
}
