import { connectDatabase, databaseName, parseCli, runCli } from '@credit/shared';
import { createModels, queryLogPublicKey, verifyQueryLog } from '@credit/subgraph-platform';

import { databaseForCli } from './database-for-cli';

const CLI = {
  command: 'npm run verify-log --',
  summary:
    'Walks the whole query log, its archive past the retention period first, then the live log, recomputes its hash chain, checks every batch seal and every signed checkpoint of the head against the platform’s public key (QUERY_LOG_PUBLIC_KEY_FILE, or the signing key’s), and exits 1 naming every altered, missing, unlinked, unsealed or cut entry.',
  options: {},
} as const;

async function main(): Promise<number> {
  parseCli(CLI);
  const { publicKey, keyId } = queryLogPublicKey();
  const { uri, devDb } = await databaseForCli();
  const conn = await connectDatabase({ uri, dbName: databaseName('platform') });
  try {
    const result = await verifyQueryLog(createModels(conn), publicKey);
    for (const note of result.notes) console.log(`note: ${note}`);
    if (result.ok) {
      console.log(
        `query log intact: ${result.entries} entries, every hash, link and seal verified; ${result.checkpoints} signed checkpoints agree (key ${keyId})`,
      );
    } else {
      console.error(
        `query log BROKEN (${result.entries} entries, ${result.checkpoints} checkpoints read):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await conn.close();
    await devDb?.stop();
  }
}

runCli(CLI, main);
