import type { ObjectionResolvers } from '../generated/graphql';

export const Objection: ObjectionResolvers = {
  id: (doc) => doc._id,
};
