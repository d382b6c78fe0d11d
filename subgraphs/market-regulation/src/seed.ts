import { addMonths, insertNewDocuments, makeSocialCreditCode, POPULATION_REFERENCE_DATE, Rng, type SyntheticPerson } from '@credit/shared';

import type { Models } from './models';
import type { CompanyListingDoc } from './models/CompanyListing';
import type { CompanyOfficerDoc, CompanyOfficerRole } from './models/CompanyOfficer';

const REF = POPULATION_REFERENCE_DATE;
const REGISTRATION_BASIS = '《中华人民共和国市场主体登记管理条例》';
const COMPANY_KINDS = ['商贸', '建材', '电子科技', '餐饮管理', '物流', '建筑工程', '农业开发', '文化传媒'];
// Trade names (字号): never the person's name, which a company name would carry into every listing.
const TRADE_NAMES = ['涪江', '富乐', '越王', '科城', '绵州', '仙海', '九洲', '长虹', '子云', '芙蓉'];
const SUFFIX_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A company of the demo city, founded by the person: code and name. */
function companyOf(person: SyntheticPerson, rng: Rng): { unifiedSocialCreditCode: string; companyName: string } {
  // 91 (enterprise) + the county + a registration suffix; the check character is computed.
  const suffix = Array.from({ length: 7 }, () => SUFFIX_CHARS[rng.int(0, SUFFIX_CHARS.length - 1)]).join('');
  const unifiedSocialCreditCode = makeSocialCreditCode(`91${person.areaCode}MA${suffix}`);
  return { unifiedSocialCreditCode, companyName: `绵阳${rng.pick(TRADE_NAMES)}${rng.pick(COMPANY_KINDS)}有限公司` };
}

/**
 * The registration data of the demo population: about 4% of adults are the
 * legal representative of a small company, most of them its actual
 * controller too, some with a director and supervisor from the population;
 * about one company in eight is on a list (its own of seriously illegal and
 * dishonest companies, or the courts' debtors as published), a quarter of
 * those removed since, so that their officers show on and off the
 * joint-punishment list.
 */
export function companyRecordsFor(people: readonly SyntheticPerson[], seed: number): { officers: CompanyOfficerDoc[]; listings: CompanyListingDoc[] } {
  const officers: CompanyOfficerDoc[] = [];
  const listings: CompanyListingDoc[] = [];
  const adultsFrom = (p: SyntheticPerson) => addMonths(p.birthDate, 12 * 22);
  for (const person of people) {
    const rng = Rng.forKey(seed, 'market-regulation', 'company', person.index);
    if (adultsFrom(person) >= REF || !rng.chance(0.04)) continue;
    const company = companyOf(person, rng);
    const founded = rng.dateBetween(adultsFrom(person) > '2012-01-01' ? adultsFrom(person) : '2012-01-01', addMonths(REF, -6));
    const office = (holder: SyntheticPerson, role: CompanyOfficerRole, n: number): CompanyOfficerDoc => ({
      _id: `MR-OFF-${person.index}-${n}`,
      personId: holder.id,
      ...company,
      role,
      since: founded,
      until: null,
      legalBasis: REGISTRATION_BASIS,
      collectedAt: new Date(`${founded}T09:00:00+08:00`),
    });
    officers.push(office(person, 'LEGAL_REPRESENTATIVE', 1));
    if (rng.chance(0.8)) officers.push(office(person, 'ACTUAL_CONTROLLER', 2));
    // A director and a supervisor from among the other adults, for some.
    if (rng.chance(0.3)) {
      // A few draws from the batch, not a scan of it: batches of the full population are large.
      const another = () => [0, 1, 2, 3].map(() => rng.pick(people)).find((p) => p.index !== person.index && adultsFrom(p) < founded);
      const director = another();
      const supervisor = another();
      if (director) officers.push(office(director, 'DIRECTOR', 3));
      if (supervisor && supervisor !== director) officers.push(office(supervisor, 'SUPERVISOR', 4));
    }
    if (!rng.chance(0.12)) continue;
    const listedOn = rng.dateBetween(founded > addMonths(REF, -30) ? founded : addMonths(REF, -30), addMonths(REF, -1));
    const own = rng.chance(0.5);
    listings.push({
      _id: `MR-CL-${person.index}`,
      ...company,
      list: own ? 'SERIOUSLY_ILLEGAL_DISHONEST' : 'DISHONEST_JUDGMENT_DEBTOR',
      listedOn,
      removedOn: rng.chance(0.25) ? rng.dateBetween(listedOn, REF) : null,
      decisionNumber: own ? `绵市监严〔${listedOn.slice(0, 4)}〕${rng.int(1, 99)}号` : `(${listedOn.slice(0, 4)})川07执${rng.int(100, 999)}号`,
      authority: own ? '绵阳市市场监督管理局' : '四川省绵阳市中级人民法院',
      legalBasis: own ? '《市场监督管理严重违法失信名单管理办法》' : '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
      collectedAt: new Date(`${listedOn}T10:00:00+08:00`),
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
