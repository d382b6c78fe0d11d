import type { ConsentResolvers } from '../../generated/graphql';
import { consentStatus } from '../models/Consent';

export const Consent: ConsentResolvers = {
  id: (doc) => doc._id,
  granteeInstitution: (doc) => ({ id: doc.granteeInstitutionId, name: doc.granteeInstitutionName }),
  revokedAt: (doc) => doc.revokedAt ?? null,
  status: (doc) => consentStatus(doc),
};
