import type { EnforcementCaseResolvers } from '../generated/graphql';

export const EnforcementCase: EnforcementCaseResolvers = {
  id: (doc) => doc._id,
};
