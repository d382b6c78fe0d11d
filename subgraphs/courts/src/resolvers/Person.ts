import { paginate } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  dishonestDebtorListings: async ({ id }, args, { loaders }) => paginate(await loaders.debtorListingsByPerson.load(id), args, (l) => l._id),
  enforcementCases: async ({ id }, args, { loaders }) => paginate(await loaders.enforcementCasesByPerson.load(id), args, (c) => c._id),
  consumptionRestrictions: async ({ id }, _args, { loaders }) => loaders.consumptionRestrictionsByPerson.load(id),
  representedCompanies: async ({ id }, _args, { loaders }) => loaders.companyRepresentationsByPerson.load(id),
  companyDishonestyRecords: async ({ id }, args, { loaders }) => paginate(await loaders.companyDishonestyRecordsByPerson.load(id), args, (r) => r._id),
};
