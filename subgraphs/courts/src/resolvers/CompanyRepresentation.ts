import { companyListingWindow } from '@credit/shared';

import type { CompanyRepresentationResolvers } from '../generated/graphql';
import { COMPANY_LISTING_CATEGORY } from '../models/CompanyDebtorListing';

export const CompanyRepresentation: CompanyRepresentationResolvers = {
  id: (doc) => doc._id,
  underObjection: (doc) => Boolean(doc.underObjection),
  // As recorded with the representation, or a listing of the company shown today (COMPANY_DEBTOR_LISTING).
  companyDishonest: async (doc, _args, { loaders }) =>
    doc.companyDishonest ||
    (await loaders.companyDebtorListingsByCode.load(doc.unifiedSocialCreditCode)).some((l) => companyListingWindow(COMPANY_LISTING_CATEGORY, l).shown),
};
