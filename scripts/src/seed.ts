import { parseArgs } from 'node:util';

import { databaseForCli } from './database-for-cli';
import { seedPopulation } from './seed-population';

// npm run seed -- --people N [--seed S]
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '2018' },
      'chunk-size': { type: 'string', default: '2000' },
    },
  });
  const people = Number(values.people);
  const seed = Number(values.seed);
  const chunkSize = Number(values['chunk-size']);
  if (!Number.isInteger(people) || people < 1 || people > 29_000_000)
    throw new Error(`--people must be a whole number from 1 to 29,000,000, got "${values.people}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative whole number, got "${values.seed}"`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`--chunk-size must be a positive whole number`);

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

main().catch((err: unknown) => {
  console.error(`seed failed: ${(err as Error).message}`);
  process.exit(1);
});
