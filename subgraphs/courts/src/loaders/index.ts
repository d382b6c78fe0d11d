import { COMPANY_LISTING_ORDER, groupedLoader, NEGATIVE_RECORD_ORDER, type DepartmentContext } from '@credit/shared';

import type { Models } from '../models';
import { COMPANY_REPRESENTATION_ORDER } from '../models/CompanyRepresentation';
import { CONSUMPTION_RESTRICTION_ORDER } from '../models/ConsumptionRestriction';
import { ENFORCEMENT_CASE_ORDER } from '../models/EnforcementCase';

/** Per-request loaders: one command per collection for all people of a request. */
export function createLoaders(models: Models) {
  return {
    debtorListingsByPerson: groupedLoader(models.DebtorListing, 'personId', NEGATIVE_RECORD_ORDER),
    enforcementCasesByPerson: groupedLoader(models.EnforcementCase, 'personId', ENFORCEMENT_CASE_ORDER),
    consumptionRestrictionsByPerson: groupedLoader(models.ConsumptionRestriction, 'personId', CONSUMPTION_RESTRICTION_ORDER),
    companyRepresentationsByPerson: groupedLoader(models.CompanyRepresentation, 'personId', COMPANY_REPRESENTATION_ORDER),
    companyDishonestyRecordsByPerson: groupedLoader(models.CompanyDishonestyRecord, 'personId', NEGATIVE_RECORD_ORDER),
    companyDebtorListingsByCode: groupedLoader(models.CompanyDebtorListing, 'unifiedSocialCreditCode', COMPANY_LISTING_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders>;
