import path from 'node:path';

import { defineDepartment, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { COMPANY_LISTING_CATEGORY } from './models/CompanyDebtorListing';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The kinds of records the COURTS bureau writes, and how each is keyed. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    DEBTOR_LISTING: { model: models.DebtorListing, negative: true, setsDisplayEnd: true },
    ENFORCEMENT_CASE: { model: models.EnforcementCase },
    // The check answers an order's measures even when the debtor is not listed.
    CONSUMPTION_RESTRICTION: { model: models.ConsumptionRestriction, restrictionOrder: true },
    // An office in a listed company grounds the person: a new one re-derives them.
    COMPANY_REPRESENTATION: { model: models.CompanyRepresentation, affectsStanding: true },
    COMPANY_DISHONESTY_RECORD: { model: models.CompanyDishonestyRecord, negative: true },
    // A company's listing grounds its responsible people (the representations the court records) by itself.
    COMPANY_DEBTOR_LISTING: {
      model: models.CompanyDebtorListing,
      companyListing: { category: COMPANY_LISTING_CATEGORY, offices: models.CompanyRepresentation },
    },
  };
}

/** The courts subgraph: dishonest judgment debtors, enforcement cases, consumption restrictions, company representations. */
export const definition = defineDepartment({
  name: 'courts',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed,
});
