import { officesNotRemoved, pageOfShownRecords, paginate } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  dishonestDebtorListings: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.debtorListingsByPerson.load(id), args, forwarded),
  enforcementCases: async ({ id }, args, { loaders }) => paginate(await loaders.enforcementCasesByPerson.load(id), args, (c) => c._id),
  consumptionRestrictions: async ({ id }, _args, { loaders }) => loaders.consumptionRestrictionsByPerson.load(id),
  representedCompanies: async ({ id }, _args, { loaders }) => officesNotRemoved(await loaders.companyRepresentationsByPerson.load(id)),
  companyDishonestyRecords: async ({ id }, args, { loaders, forwarded }) =>
    pageOfShownRecords(await loaders.companyDishonestyRecordsByPerson.load(id), args, forwarded),
};
