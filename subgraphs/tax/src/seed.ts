import {
  addMonths,
  ageOn,
  categoryPolicy,
  insertNewDocuments,
  opaqueId,
  policy,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from './models';
import type { TaxArrearsDoc, TaxType } from './models/TaxArrears';
import { taxCreditLevelFor, type TaxCreditLevel, type TaxCreditRatingDoc } from './models/TaxCreditRating';
import type { TaxDishonestyCaseDoc, TaxDishonestyCaseType } from './models/TaxDishonestyCase';

const LEGAL_BASIS_RATING = '《中华人民共和国税收征收管理法》; 《纳税信用管理办法》';
const LEGAL_BASIS_ARREARS = '《中华人民共和国税收征收管理法》; 《欠税公告办法(试行)》';
const LEGAL_BASIS_DISHONESTY = '《中华人民共和国税收征收管理法》; 《重大税收违法失信主体信息公布管理办法》';
const RECORDS_FROM = '2019-01-01';

// Share of people with taxable income (wages, business, rent, pensions
// above the threshold) by age: students and the very old mostly have none.
const INCOME_SHARE_BY_AGE: { maxAge: number; share: number }[] = [
  { maxAge: 22, share: 0.2 },
  { maxAge: 59, share: 0.75 },
  { maxAge: 74, share: 0.3 },
  { maxAge: Infinity, share: 0.05 },
];
// Latest-year levels of taxpayers without arrears or a dishonesty case.
const LEVEL_SHARES: { level: TaxCreditLevel; weight: number }[] = [
  { level: 'A', weight: 0.4 },
  { level: 'B', weight: 0.35 },
  { level: 'M', weight: 0.1 },
  { level: 'C', weight: 0.1 },
  { level: 'D', weight: 0.05 },
];
const ARREARS_SHARE = 0.02;
const DISHONESTY_SHARE = 0.003;
const ARREARS_SETTLED_SHARE = 0.6;

/** Tax offices by county: every district, county and county-level city has its own. */
const TAX_OFFICES: Readonly<Record<string, { name: string; abbr: string }>> = {
  '510703': { name: '国家税务总局绵阳市涪城区税务局', abbr: '绵涪税' },
  '510704': { name: '国家税务总局绵阳市游仙区税务局', abbr: '绵游税' },
  '510705': { name: '国家税务总局绵阳市安州区税务局', abbr: '绵安税' },
  '510722': { name: '国家税务总局三台县税务局', abbr: '三税' },
  '510723': { name: '国家税务总局盐亭县税务局', abbr: '盐税' },
  '510725': { name: '国家税务总局梓潼县税务局', abbr: '梓税' },
  '510726': { name: '国家税务总局北川羌族自治县税务局', abbr: '北税' },
  '510727': { name: '国家税务总局平武县税务局', abbr: '平税' },
  '510781': { name: '国家税务总局江油市税务局', abbr: '江税' },
};
const CITY_TAX_OFFICE = { name: '国家税务总局绵阳市税务局', abbr: '绵税' };
const INSPECTION_BUREAU = '国家税务总局绵阳市税务局稽查局';

function weighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let r = rng.next() * items.reduce((sum, i) => sum + i.weight, 0);
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

function yuan(rng: Rng, min: number, max: number): number {
  return rng.int(min * 100, max * 100) / 100;
}

/** The latest tax year whose rating is published (every April, for the year before) by the reference date. */
function latestRatedYear(): number {
  const year = Number(POPULATION_REFERENCE_DATE.slice(0, 4));
  return POPULATION_REFERENCE_DATE.slice(5) >= '05-01' ? year - 1 : year - 2;
}

/** Scores that earn `level` under the credit policy's bands. */
function scoreRange(level: Exclude<TaxCreditLevel, 'M'>): { min: number; max: number } {
  const bands = [...policy().taxCreditLevels].sort((a, b) => a.minScore - b.minScore);
  const index = bands.findIndex((b) => b.level === level);
  return { min: bands[index]?.minScore ?? 0, max: (bands[index + 1]?.minScore ?? 101) - 1 };
}

function scoreFor(rng: Rng, level: Exclude<TaxCreditLevel, 'M'>): number {
  const { min, max } = scoreRange(level);
  return rng.int(min, max);
}

/** Whether the person has taxable income, and so is a rated taxpayer. */
function isTaxpayer(person: SyntheticPerson, seed: number): boolean {
  const age = ageOn(person.birthDate, POPULATION_REFERENCE_DATE);
  if (age < policy().minors.adultAge) return false;
  const rng = Rng.forKey(seed, 'tax', 'income', person.index);
  return rng.chance(INCOME_SHARE_BY_AGE.find((b) => age <= b.maxAge)!.share);
}

interface ArrearsKind {
  taxType: TaxType;
  weight: number;
  /** Length of the tax period in months; 0 for a tax due on one transaction. */
  periodMonths: number;
  amount: [number, number];
}

const ARREARS_KINDS: ArrearsKind[] = [
  { taxType: 'INDIVIDUAL_INCOME_TAX', weight: 0.45, periodMonths: 12, amount: [800, 60_000] },
  { taxType: 'VALUE_ADDED_TAX', weight: 0.2, periodMonths: 3, amount: [1_500, 50_000] },
  { taxType: 'PROPERTY_TAX', weight: 0.12, periodMonths: 6, amount: [400, 20_000] },
  { taxType: 'URBAN_LAND_USE_TAX', weight: 0.05, periodMonths: 6, amount: [150, 5_000] },
  { taxType: 'DEED_TAX', weight: 0.13, periodMonths: 0, amount: [9_000, 120_000] },
  { taxType: 'STAMP_DUTY', weight: 0.05, periodMonths: 3, amount: [50, 3_000] },
];

/** The tax period of `kind` that contains `date`. */
function periodOf(kind: ArrearsKind, date: string): { from: string; to: string } {
  if (kind.periodMonths === 0) return { from: date, to: date };
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const startMonth = Math.floor((month - 1) / kind.periodMonths) * kind.periodMonths + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextFrom = addMonths(from, kind.periodMonths);
  const to = new Date(Date.parse(nextFrom) - 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

export function taxArrearsFor(person: SyntheticPerson, seed: number): TaxArrearsDoc[] {
  if (!isTaxpayer(person, seed)) return [];
  const rng = Rng.forKey(seed, 'tax', 'arrears', person.index);
  if (!rng.chance(ARREARS_SHARE)) return [];
  const office = TAX_OFFICES[person.areaCode] ?? CITY_TAX_OFFICE;
  const adultFrom = addMonths(person.birthDate, 12 * policy().minors.adultAge);
  const first = adultFrom > RECORDS_FROM ? adultFrom : RECORDS_FROM;
  // Notices follow the end of the period by up to ten months and predate the reference date.
  const last = addMonths(POPULATION_REFERENCE_DATE, -12);
  if (first > last) return [];
  const out: TaxArrearsDoc[] = [];
  const count = rng.chance(0.15) ? 2 : 1;
  for (let i = 0; i < count; i++) {
    const kind = weighted(rng, ARREARS_KINDS);
    const period = periodOf(kind, rng.dateBetween(first, last));
    // Income tax falls due with the annual return on 30 June; the others within weeks of the period.
    const dueBy = kind.taxType === 'INDIVIDUAL_INCOME_TAX' ? `${Number(period.to.slice(0, 4)) + 1}-06-30` : addMonths(period.to, 1);
    const decisionDate = rng.dateBetween(addMonths(dueBy, 1), addMonths(dueBy, 4));
    if (decisionDate > POPULATION_REFERENCE_DATE) continue;
    const settleBy = addMonths(decisionDate, 8);
    const settledOn = rng.chance(ARREARS_SETTLED_SHARE)
      ? rng.dateBetween(decisionDate, settleBy < POPULATION_REFERENCE_DATE ? settleBy : POPULATION_REFERENCE_DATE)
      : null;
    const id = opaqueId('TAX-ARR', person.id, kind.taxType, period.from);
    if (out.some((r) => r._id === id)) continue;
    out.push({
      _id: id,
      personId: person.id,
      category: 'TAX_ARREARS',
      grade: categoryPolicy('TAX_ARREARS').grade,
      decisionDate,
      decisionNumber: `${office.abbr} 税通〔${decisionDate.slice(0, 4)}〕${rng.int(100, 9999)}号`,
      authority: office.name,
      taxType: kind.taxType,
      amountYuan: yuan(rng, kind.amount[0], kind.amount[1]),
      periodFrom: period.from,
      periodTo: period.to,
      settledOn,
      // Paying in full ends the display of arrears (performed obligation).
      removedOn: settledOn,
      removalReason: settledOn ? '欠缴税款及滞纳金已全部缴清' : null,
      legalBasis: LEGAL_BASIS_ARREARS,
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    });
  }
  return out;
}

interface DishonestyKind {
  caseType: TaxDishonestyCaseType;
  weight: number;
  /** Amounts above the publication thresholds of each kind of case. */
  amount: [number, number];
  acts: readonly string[];
  penalty: (rng: Rng) => string;
}

const DISHONESTY_KINDS: DishonestyKind[] = [
  {
    caseType: 'TAX_EVASION',
    weight: 0.45,
    amount: [1_000_000, 30_000_000],
    acts: [
      '通过隐匿直播打赏收入、虚构业务转换收入性质等方式少缴个人所得税',
      '取得股权转让收入未依法申报, 少缴个人所得税',
      '以个人账户收取经营款项隐匿收入, 少缴增值税及个人所得税',
      '通过设立多户个人独资企业拆分收入进行虚假申报, 少缴个人所得税',
    ],
    penalty: (rng) => `追缴少缴税款及滞纳金, 并处少缴税款${rng.pick(['0.5', '1', '1.5', '2'])}倍罚款`,
  },
  {
    caseType: 'FALSE_VAT_INVOICES',
    weight: 0.2,
    amount: [200_000, 20_000_000],
    acts: ['在无真实货物交易的情况下为他人虚开增值税专用发票', '控制多户空壳公司对外虚开增值税专用发票'],
    penalty: () => '没收违法所得并处罚款, 涉嫌犯罪部分移送公安机关',
  },
  {
    caseType: 'FALSE_ORDINARY_INVOICES',
    weight: 0.15,
    amount: [400_000, 5_000_000],
    acts: ['为他人虚开增值税普通发票用于虚列成本费用'],
    penalty: () => '没收违法所得, 并处50万元罚款',
  },
  {
    caseType: 'EVADING_RECOVERY_OF_ARREARS',
    weight: 0.1,
    amount: [100_000, 2_000_000],
    acts: ['欠缴税款后转移、隐匿财产, 致使税务机关无法追缴欠缴的税款'],
    penalty: (rng) => `追缴欠缴税款及滞纳金, 并处欠缴税款${rng.pick(['0.5', '1', '2'])}倍罚款`,
  },
  {
    caseType: 'EXPORT_REBATE_FRAUD',
    weight: 0.05,
    amount: [500_000, 10_000_000],
    acts: ['以假报出口方式骗取国家出口退税款'],
    penalty: (rng) => `追缴骗取的退税款, 并处骗取税款${rng.pick(['1', '2', '3'])}倍罚款, 停止为其办理出口退税`,
  },
  {
    caseType: 'TAX_RESISTANCE',
    weight: 0.05,
    amount: [5_000, 200_000],
    acts: ['以暴力、威胁方法拒不缴纳税款, 阻碍税务人员依法执行职务'],
    penalty: (rng) => `追缴拒缴税款及滞纳金, 并处拒缴税款${rng.pick(['1', '3', '5'])}倍罚款`,
  },
];

export function taxDishonestyCasesFor(person: SyntheticPerson, seed: number): TaxDishonestyCaseDoc[] {
  if (!isTaxpayer(person, seed)) return [];
  const rng = Rng.forKey(seed, 'tax', 'dishonesty', person.index);
  if (!rng.chance(DISHONESTY_SHARE)) return [];
  const adultFrom = addMonths(person.birthDate, 12 * policy().minors.adultAge);
  const first = adultFrom > RECORDS_FROM ? adultFrom : RECORDS_FROM;
  // Decided within a rated year, so that the published rating of that year is already D.
  const last = `${latestRatedYear()}-12-31`;
  if (first > last) return [];
  const kind = weighted(rng, DISHONESTY_KINDS);
  const decisionDate = rng.dateBetween(first, last);
  return [
    {
      _id: opaqueId('TAX-DIS', person.id, decisionDate),
      personId: person.id,
      category: 'TAX_DISHONESTY',
      grade: categoryPolicy('TAX_DISHONESTY').grade,
      decisionDate,
      decisionNumber: `绵税稽罚〔${decisionDate.slice(0, 4)}〕${rng.int(1, 300)}号`,
      authority: INSPECTION_BUREAU,
      caseType: kind.caseType,
      amountEvadedYuan: yuan(rng, kind.amount[0], kind.amount[1]),
      description: rng.pick(kind.acts),
      penalty: kind.penalty(rng),
      legalBasis: LEGAL_BASIS_DISHONESTY,
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    },
  ];
}

/**
 * Ratings of the last one to three rated years, newest first. A major
 * dishonesty case sets the year it was decided in, and every later one, to
 * D directly; unpaid arrears keep the latest rating at C or D.
 */
export function taxCreditRatingsFor(
  person: SyntheticPerson,
  seed: number,
  arrears: readonly TaxArrearsDoc[],
  cases: readonly TaxDishonestyCaseDoc[],
): TaxCreditRatingDoc[] {
  if (!isTaxpayer(person, seed)) return [];
  const rng = Rng.forKey(seed, 'tax', 'rating', person.index);
  const birthYear = Number(person.birthDate.slice(0, 4));
  const adultAge = policy().minors.adultAge;
  const latest = latestRatedYear();
  const years = [latest, latest - 1, latest - 2].slice(0, rng.int(1, 3)).filter((y) => y - birthYear >= adultAge);
  if (years.length === 0) return [];

  const firstCaseYear = cases.length > 0 ? Math.min(...cases.map((c) => Number(c.decisionDate.slice(0, 4)))) : Infinity;
  const unpaid = arrears.some((a) => a.settledOn === null);
  // The person's usual standing; a case or unpaid arrears override the latest year only.
  const usual = weighted(rng, LEVEL_SHARES).level;
  const latestLevel: TaxCreditLevel = cases.length > 0 ? 'D' : unpaid ? (rng.chance(0.7) ? 'C' : 'D') : usual;
  // A new taxpayer (M) has only its first year.
  const rated = latestLevel === 'M' ? years.slice(0, 1) : years;
  const usualScore = scoreFor(rng, usual === 'M' ? 'B' : usual);

  return rated.map((year, i) => {
    const directD = year >= firstCaseYear;
    let score: number | null;
    // A case sets D directly; the score still reflects the deductions for it.
    if (directD) score = Math.max(0, usualScore - rng.int(15, 45));
    else if (i === 0) score = latestLevel === 'M' ? null : latestLevel === usual ? usualScore : scoreFor(rng, latestLevel);
    else score = Math.max(0, Math.min(100, usualScore + rng.int(-10, 10)));
    const ratedOn = `${year + 1}-04-${rng.int(10, 28)}`;
    return {
      _id: opaqueId('TAX-RATING', person.id, year),
      personId: person.id,
      year,
      level: directD ? 'D' : taxCreditLevelFor(score),
      score,
      directD,
      ratedOn,
      legalBasis: LEGAL_BASIS_RATING,
      collectedAt: new Date(`${ratedOn}T08:00:00Z`),
    };
  });
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => {
  const arrears = people.map((p) => taxArrearsFor(p, seedValue));
  const cases = people.map((p) => taxDishonestyCasesFor(p, seedValue));
  const ratings = people.flatMap((p, i) => taxCreditRatingsFor(p, seedValue, arrears[i]!, cases[i]!));
  return {
    tax_credit_ratings: await insertNewDocuments(models.TaxCreditRating, ratings),
    tax_arrears: await insertNewDocuments(models.TaxArrears, arrears.flat()),
    tax_dishonesty_cases: await insertNewDocuments(models.TaxDishonestyCase, cases.flat()),
  };
};
