import type { ConsumptionRestrictionResolvers } from '../generated/graphql';

export const ConsumptionRestriction: ConsumptionRestrictionResolvers = {
  id: (doc) => doc._id,
  measures: (doc) => doc.measures as never,
};
