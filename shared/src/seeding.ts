import type { Model } from 'mongoose';

import { duplicatePositions } from './duplicate-key';
import type { SyntheticPerson } from './population';

/**
 * Each subgraph generates its own synthetic records for a slice of the
 * population. Generators are pure functions of (seed, person), so running
 * the seed twice produces the same `_id`s and the second run inserts nothing.
 */
export type SubgraphSeeder<TModels> = (models: TModels, people: readonly SyntheticPerson[], seed: number) => Promise<Record<string, number>>;

interface BulkWriteErrorLike {
  code?: number;
  writeErrors?: { code?: number; err?: { code?: number } }[];
  insertedCount?: number;
  result?: { insertedCount?: number };
}

/**
 * Inserts documents, skipping those whose `_id` already exists (a re-run of
 * the seed). Every document is validated against its model first (the
 * lean insert below skips mongoose validation), and any error other than a
 * duplicate key is rethrown, so nothing invalid is written and nothing is
 * silently dropped. Returns how many were new.
 */
export async function insertNewDocuments<T>(model: Model<T>, docs: readonly T[]): Promise<number> {
  if (docs.length === 0) return 0;
  await Promise.all(
    docs.map((doc) =>
      new model(doc).validate().catch((err: Error) => {
        throw new Error(`${model.modelName} seed document ${String((doc as { _id?: unknown })._id)} is invalid: ${err.message}`);
      }),
    ),
  );
  try {
    const inserted = await model.insertMany(docs as T[], { ordered: false, lean: true, rawResult: true });
    return inserted.insertedCount;
  } catch (err) {
    const e = err as BulkWriteErrorLike;
    // Seeding again inserts only what is missing: duplicates are expected, nothing else is.
    const duplicates = duplicatePositions(err);
    if (!duplicates) throw err;
    return e.insertedCount ?? e.result?.insertedCount ?? docs.length - duplicates.length;
  }
}
