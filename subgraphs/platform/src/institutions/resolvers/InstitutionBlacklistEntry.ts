import type { InstitutionBlacklistEntryResolvers } from '../../generated/graphql';

export const InstitutionBlacklistEntry: InstitutionBlacklistEntryResolvers = {
  institutionId: (doc) => doc._id,
  liftedAt: (doc) => doc.liftedAt ?? null,
};
