import { connectDatabase, databaseName } from '@credit/shared';
import { createModels } from '@credit/subgraph-platform/dist/models';
import { verifyQueryLog } from '@credit/subgraph-platform/dist/query-log';

import { databaseForCli } from './database-for-cli';

// npm run verify-log: walks the whole query log and recomputes its hash
// chain; exits 1 naming every altered, missing or unlinked entry.
async function main(): Promise<void> {
  const { uri, devDb } = await databaseForCli();
  const conn = await connectDatabase({ uri, dbName: databaseName('platform') });
  try {
    const result = await verifyQueryLog(createModels(conn));
    if (result.ok) {
      console.log(`query log intact: ${result.entries} entries, every hash and link verified`);
    } else {
      console.error(`query log BROKEN (${result.entries} entries read):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await conn.close();
    await devDb?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`verify-log failed: ${(err as Error).message}`);
  process.exit(2);
});
