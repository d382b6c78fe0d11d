import { connectDatabase, databaseName, initModels, SUBGRAPHS, syntheticPeople } from '@credit/shared';
import type { Connection } from 'mongoose';

import { SUBGRAPH_DEFINITIONS } from './subgraph-definitions';

export interface SeedOptions {
  mongoUri: string;
  dbPrefix?: string;
  people: number;
  seed: number;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Seeds people 0..N-1 of the synthetic population into every subgraph's own
 * database. Each subgraph's seeder writes only its own collections; chunks
 * keep memory flat for 100,000 people. Idempotent: existing `_id`s are kept.
 */
export async function seedPopulation(options: SeedOptions): Promise<Record<string, Record<string, number>>> {
  const chunkSize = options.chunkSize ?? 2000;
  const connections: Connection[] = [];
  const totals: Record<string, Record<string, number>> = {};
  try {
    const targets = [];
    for (const entry of SUBGRAPHS) {
      const def = SUBGRAPH_DEFINITIONS[entry.name]!;
      const conn = await connectDatabase({ uri: options.mongoUri, dbName: databaseName(entry.name, options.dbPrefix) });
      connections.push(conn);
      const models = def.createModels(conn);
      await initModels(conn);
      targets.push({ name: entry.name, def, models });
      totals[entry.name] = {};
    }
    for (let from = 0; from < options.people; from += chunkSize) {
      const people = syntheticPeople(options.seed, from, Math.min(options.people, from + chunkSize));
      await Promise.all(
        targets.map(async ({ name, def, models }) => {
          const counts = await def.seed(models, people, options.seed);
          for (const [collection, n] of Object.entries(counts)) totals[name]![collection] = (totals[name]![collection] ?? 0) + n;
        }),
      );
      options.onProgress?.(Math.min(options.people, from + chunkSize), options.people);
    }
    return totals;
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}
