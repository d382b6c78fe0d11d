import { badInput, policy } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';

/**
 * The IDs of the residents registered under a name, for the platform's
 * public search of the published lists: the platform keeps only those on a
 * list, so nobody learns from the answer whether anyone else of that name
 * exists. The name is compared exactly (as the population base records it).
 */
export const residentsNamed: NonNullable<QueryResolvers['residentsNamed']> = async (_parent, { name, limit }, { models }) => {
  const max = policy().limits.maxPeoplePerQuery * 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw badInput(`limit must be between 1 and ${max}`, 'bad limit', { argument: 'limit', max });
  const rows = await models.Resident.find({ name: name.trim() }, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean().exec();
  return rows.map((r) => r._id);
};
