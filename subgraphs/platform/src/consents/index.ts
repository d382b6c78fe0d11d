import { gatewayOnly, groupedLoader } from '@credit/shared';

import type { PlatformDomain } from '../domain';
import { dataSubject } from '../rules';
import { createConsentModels, type ConsentModels } from './models';
import { CONSENT_ORDER } from './models/Consent';
import { resolvers } from './resolvers';
import { seedConsents } from './seed';

function createConsentLoaders(models: ConsentModels) {
  return { consentsBySubject: groupedLoader(models.Consent, 'subjectId', CONSENT_ORDER) };
}

/**
 * Consents (MISSION rule 3): what a person lets a partner institution read,
 * for which purpose and until when; the gateway checks them before a
 * partner's read.
 */
export const consents: PlatformDomain<ConsentModels, ReturnType<typeof createConsentLoaders>> = {
  name: 'consents',
  createModels: createConsentModels,
  createLoaders: createConsentLoaders,
  resolvers,
  permissions: {
    Query: { consentCheck: gatewayOnly },
    Mutation: { grantConsent: dataSubject, revokeConsent: dataSubject },
  },
  seed: seedConsents,
};
