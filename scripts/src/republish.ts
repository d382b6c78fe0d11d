import { databaseName, parseCli, runCli, SUBGRAPHS, UsageError, type SourceEntry } from '@credit/shared';
import type { Connection } from 'mongoose';

import { databaseForCli } from './database-for-cli';
import { deriveJointPunishment, openTargets } from './seed-population';

/**
 * Re-derives, from the departments' databases, the platform's standing and
 * published records of every person with an administrative penalty or
 * licence, with rows in the published-records index, or with a record of
 * the platform's own (a broken credit commitment): what a department's
 * notes do one person at a time. Needed once where records were written
 * before the platform kept the index (or restored from a backup without
 * it); running it again changes nothing.
 */
export async function republish(options: { mongoUri: string; dbPrefix?: string; chunkSize?: number; onProgress?: (done: number, total: number) => void }) {
  const chunkSize = options.chunkSize ?? 1000;
  const connections: Connection[] = [];
  try {
    const targets = await openTargets(options.mongoUri, options.dbPrefix, connections);
    const people = new Set<string>();
    const sources = (SUBGRAPHS as readonly SourceEntry[]).filter((s) => s.doublePublicity);
    for (const entry of sources) {
      const db = connections[SUBGRAPHS.findIndex((s) => s.name === entry.name)]!.db!;
      for (const collection of ['administrative_penalties', 'administrative_licences'])
        for (const id of await db.collection(collection).distinct('personId')) people.add(String(id));
    }
    const platform = connections[SUBGRAPHS.findIndex((s) => s.name === 'platform')]!.db!;
    for (const id of await platform.collection('published_records').distinct('personId')) people.add(String(id));
    // The platform's own records (broken credit commitments) count like a department's.
    for (const id of await platform.collection('broken_commitment_records').distinct('personId')) people.add(String(id));
    const ids = [...people].sort();
    for (let from = 0; from < ids.length; from += chunkSize) {
      await deriveJointPunishment(targets, ids.slice(from, from + chunkSize));
      options.onProgress?.(Math.min(ids.length, from + chunkSize), ids.length);
    }
    return { people: ids.length };
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}

const CLI = {
  command: 'npm run republish --',
  summary:
    'Re-derives the platform’s published records (the 双公示 feed) and standing of every person with an administrative penalty or licence, from the departments’ databases (the embedded one unless MONGODB_URI is set). Needed once for records written before the platform kept its published-records index; running it again changes nothing.',
  options: {
    'chunk-size': { type: 'string', default: '1000', value: 'N', description: 'people re-derived per batch' },
  },
} as const;

async function main(): Promise<void> {
  const { values } = parseCli(CLI);
  const chunkSize = Number(values['chunk-size']);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new UsageError('--chunk-size must be a positive whole number');
  const { uri, devDb } = await databaseForCli();
  const started = Date.now();
  try {
    const result = await republish({
      mongoUri: uri,
      chunkSize,
      onProgress: (done, total) => process.stderr.write(`\rre-derived ${done}/${total} people (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify({ people: result.people, database: databaseName('platform'), seconds: (Date.now() - started) / 1000 }));
  } finally {
    await devDb?.stop();
  }
}

if (require.main === module) runCli(CLI, main);
