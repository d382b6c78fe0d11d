import path from 'node:path';

import { defineDepartment, seedDoublePublicity, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { publicity } from './publicity';
import { resolvers } from './resolvers';
import { seedCompanies } from './seed';

/** The kinds of records the MARKET_REGULATION bureau writes besides its penalties and licences. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    // An office in a listed company grounds the person: a new one re-derives them.
    COMPANY_OFFICER: { model: models.CompanyOfficer, affectsStanding: true },
    // A company's listing grounds its officers by itself (seed 二(五)二).
    COMPANY_LISTING: {
      model: models.CompanyListing,
      companyListing: { category: 'SERIOUSLY_DISHONEST_COMPANY_OFFICER', offices: models.CompanyOfficer },
    },
  };
}

/**
 * The market-regulation subgraph: the Market Supervision Administration's
 * administrative penalties and licences, the officers of companies from its
 * registration data, and the lists of companies it publishes, whose
 * responsible people follow their company onto the joint-punishment list.
 */
export const definition = defineDepartment({
  name: 'market-regulation',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed: async (models, people, seedValue) => ({
    ...(await seedCompanies(models, people, seedValue)),
    ...(await seedDoublePublicity('market-regulation', publicity, models, people, seedValue)),
  }),
  publicity,
});
