// Starts the embedded database once for the whole test run, unless
// MONGODB_URI points at one. Workers inherit MONGODB_URI from here; each
// test file then uses databases of its own (a unique MONGODB_DB_PREFIX).
const { startDevDb } = require('./shared/dist/devdb');

module.exports = async () => {
  if (process.env.MONGODB_URI) return;
  const db = await startDevDb({ postgresDatabase: process.env.DEVDB_TEST_DATABASE || 'credit_test' });
  process.env.MONGODB_URI = db.uri;
  globalThis.__CREDIT_DEVDB__ = db;
};
