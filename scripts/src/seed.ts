import { parseCli, runCli, UsageError } from '@credit/shared';

import { databaseForCli } from './database-for-cli';
import { seedPopulation } from './seed-population';

const CLI = {
  command: 'npm run seed --',
  summary:
    'Seeds a deterministic synthetic population into every subgraph’s database (the embedded one unless MONGODB_URI is set); running it again adds nothing.',
  options: {
    people: { type: 'string', default: '1000', value: 'N', description: 'how many people (1 to 29,000,000)' },
    seed: { type: 'string', default: '2018', value: 'S', description: 'random seed: the same seed gives the same people' },
    'chunk-size': { type: 'string', default: '2000', value: 'N', description: 'people written per batch' },
  },
} as const;

async function main(): Promise<void> {
  const { values } = parseCli(CLI);
  const people = Number(values.people);
  const seed = Number(values.seed);
  const chunkSize = Number(values['chunk-size']);
  if (!Number.isInteger(people) || people < 1 || people > 29_000_000)
    throw new UsageError(`--people must be a whole number from 1 to 29,000,000, got "${values.people}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative whole number, got "${values.seed}"`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new UsageError(`--chunk-size must be a positive whole number`);

  const { uri, devDb } = await databaseForCli();
  const started = Date.now();
  try {
    const totals = await seedPopulation({
      mongoUri: uri,
      people,
      seed,
      chunkSize,
      onProgress: (done, total) => process.stderr.write(`\rseeded ${done}/${total} people (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify({ people, seed, seconds: (Date.now() - started) / 1000, inserted: totals }, null, 2));
  } finally {
    await devDb?.stop();
  }
}

runCli(CLI, main);
