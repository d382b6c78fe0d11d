import type { InstitutionBlacklistEntryResolvers, InstitutionMisconductGround } from '../../generated/graphql';

export const InstitutionBlacklistEntry: InstitutionBlacklistEntryResolvers = {
  institutionId: (doc) => doc._id,
  liftedAt: (doc) => doc.liftedAt ?? null,
  ground: (doc) => (doc.ground ?? null) as InstitutionMisconductGround | null,
  responsible: (doc) => doc.responsible ?? [],
};
