import type { RepairResolvers } from '../generated/graphql';

export const Repair: RepairResolvers = {
  id: (doc) => doc._id,
};
