import { allow } from 'graphql-shield';

import type { PlatformDomain } from '../domain';
import { resolvers } from './resolvers';

/**
 * The credit evaluation (方案 二(四)四): a grade and score computed when read
 * from the person's records in their display windows, with the factors that
 * decided it; and the policy's catalogue of credit categories it grades by.
 * It keeps no models of its own.
 */
export const evaluation: PlatformDomain<Record<never, never>> = {
  name: 'evaluation',
  createModels: () => ({}),
  resolvers,
  permissions: { Query: { creditCatalogue: allow, creditCategory: allow } },
};
