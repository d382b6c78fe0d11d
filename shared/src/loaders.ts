import DataLoader from 'dataloader';
import type { Model } from 'mongoose';

/**
 * DataLoader factories. Loaders are created per request (in the context
 * function) so nothing is cached across callers; within a request, every
 * person asked for in the same tick is fetched with one command.
 */

// One `find` must return every batched row in its first reply: a `getMore`
// would be a second command per collection.
const BATCH_SIZE = 100_000;

/**
 * The filter for a batch of keys. A single key is an equality match, not a
 * one-element `$in`: FerretDB v1 pushes only `$eq` down to PostgreSQL and
 * evaluates `$in` in Go over the whole collection, so the common one-person
 * request would otherwise scan every document. MongoDB serves both from the
 * index.
 */
export function keysFilter(field: string, keys: readonly string[]): Record<string, unknown> {
  return keys.length === 1 ? { [field]: keys[0] } : { [field]: { $in: keys } };
}

/**
 * Keys per `$in` lookup where a caller may have thousands. The embedded
 * FerretDB sends a `$in` of strings to PostgreSQL as one `?|` test
 * (tools/devdb/overlay). Past a few thousand keys PostgreSQL prices the GIN
 * index above a scan of the whole table, and the scan then tests every row
 * against every key: 10,000 query-log directory ids against 430,000 rows
 * took 40 s. Slices of this many stay on the index. MongoDB serves any
 * number from its index; the slices cost it a few more round trips.
 */
export const KEYS_PER_LOOKUP = 500;

/** The keys in slices of at most KEYS_PER_LOOKUP, one lookup each. */
export function keySlices<K>(keys: readonly K[]): K[][] {
  const slices: K[][] = [];
  for (let from = 0; from < keys.length; from += KEYS_PER_LOOKUP) slices.push(keys.slice(from, from + KEYS_PER_LOOKUP));
  return slices;
}

/** Loads one document per key by `_id`; a missing key gives null. */
export function byIdLoader<T extends { _id: string }>(model: Model<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const docs = (await model
      .find(keysFilter('_id', ids) as never)
      .batchSize(BATCH_SIZE)
      .lean()
      .exec()) as unknown as T[];
    const byId = new Map(docs.map((d) => [d._id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loads all documents whose `field` equals each key (or, for an array field,
 * contains it), in `sort` order, with one command for all keys of a tick.
 */
export function groupedLoader<T>(model: Model<T>, field: keyof T & string, sort: Record<string, 1 | -1>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const docs = (await model
      .find(keysFilter(field, keys) as never)
      .sort(sort)
      .batchSize(BATCH_SIZE)
      .lean()
      .exec()) as unknown as T[];
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const doc of docs) {
      const value = doc[field] as unknown;
      for (const key of Array.isArray(value) ? value : [value]) groups.get(String(key))?.push(doc);
    }
    return keys.map((k) => groups.get(k)!);
  });
}
