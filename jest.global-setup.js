// Starts the embedded database once for the whole test run, unless
// MONGODB_URI points at one. Workers inherit MONGODB_URI from here; each
// test file then uses databases of its own (a unique MONGODB_DB_PREFIX).
const { config } = require('./shared/dist/config');
const { startDevDb } = require('./shared/dist/devdb');

module.exports = async () => {
  // Expected failures (outage tests) would otherwise fill the output; LOG_LEVEL=info shows them.
  process.env.LOG_LEVEL ??= 'silent';
  const { MONGODB_URI, DEVDB_TEST_DATABASE } = config();
  if (MONGODB_URI) return;
  const db = await startDevDb({ postgresDatabase: DEVDB_TEST_DATABASE });
  process.env.MONGODB_URI = db.uri;
  globalThis.__CREDIT_DEVDB__ = db;
};
