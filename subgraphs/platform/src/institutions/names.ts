import type { Models } from '../models';

/**
 * Registered names of institutions, as the query log writes them. Names
 * change rarely and every partner read needs one, so each platform process
 * keeps them for a minute instead of asking the database per entry.
 */
const TTL_MS = 60_000;

interface CachedName {
  name: string | null;
  until: number;
}

const caches = new WeakMap<Models, Map<string, CachedName>>();

/** The registered name of each institution; an unregistered one is named by its code. */
export async function registeredNames(models: Models, ids: readonly string[]): Promise<Map<string, string>> {
  let cache = caches.get(models);
  if (!cache) {
    cache = new Map();
    caches.set(models, cache);
  }
  const now = Date.now();
  const missing = [...new Set(ids)].filter((id) => (cache.get(id)?.until ?? 0) <= now);
  if (missing.length > 0) {
    const docs = await models.Institution.find(missing.length === 1 ? { _id: missing[0] } : { _id: { $in: missing } })
      .lean()
      .exec();
    const found = new Map(docs.map((d) => [d._id, d.name]));
    for (const id of missing) cache.set(id, { name: found.get(id) ?? null, until: now + TTL_MS });
  }
  return new Map(ids.map((id) => [id, cache.get(id)?.name ?? id]));
}

/** Forgets a cached name (after a registration in this process). */
export function forgetName(models: Models, id: string): void {
  caches.get(models)?.delete(id);
}
