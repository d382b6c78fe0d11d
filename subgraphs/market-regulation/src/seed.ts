import { cityCompanies, insertNewDocuments, type SyntheticPerson } from '@credit/shared';

import type { Models } from './models';
import type { CompanyListingDoc } from './models/CompanyListing';
import type { CompanyOfficerDoc } from './models/CompanyOfficer';

const REGISTRATION_BASIS = '《中华人民共和国市场主体登记管理条例》';

/**
 * The registration data of the demo population (shared cityCompanies): the
 * officers of every company of the city, and the regulator's own list of
 * seriously illegal and dishonest companies. The companies the court lists
 * as dishonest debtors are the court's to write (its seed); their officers
 * registered here follow them all the same, joined on the platform.
 */
export function companyRecordsFor(people: readonly SyntheticPerson[], seed: number): { officers: CompanyOfficerDoc[]; listings: CompanyListingDoc[] } {
  const officers: CompanyOfficerDoc[] = [];
  const listings: CompanyListingDoc[] = [];
  for (const company of cityCompanies(people, seed)) {
    const { unifiedSocialCreditCode, companyName, founded, founder, listing } = company;
    for (const { holder, role, n } of company.officers)
      officers.push({
        _id: `MR-OFF-${founder.index}-${n}`,
        personId: holder.id,
        unifiedSocialCreditCode,
        companyName,
        role,
        since: founded,
        until: null,
        legalBasis: REGISTRATION_BASIS,
        collectedAt: new Date(`${founded}T09:00:00+08:00`),
      });
    if (listing?.by !== 'MARKET_REGULATION') continue;
    listings.push({
      _id: `MR-CL-${founder.index}`,
      unifiedSocialCreditCode,
      companyName,
      list: 'SERIOUSLY_ILLEGAL_DISHONEST',
      listedOn: listing.listedOn,
      removedOn: listing.removedOn,
      decisionNumber: `绵市监严〔${listing.listedOn.slice(0, 4)}〕${listing.serial}号`,
      authority: '绵阳市市场监督管理局',
      legalBasis: '《市场监督管理严重违法失信名单管理办法》',
      collectedAt: new Date(`${listing.listedOn}T10:00:00+08:00`),
    });
  }
  return { officers, listings };
}

/** Seeds the bureau's company records. */
export async function seedCompanies(models: Models, people: readonly SyntheticPerson[], seed: number): Promise<Record<string, number>> {
  const { officers, listings } = companyRecordsFor(people, seed);
  return {
    company_officers: await insertNewDocuments(models.CompanyOfficer, officers),
    company_listings: await insertNewDocuments(models.CompanyListing, listings),
  };
}
