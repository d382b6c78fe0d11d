import { codedError } from './errors';
import { policy } from './policy';

/**
 * Resolvers of the shared entry points `person` and `people` (common.graphql).
 * They only turn IDs into `Person` references — the scalar has already
 * validated each ID — so any subgraph can start a query plan.
 */
export const rootQueryResolvers = {
  person: (_parent: unknown, { id }: { id: string }) => ({ id }),
  people: (_parent: unknown, { ids }: { ids: string[] }) => {
    const max = policy().limits.maxPeoplePerQuery;
    if (ids.length > max) throw codedError('TOO_MANY_IDS', `people(ids:) takes at most ${max} IDs, got ${ids.length}`, { max, argument: 'ids' });
    return ids.map((id) => ({ id }));
  },
};
