import { categoryPolicy, displayWindow } from '@credit/shared';

import type { CompanyRepresentationResolvers } from '../generated/graphql';

// The category a company's listing grounds its responsible people in (definition.ts), whose display period the listing has.
const LISTING_CATEGORY = 'DISHONEST_COMPANY_RESPONSIBLE_PERSON';

export const CompanyRepresentation: CompanyRepresentationResolvers = {
  // As recorded with the representation, or a listing of the company shown today (COMPANY_DEBTOR_LISTING).
  companyDishonest: async (doc, _args, { loaders }) => {
    if (doc.companyDishonest) return true;
    const grade = categoryPolicy(LISTING_CATEGORY).grade;
    const listings = await loaders.companyDebtorListingsByCode.load(doc.unifiedSocialCreditCode);
    return listings.some((l) => displayWindow({ category: LISTING_CATEGORY, grade, decisionDate: l.listedOn, removedOn: l.removedOn ?? null }).shown);
  },
};
