import { config, startDevDb, type DevDb } from '@credit/shared';

/**
 * The database a command-line tool should use: MONGODB_URI when set,
 * otherwise the embedded FerretDB on the persistent `credit_dev` store that
 * `npm start` uses too.
 */
export async function databaseForCli(): Promise<{ uri: string; devDb: DevDb | null }> {
  const { MONGODB_URI, DEVDB_DATABASE } = config();
  if (MONGODB_URI) return { uri: MONGODB_URI, devDb: null };
  const devDb = await startDevDb({ postgresDatabase: DEVDB_DATABASE });
  return { uri: devDb.uri, devDb };
}
