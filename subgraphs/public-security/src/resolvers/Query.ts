import { codedError, policy } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';

export const Query: QueryResolvers = {
  person: (_parent, { id }) => ({ id }),
  people: (_parent, { ids }) => {
    const max = policy().limits.maxPeoplePerQuery;
    if (ids.length > max) throw codedError('TOO_MANY_IDS', `people(ids:) takes at most ${max} IDs, got ${ids.length}`, { max, argument: 'ids' });
    return ids.map((id) => ({ id }));
  },
};
