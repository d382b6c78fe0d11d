import {
  addMonths,
  categoryPolicy,
  cityCompanies,
  insertNewDocuments,
  makeSocialCreditCode,
  MIANYANG_AREAS,
  opaqueId,
  policy,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from './models';
import type { CompanyDebtorListingDoc } from './models/CompanyDebtorListing';
import type { CompanyRepresentationDoc, CompanyRole } from './models/CompanyRepresentation';
import type { ConsumptionRestrictionDoc } from './models/ConsumptionRestriction';
import { type DebtorListingDoc, type DebtorRemovalReason, type DishonestyGround } from './models/DebtorListing';
import type { EnforcementCaseDoc, EnforcementStatus } from './models/EnforcementCase';

const LEGAL_BASIS_LISTING = '《最高人民法院关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号)';
const LEGAL_BASIS_ENFORCEMENT = '《中华人民共和国民事诉讼法》第三编 执行程序';
const LEGAL_BASIS_RESTRICTION = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》(法释〔2015〕17号)';
const LEGAL_BASIS_REPRESENTATION = '《中华人民共和国市场主体登记管理条例》; 《最高人民法院关于公布失信被执行人名单信息的若干规定》第六条';
const LEGAL_BASIS_COMPANY_LISTING =
  '《最高人民法院关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号)第六条; 《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》';

// Basic court of each county with its code in case numbers; the
// intermediate court enforces the large cases it tried at first instance.
const BASIC_COURTS: Readonly<Record<string, Court>> = {
  '510703': { name: '绵阳市涪城区人民法院', code: '川0703' },
  '510704': { name: '绵阳市游仙区人民法院', code: '川0704' },
  '510705': { name: '绵阳市安州区人民法院', code: '川0705' },
  '510722': { name: '三台县人民法院', code: '川0722' },
  '510723': { name: '盐亭县人民法院', code: '川0723' },
  '510725': { name: '梓潼县人民法院', code: '川0725' },
  '510726': { name: '北川羌族自治县人民法院', code: '川0726' },
  '510727': { name: '平武县人民法院', code: '川0727' },
  '510781': { name: '江油市人民法院', code: '川0781' },
};
const INTERMEDIATE_COURT: Court = { name: '绵阳市中级人民法院', code: '川07' };

interface Court {
  name: string;
  code: string;
}

const CAUSES: { cause: string; minYuan: number; maxYuan: number; obligation: (yuan: number) => string }[] = [
  { cause: '民间借贷纠纷', minYuan: 20_000, maxYuan: 800_000, obligation: (y) => `偿还借款本金${y}元及按年利率3.85%计算的逾期利息` },
  { cause: '金融借款合同纠纷', minYuan: 50_000, maxYuan: 2_000_000, obligation: (y) => `偿还银行借款本金${y}元及利息、罚息、复利` },
  { cause: '信用卡纠纷', minYuan: 5_000, maxYuan: 150_000, obligation: (y) => `偿还信用卡透支本金${y}元及利息、违约金` },
  { cause: '买卖合同纠纷', minYuan: 10_000, maxYuan: 1_500_000, obligation: (y) => `支付货款${y}元及逾期付款违约金` },
  { cause: '劳务合同纠纷', minYuan: 3_000, maxYuan: 80_000, obligation: (y) => `支付拖欠的劳务报酬${y}元` },
  { cause: '机动车交通事故责任纠纷', minYuan: 10_000, maxYuan: 300_000, obligation: (y) => `赔偿原告医疗费、误工费、护理费等各项损失共计${y}元` },
  { cause: '房屋租赁合同纠纷', minYuan: 5_000, maxYuan: 200_000, obligation: (y) => `支付拖欠租金${y}元并腾退租赁房屋` },
  { cause: '建设工程施工合同纠纷', minYuan: 100_000, maxYuan: 3_000_000, obligation: (y) => `支付工程款${y}元及利息` },
];

// Listing grounds in the proportions the published list shows: most
// debtors are listed for refusing to pay though able to.
const GROUND_WEIGHTS: [DishonestyGround, number][] = [
  ['REFUSING_WITH_ABILITY', 55],
  ['VIOLATING_PROPERTY_REPORTING', 20],
  ['EVADING_BY_FALSE_TRANSFERS', 8],
  ['VIOLATING_CONSUMPTION_RESTRICTION', 7],
  ['BREACHING_SETTLEMENT_AGREEMENT', 5],
  ['OBSTRUCTING_ENFORCEMENT', 3],
  ['EVADING_WITH_FALSE_LITIGATION', 2],
];

const ROLE_WEIGHTS: [CompanyRole, number][] = [
  ['LEGAL_REPRESENTATIVE', 60],
  ['PRINCIPAL', 25],
  ['DIRECTLY_RESPONSIBLE', 15],
];

const COMPANY_BRANDS = ['鑫源', '恒达', '华兴', '蜀丰', '富乐', '科创', '嘉利', '瑞丰', '宏远', '涪江', '盛世', '锦程'];
const COMPANY_TRADES = ['商贸', '建筑工程', '餐饮管理', '物流', '电子科技', '农业开发', '装饰工程', '房地产开发', '汽车销售服务', '机械制造'];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Shares per adult: 1.2% listed (all of them with cases and restrictions),
// 4% with any enforcement case, 3% representing a company, of which about
// one in fifteen is listed as dishonest (0.2% of adults).
const LISTED_SHARE = 0.012;
const ENFORCEMENT_SHARE = 0.04;
const REPRESENTATION_SHARE = 0.03;
const DISHONEST_COMPANY_SHARE = 0.06;
const PERFORMED_SHARE = 0.3;
const SETTLED_SHARE = 0.03;
const REVOKED_SHARE = 0.01;

export interface CourtRecords {
  debtorListings: DebtorListingDoc[];
  enforcementCases: EnforcementCaseDoc[];
  consumptionRestrictions: ConsumptionRestrictionDoc[];
}

export interface CompanyRecords {
  representations: CompanyRepresentationDoc[];
  /** The court's listings of the companies as dishonest judgment debtors: one per company, none per person. */
  companyListings: CompanyDebtorListingDoc[];
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}

function addWorkingDays(isoDate: string, days: number): string {
  let date = isoDate;
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** The day the person comes of age, or null when they are a minor on the reference date. */
function adultFrom(person: SyntheticPerson): string | null {
  const from = addMonths(person.birthDate, 12 * policy().minors.adultAge);
  return from < POPULATION_REFERENCE_DATE ? from : null;
}

function caseNumber(rng: Rng, court: Court, filedOn: string): string {
  return `(${filedOn.slice(0, 4)})${court.code}执${rng.int(100, 4999)}号`;
}

/** Enforcement cases, the dishonest-debtor listing and consumption restrictions of one person, consistent with each other. */
export function courtRecordsFor(person: SyntheticPerson, seed: number): CourtRecords {
  const out: CourtRecords = { debtorListings: [], enforcementCases: [], consumptionRestrictions: [] };
  const adult = adultFrom(person);
  if (!adult) return out;
  const rng = Rng.forKey(seed, 'courts', 'enforcement', person.index);
  const roll = rng.next();
  if (roll >= ENFORCEMENT_SHARE) return out;
  const listed = roll < LISTED_SHARE;

  const localCourt = BASIC_COURTS[person.areaCode] ?? INTERMEDIATE_COURT;
  const caseCount = listed
    ? weighted(rng, [
        [1, 65],
        [2, 25],
        [3, 10],
      ])
    : weighted(rng, [
        [1, 85],
        [2, 15],
      ]);
  // Cases are filed once the person is an adult, so a listing that follows a
  // filing can never fall on a minor.
  const earliestFiling = later(adult, '2016-01-01');
  const latestFiling = addDays(POPULATION_REFERENCE_DATE, listed ? -60 : -1);
  if (earliestFiling >= latestFiling) return out;
  const cases: EnforcementCaseDoc[] = [];
  for (let k = 0; k < caseCount; k++) {
    const court = rng.chance(0.1) ? INTERMEDIATE_COURT : localCourt;
    const cause = rng.pick(CAUSES);
    const amountYuan = rng.int(cause.minYuan / 100, cause.maxYuan / 100) * 100;
    const filedOn = rng.dateBetween(earliestFiling, latestFiling);
    cases.push({
      _id: opaqueId('CRT-EC', person.id, filedOn, k),
      personId: person.id,
      caseNumber: caseNumber(rng, court, filedOn),
      court: court.name,
      cause: cause.cause,
      filedOn,
      amountYuan,
      status: 'PENDING',
      concludedOn: null,
      legalBasis: LEGAL_BASIS_ENFORCEMENT,
      collectedAt: new Date(`${filedOn}T08:00:00Z`),
    });
  }
  cases.sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
  // The listing is decided in the latest case, after every case it names was filed.
  const decidingCase = cases[cases.length - 1]!;
  const obligationOf = (c: EnforcementCaseDoc) => CAUSES.find((x) => x.cause === c.cause)!.obligation(c.amountYuan);

  if (listed) {
    const listedOn = earlier(addDays(decidingCase.filedOn, rng.int(45, 300)), POPULATION_REFERENCE_DATE);
    const { defaultYears, extensionYearsMin, extensionYearsMax, removalWorkingDaysAfterPerformance } = policy().debtorListing;
    const extension = rng.chance(0.12) ? rng.int(extensionYearsMin, extensionYearsMax) : 0;
    const listedUntil = addMonths(listedOn, 12 * (defaultYears + extension));
    const grounds = [weighted(rng, GROUND_WEIGHTS)];
    if (grounds[0] !== 'VIOLATING_PROPERTY_REPORTING' && rng.chance(0.25)) grounds.push('VIOLATING_PROPERTY_REPORTING');

    let removedOn: string | null = null;
    let removalReason: DebtorRemovalReason | null = null;
    let status: EnforcementStatus = rng.chance(0.4) ? 'TERMINATED' : 'PENDING';
    let concludedOn: string | null = status === 'TERMINATED' ? earlier(addDays(listedOn, rng.int(30, 180)), POPULATION_REFERENCE_DATE) : null;
    const removal = rng.next();
    const lastPerformance = addDays(earlier(listedUntil, POPULATION_REFERENCE_DATE), -7);
    const firstPerformance = addDays(listedOn, 15);
    if (removal < PERFORMED_SHARE + SETTLED_SHARE && firstPerformance < lastPerformance) {
      const performedOn = rng.dateBetween(firstPerformance, lastPerformance);
      status = 'CONCLUDED';
      concludedOn = performedOn;
      removedOn = addWorkingDays(performedOn, rng.int(1, removalWorkingDaysAfterPerformance));
      removalReason = removal < PERFORMED_SHARE ? 'PERFORMED' : 'SETTLEMENT_PERFORMED';
    } else if (removal >= PERFORMED_SHARE + SETTLED_SHARE && removal < PERFORMED_SHARE + SETTLED_SHARE + REVOKED_SHARE) {
      removedOn = earlier(addDays(listedOn, rng.int(10, 60)), POPULATION_REFERENCE_DATE);
      removalReason = 'REVOKED';
    }
    for (const c of cases) {
      c.status = status;
      c.concludedOn = concludedOn;
    }

    out.debtorListings.push({
      _id: opaqueId('CRT-DJD', person.id, listedOn),
      personId: person.id,
      category: 'DISHONEST_JUDGMENT_DEBTOR',
      grade: categoryPolicy('DISHONEST_JUDGMENT_DEBTOR').grade,
      decisionDate: listedOn,
      decisionNumber: `${decidingCase.caseNumber.slice(0, -1)}号之一`,
      authority: decidingCase.court,
      caseNumbers: cases.map((c) => c.caseNumber),
      court: decidingCase.court,
      grounds,
      obligation: cases.map(obligationOf).join('; '),
      displayUntil: listedUntil,
      removedOn,
      removalReason,
      legalBasis: LEGAL_BASIS_LISTING,
      collectedAt: new Date(`${listedOn}T08:00:00Z`),
    });
  } else {
    for (const c of cases) {
      const outcome = rng.next();
      const closedOn = addDays(c.filedOn, rng.int(30, 400));
      if (outcome < 0.65 && closedOn < POPULATION_REFERENCE_DATE) {
        c.status = outcome < 0.5 ? 'CONCLUDED' : 'TERMINATED';
        c.concludedOn = closedOn;
      }
    }
  }

  // Every listed debtor is restricted; otherwise the court restricts in about a third of the cases.
  const allMeasures = policy().consumptionRestrictions;
  for (const c of cases) {
    if (!listed && !rng.chance(0.35)) continue;
    const since = earlier(addDays(c.filedOn, rng.int(10, 90)), c.concludedOn ?? POPULATION_REFERENCE_DATE);
    const measures = rng.chance(0.85) ? [...allMeasures] : allMeasures.filter(() => rng.chance(0.7));
    if (measures.length === 0) measures.push(allMeasures[0]!);
    // Performing the obligation lifts the order; a terminated case keeps it.
    const liftedOn = c.status === 'CONCLUDED' && c.concludedOn ? earlier(addWorkingDays(c.concludedOn, rng.int(1, 3)), POPULATION_REFERENCE_DATE) : null;
    out.consumptionRestrictions.push({
      _id: c._id.replace('-EC-', '-CR-'),
      personId: person.id,
      caseNumber: c.caseNumber,
      court: c.court,
      measures,
      since,
      liftedOn,
      legalBasis: LEGAL_BASIS_RESTRICTION,
      collectedAt: new Date(`${since}T08:00:00Z`),
    });
  }
  out.enforcementCases = cases;
  return out;
}

function companyName(rng: Rng, areaCode: string): string {
  const county = MIANYANG_AREAS[areaCode];
  const prefix = rng.pick(['绵阳市', '绵阳', '四川', county ?? '绵阳市']);
  return `${prefix}${rng.pick(COMPANY_BRANDS)}${rng.pick(COMPANY_TRADES)}${rng.pick(['有限公司', '有限责任公司'])}`;
}

/** A GB 32100 code of an enterprise registered in `areaCode`; codes issued since 2015 carry an MA-series organisation code. */
function companyCode(rng: Rng, areaCode: string, registeredOn: string): string {
  let orgCode: string;
  if (registeredOn >= '2015-10-01') {
    orgCode = 'MA';
    for (let i = 0; i < 7; i++) orgCode += rng.pick([...CODE_ALPHABET]);
  } else {
    orgCode = String(rng.int(10_000_000, 99_999_999)) + String(rng.int(0, 9));
  }
  return makeSocialCreditCode(`91${areaCode}${orgCode}`);
}

/**
 * Companies the person represents and, for a company the court lists as a
 * dishonest judgment debtor, its listing: the court writes nothing per
 * responsible person, whom the listing reaches through the representations
 * while it is shown (IngestKind.companyListing). A few listings have been
 * removed since (the debt performed), taking the people off with them.
 */
export function companyRecordsFor(person: SyntheticPerson, seed: number): CompanyRecords {
  const out: CompanyRecords = { representations: [], companyListings: [] };
  const adult = adultFrom(person);
  if (!adult) return out;
  const rng = Rng.forKey(seed, 'courts', 'companies', person.index);
  if (!rng.chance(REPRESENTATION_SHARE)) return out;
  const count = rng.chance(0.85) ? 1 : 2;
  for (let k = 0; k < count; k++) {
    const since = rng.dateBetween(later(adult, '2005-01-01'), POPULATION_REFERENCE_DATE);
    const registeredAreaCode = rng.chance(0.8) ? person.areaCode : rng.pick(Object.keys(MIANYANG_AREAS));
    const name = companyName(rng, registeredAreaCode);
    const code = companyCode(rng, registeredAreaCode, since);
    const role = weighted(rng, ROLE_WEIGHTS);
    const listingFrom = later(addDays(since, 180), '2019-01-01');
    const dishonest = rng.chance(DISHONEST_COMPANY_SHARE) && listingFrom < POPULATION_REFERENCE_DATE;
    out.representations.push({
      _id: opaqueId('CRT-REP', person.id, code),
      personId: person.id,
      companyName: name,
      unifiedSocialCreditCode: code,
      role,
      since,
      // The company's listing says whether it is dishonest today (CompanyRepresentation.companyDishonest).
      companyDishonest: false,
      legalBasis: LEGAL_BASIS_REPRESENTATION,
      collectedAt: new Date(`${since}T08:00:00Z`),
    });
    if (!dishonest) continue;
    const listedOn = rng.dateBetween(listingFrom, POPULATION_REFERENCE_DATE);
    const court = rng.chance(0.2) ? INTERMEDIATE_COURT : (BASIC_COURTS[registeredAreaCode] ?? INTERMEDIATE_COURT);
    const filedOn = addDays(listedOn, -rng.int(60, 300));
    const removable = addDays(listedOn, 30);
    out.companyListings.push({
      _id: opaqueId('CRT-CDL', code),
      unifiedSocialCreditCode: code,
      companyName: name,
      caseNumber: caseNumber(rng, court, filedOn),
      court: court.name,
      listedOn,
      removedOn: removable < POPULATION_REFERENCE_DATE && rng.chance(0.2) ? rng.dateBetween(removable, POPULATION_REFERENCE_DATE) : null,
      legalBasis: LEGAL_BASIS_COMPANY_LISTING,
      collectedAt: new Date(`${listedOn}T08:00:00Z`),
    });
  }
  return out;
}

/**
 * The city's registered companies (shared cityCompanies) the court lists as
 * dishonest judgment debtors: the listing, and the legal representative it
 * enforces against as its representation. The regulator registers their
 * other officers (actual controller, directors, supervisors), whom the
 * listing reaches through the platform all the same.
 */
export function cityCompanyRecordsFor(people: readonly SyntheticPerson[], seed: number): CompanyRecords {
  const out: CompanyRecords = { representations: [], companyListings: [] };
  for (const company of cityCompanies(people, seed)) {
    const { unifiedSocialCreditCode, companyName, founded, founder, listing } = company;
    if (listing?.by !== 'COURTS') continue;
    const rng = Rng.forKey(seed, 'courts', 'city-company', founder.index);
    const court = rng.chance(0.2) ? INTERMEDIATE_COURT : (BASIC_COURTS[company.areaCode] ?? INTERMEDIATE_COURT);
    out.representations.push({
      _id: opaqueId('CRT-REP', founder.id, unifiedSocialCreditCode),
      personId: founder.id,
      companyName,
      unifiedSocialCreditCode,
      role: 'LEGAL_REPRESENTATIVE',
      since: founded,
      companyDishonest: false,
      legalBasis: LEGAL_BASIS_REPRESENTATION,
      collectedAt: new Date(`${founded}T08:00:00Z`),
    });
    out.companyListings.push({
      _id: opaqueId('CRT-CDL', unifiedSocialCreditCode),
      unifiedSocialCreditCode,
      companyName,
      caseNumber: caseNumber(rng, court, addDays(listing.listedOn, -rng.int(60, 300))),
      court: court.name,
      listedOn: listing.listedOn,
      removedOn: listing.removedOn,
      legalBasis: LEGAL_BASIS_COMPANY_LISTING,
      collectedAt: new Date(`${listing.listedOn}T08:00:00Z`),
    });
  }
  return out;
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => {
  const court = people.map((p) => courtRecordsFor(p, seedValue));
  const companies = [...people.map((p) => companyRecordsFor(p, seedValue)), cityCompanyRecordsFor(people, seedValue)];
  // insertNewDocuments validates every document against its model, so a
  // generator bug fails the seed instead of putting a minor on the list.
  return {
    debtor_listings: await insertNewDocuments(
      models.DebtorListing,
      court.flatMap((r) => r.debtorListings),
    ),
    enforcement_cases: await insertNewDocuments(
      models.EnforcementCase,
      court.flatMap((r) => r.enforcementCases),
    ),
    consumption_restrictions: await insertNewDocuments(
      models.ConsumptionRestriction,
      court.flatMap((r) => r.consumptionRestrictions),
    ),
    company_representations: await insertNewDocuments(
      models.CompanyRepresentation,
      companies.flatMap((r) => r.representations),
    ),
    company_debtor_listings: await insertNewDocuments(
      models.CompanyDebtorListing,
      companies.flatMap((r) => r.companyListings),
    ),
  };
};
