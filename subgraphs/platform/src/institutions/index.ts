import { allow } from 'graphql-shield';

import type { PlatformDomain } from '../domain';
import { reviewer } from '../rules';
import { createInstitutionModels, type InstitutionModels } from './models';
import { resolvers } from './resolvers';
import { seedInstitutions } from './seed';

/**
 * Institutions (MISSION rule 12): the partner institutions registered with the
 * platform, whose names the query log writes, and the misconduct blacklist
 * that refuses a blacklisted institution's queries.
 */
export const institutions: PlatformDomain<InstitutionModels> = {
  name: 'institutions',
  createModels: createInstitutionModels,
  resolvers,
  permissions: {
    // A registered organisation's name is not personal data.
    Query: { institution: allow },
    Mutation: { registerInstitution: reviewer, blacklistInstitution: reviewer, liftInstitutionBlacklist: reviewer },
  },
  seed: seedInstitutions,
};
