import { addMonths } from './display-window';
import { POPULATION_REFERENCE_DATE, type SyntheticPerson } from './population';
import { Rng } from './random';
import { makeSocialCreditCode } from './social-credit-code';

/**
 * The companies registered in the demo city (市场主体登记), one generator for
 * every department that records them: the market regulator registers them
 * and their officers, and lists some as seriously illegal and dishonest;
 * the court lists others as dishonest judgment debtors, recording the legal
 * representative it enforces against. Both draw the same companies from the
 * same population batch, so a court's listing reaches the actual controller
 * and the directors the regulator registers (二(五)二), as in a real city.
 */

export type CompanyOfficeRole = 'LEGAL_REPRESENTATIVE' | 'ACTUAL_CONTROLLER' | 'DIRECTOR' | 'SUPERVISOR';

export interface CityCompany {
  unifiedSocialCreditCode: string;
  companyName: string;
  /** The founder's county: where the company is registered. */
  areaCode: string;
  founded: string;
  /** The founder, its legal representative: ids of its records derive from the founder's index. */
  founder: SyntheticPerson;
  officers: { holder: SyntheticPerson; role: CompanyOfficeRole; n: number }[];
  /** The company's listing as seriously dishonest, and by whom; null when it is on no list. */
  listing: { by: 'MARKET_REGULATION' | 'COURTS'; listedOn: string; removedOn: string | null; serial: number } | null;
}

const REF = POPULATION_REFERENCE_DATE;
const COMPANY_KINDS = ['商贸', '建材', '电子科技', '餐饮管理', '物流', '建筑工程', '农业开发', '文化传媒'];
// Trade names (字号): never the person's name, which a company name would carry into every listing.
const TRADE_NAMES = ['涪江', '富乐', '越王', '科城', '绵州', '仙海', '九洲', '长虹', '子云', '芙蓉'];
const SUFFIX_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Old enough to found or direct a company. */
function officerFrom(person: SyntheticPerson): string {
  return addMonths(person.birthDate, 12 * 22);
}

/**
 * About 4% of adults are the legal representative of a small company, most
 * of them its actual controller too, some with a director and a supervisor
 * from the population; about one company in eight is listed (half by the
 * regulator, half by the court), a quarter of those removed since, so that
 * their officers show on and off the joint-punishment list.
 */
export function cityCompanies(people: readonly SyntheticPerson[], seed: number): CityCompany[] {
  const companies: CityCompany[] = [];
  for (const founder of people) {
    const rng = Rng.forKey(seed, 'market-regulation', 'company', founder.index);
    if (officerFrom(founder) >= REF || !rng.chance(0.04)) continue;
    // 91 (enterprise) + the county + a registration suffix; the check character is computed.
    const suffix = Array.from({ length: 7 }, () => SUFFIX_CHARS[rng.int(0, SUFFIX_CHARS.length - 1)]).join('');
    const unifiedSocialCreditCode = makeSocialCreditCode(`91${founder.areaCode}MA${suffix}`);
    const companyName = `绵阳${rng.pick(TRADE_NAMES)}${rng.pick(COMPANY_KINDS)}有限公司`;
    const founded = rng.dateBetween(officerFrom(founder) > '2012-01-01' ? officerFrom(founder) : '2012-01-01', addMonths(REF, -6));
    const officers: CityCompany['officers'] = [{ holder: founder, role: 'LEGAL_REPRESENTATIVE', n: 1 }];
    if (rng.chance(0.8)) officers.push({ holder: founder, role: 'ACTUAL_CONTROLLER', n: 2 });
    if (rng.chance(0.3)) {
      // A few draws from the batch, not a scan of it: batches of the full population are large.
      const another = () => [0, 1, 2, 3].map(() => rng.pick(people)).find((p) => p.index !== founder.index && officerFrom(p) < founded);
      const director = another();
      const supervisor = another();
      if (director) officers.push({ holder: director, role: 'DIRECTOR', n: 3 });
      if (supervisor && supervisor !== director) officers.push({ holder: supervisor, role: 'SUPERVISOR', n: 4 });
    }
    let listing: CityCompany['listing'] = null;
    if (rng.chance(0.12)) {
      const listedOn = rng.dateBetween(founded > addMonths(REF, -30) ? founded : addMonths(REF, -30), addMonths(REF, -1));
      const by = rng.chance(0.5) ? 'MARKET_REGULATION' : 'COURTS';
      // Removed at least a month after the listing (the debt performed, the listing's term run).
      const removedOn = rng.chance(0.25) ? rng.dateBetween(addMonths(listedOn, 1), REF) : null;
      listing = { by, listedOn, removedOn, serial: by === 'MARKET_REGULATION' ? rng.int(1, 99) : rng.int(100, 999) };
    }
    companies.push({ unifiedSocialCreditCode, companyName, areaCode: founder.areaCode, founded, founder, officers, listing });
  }
  return companies;
}
