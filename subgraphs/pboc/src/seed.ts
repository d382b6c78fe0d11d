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
import type { FinancialCategory, FinancialRecordDoc, LoanProduct } from './models/FinancialRecord';
import type { LoansSummaryDoc } from './models/LoansSummary';

const LEGAL_BASIS_CREDIT_REPORT = '《征信业管理条例》第十三条、第十四条; 《个人信用信息基础数据库管理暂行办法》';
const LEGAL_BASIS_LOAN_RECORD = '《征信业管理条例》第十五条、第十六条';
const LEGAL_BASIS_DEBT_EVASION = '《征信业管理条例》第十六条; 《中华人民共和国商业银行法》第七条';
const LEGAL_BASIS_FUND_RAISING = '《防范和处置非法集资条例》; 《征信业管理条例》第十六条';
const PBOC_BRANCH = '中国人民银行绵阳市中心支行';

interface Lender {
  name: string;
  /** Financial institution code used in the lender's report numbers. */
  code: string;
  products: readonly LoanProduct[];
}

const LENDERS: readonly Lender[] = [
  { name: '中国工商银行股份有限公司绵阳分行', code: 'B0001H251070001', products: ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD', 'BUSINESS'] },
  { name: '中国农业银行股份有限公司绵阳分行', code: 'B0002H251070001', products: ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD', 'BUSINESS'] },
  { name: '中国银行股份有限公司绵阳分行', code: 'B0003H251070001', products: ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD'] },
  { name: '中国建设银行股份有限公司绵阳分行', code: 'B0004H251070001', products: ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD', 'BUSINESS'] },
  { name: '中国邮政储蓄银行股份有限公司绵阳市分行', code: 'B0018H251070001', products: ['MORTGAGE', 'CONSUMER', 'BUSINESS'] },
  { name: '绵阳市商业银行股份有限公司', code: 'B0270H251070001', products: ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD', 'BUSINESS'] },
  { name: '四川天府银行股份有限公司绵阳分行', code: 'B0260H251070001', products: ['CONSUMER', 'BUSINESS'] },
  { name: '招商银行股份有限公司绵阳分行', code: 'B0011B251070001', products: ['MORTGAGE', 'CREDIT_CARD'] },
  { name: '马上消费金融股份有限公司', code: 'N0011H150000001', products: ['CONSUMER'] },
  { name: '国家开发银行四川省分行', code: 'A0005H151000001', products: ['STUDENT'] },
];

// Typical overdue and default amounts of each product, in yuan: an overdue
// is one or a few missed instalments, a default the outstanding principal.
const OVERDUE_YUAN: Record<LoanProduct, [number, number]> = {
  MORTGAGE: [2_000, 9_000],
  CONSUMER: [500, 30_000],
  CREDIT_CARD: [300, 50_000],
  BUSINESS: [5_000, 200_000],
  STUDENT: [1_000, 12_000],
};
const DEFAULT_YUAN: Record<LoanProduct, [number, number]> = {
  MORTGAGE: [100_000, 800_000],
  CONSUMER: [5_000, 200_000],
  CREDIT_CARD: [5_000, 100_000],
  BUSINESS: [50_000, 2_000_000],
  STUDENT: [8_000, 48_000],
};
const BALANCE_YUAN: Record<Exclude<LoanProduct, 'CREDIT_CARD'>, [number, number]> = {
  MORTGAGE: [150_000, 900_000],
  CONSUMER: [10_000, 200_000],
  BUSINESS: [50_000, 1_000_000],
  STUDENT: [8_000, 48_000],
};

const OVERDUE_PRODUCTS: [LoanProduct, number][] = [
  ['CREDIT_CARD', 45],
  ['CONSUMER', 25],
  ['MORTGAGE', 15],
  ['BUSINESS', 10],
  ['STUDENT', 5],
];
const DEFAULT_PRODUCTS: [LoanProduct, number][] = [
  ['CONSUMER', 35],
  ['CREDIT_CARD', 30],
  ['BUSINESS', 20],
  ['MORTGAGE', 10],
  ['STUDENT', 5],
];

// Most overdues are settled within a month; few run past 90 days without becoming a default.
const OVERDUE_DAYS: [[number, number], number][] = [
  [[1, 30], 60],
  [[31, 60], 20],
  [[61, 90], 12],
  [[91, 180], 8],
];

const EVASION_DESCRIPTIONS = [
  '通过虚假离婚将房产转移至配偶名下, 逃避偿还银行贷款',
  '虚构对外债务并以关联交易转移抵押资产, 逃废银行债务',
  '贷款到期后变更住所、失联并转移经营资产, 拒不偿还银行贷款',
  '将经营贷款转入他人名下账户后以无力偿还为由拒不还款',
];
const FUND_RAISING_SCHEMES = [
  '以养老服务项目投资为名, 承诺年化18%固定回报向社会公众吸收资金',
  '以虚拟货币"挖矿"合作为名, 承诺高额返利发展会员吸收资金',
  '以农业合作社入股分红为名, 向本村及周边群众吸收资金',
  '以私募股权投资为名, 未经备案向不特定对象募集资金',
  '以商铺售后返租为名, 承诺每年返还购房款10%吸收资金',
];

// Shares per adult: 55% known to the credit reference system, of whom all
// but a few (53% of adults) have opened an account; 6% with an overdue and
// 1.5% with a default, all among account holders; 0.1% malicious debt
// evasion (bank debtors too) and 0.05% illegal fund-raising.
const SUMMARY_SHARE = 0.55;
const ACCOUNT_HOLDER_SHARE = 0.53;
const OVERDUE_SHARE = 0.06 / ACCOUNT_HOLDER_SHARE;
const DEFAULT_SHARE = 0.015 / ACCOUNT_HOLDER_SHARE;
const DEBT_EVASION_SHARE = 0.001 / SUMMARY_SHARE;
const FUND_RAISING_SHARE = 0.0005;

interface CreditAccounts {
  summary: LoansSummaryDoc;
  /** Products of the accounts still open: only these can be overdue or in default now. */
  openProducts: LoanProduct[];
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
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

function yuan(rng: Rng, [min, max]: [number, number]): number {
  return rng.int(min * 100, max * 100) / 100;
}

/** The day the person comes of age, or null when they are a minor on the reference date. */
function adultFrom(person: SyntheticPerson): string | null {
  const from = addMonths(person.birthDate, 12 * policy().minors.adultAge);
  return from < POPULATION_REFERENCE_DATE ? from : null;
}

function ageOnReferenceDate(person: SyntheticPerson): number {
  return ageOn(person.birthDate, POPULATION_REFERENCE_DATE);
}

// State student loans began in 1999 and are repaid by the mid-thirties; an older person's small loan is a consumer loan.
function productForAge(product: LoanProduct, person: SyntheticPerson): LoanProduct {
  return product === 'STUDENT' && ageOnReferenceDate(person) > 35 ? 'CONSUMER' : product;
}

function lenderFor(rng: Rng, product: LoanProduct): Lender {
  return rng.pick(LENDERS.filter((l) => l.products.includes(product)));
}

function reportNumber(rng: Rng, lender: Lender, reportedOn: string): string {
  return `${lender.code}-${reportedOn.replaceAll('-', '')}-${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

function creditAccounts(person: SyntheticPerson, seed: number): CreditAccounts | null {
  const adult = adultFrom(person);
  if (!adult) return null;
  const rng = Rng.forKey(seed, 'pboc', 'loans', person.index);
  if (!rng.chance(SUMMARY_SHARE)) return null;
  const age = ageOnReferenceDate(person);
  const openProducts: LoanProduct[] = [];
  if (age >= 23 && rng.chance(0.35)) openProducts.push('MORTGAGE');
  if (rng.chance(0.25)) openProducts.push('CONSUMER');
  if (age >= 23 && rng.chance(0.08)) openProducts.push('BUSINESS');
  if (age <= 30 && rng.chance(0.2)) openProducts.push('STUDENT');
  const creditCards = weighted(rng, [
    [0, 30],
    [1, 25],
    [2, 20],
    [3, 12],
    [4, 8],
    [5, 3],
    [6, 2],
  ]);
  let totalBalanceYuan = 0;
  for (const product of openProducts) if (product !== 'CREDIT_CARD') totalBalanceYuan += yuan(rng, BALANCE_YUAN[product]);
  const hasAccounts = openProducts.length > 0 || creditCards > 0;
  // Someone without open accounts may still have closed ones, or only a query record.
  const oldestAccountOpenedOn = hasAccounts || rng.chance(0.7) ? rng.dateBetween(later(adult, '2006-01-01'), addDays(POPULATION_REFERENCE_DATE, -30)) : null;
  const reportedOn = rng.dateBetween(addDays(POPULATION_REFERENCE_DATE, -30), POPULATION_REFERENCE_DATE);
  return {
    summary: {
      _id: person.id,
      openLoans: openProducts.length,
      totalBalanceYuan: Math.round(totalBalanceYuan * 100) / 100,
      creditCards,
      oldestAccountOpenedOn,
      reportedOn,
      legalBasis: LEGAL_BASIS_CREDIT_REPORT,
      collectedAt: new Date(`${reportedOn}T00:00:00Z`),
    },
    openProducts: creditCards > 0 ? [...openProducts, 'CREDIT_CARD'] : openProducts,
  };
}

/** The person's loans summary, or null when the credit reference system does not know them. */
export function loansSummaryFor(person: SyntheticPerson, seed: number): LoansSummaryDoc | null {
  return creditAccounts(person, seed)?.summary ?? null;
}

function baseRecord(person: SyntheticPerson, category: FinancialCategory, decisionDate: string, k: number) {
  return {
    _id: opaqueId('PBOC', person.id, category, decisionDate, k),
    personId: person.id,
    category,
    grade: categoryPolicy(category).grade,
    decisionDate,
    collectedAt: new Date(`${decisionDate}T08:00:00Z`),
  };
}

function overdueRecords(person: SyntheticPerson, seed: number, accounts: CreditAccounts): FinancialRecordDoc[] {
  const rng = Rng.forKey(seed, 'pboc', 'overdue', person.index);
  const firstOpened = accounts.summary.oldestAccountOpenedOn;
  if (!firstOpened || !rng.chance(OVERDUE_SHARE)) return [];
  const count = weighted(rng, [
    [1, 80],
    [2, 15],
    [3, 5],
  ]);
  const out: FinancialRecordDoc[] = [];
  for (let k = 0; k < count; k++) {
    let product = productForAge(weighted(rng, OVERDUE_PRODUCTS), person);
    // An overdue still running must be on an account that is still open.
    const unsettled = accounts.openProducts.length > 0 && rng.chance(0.15) && firstOpened <= addDays(POPULATION_REFERENCE_DATE, -90);
    if (unsettled && !accounts.openProducts.includes(product)) product = rng.pick(accounts.openProducts);
    let overdueFrom: string;
    let daysOverdue: number;
    let settledOn: string | null = null;
    if (unsettled) {
      overdueFrom = rng.dateBetween(addDays(POPULATION_REFERENCE_DATE, -90), addDays(POPULATION_REFERENCE_DATE, -5));
      daysOverdue = daysBetween(overdueFrom, POPULATION_REFERENCE_DATE);
    } else {
      const [fewest, most] = weighted(rng, OVERDUE_DAYS);
      daysOverdue = rng.int(fewest, most);
      const earliest = later(addDays(firstOpened, 30), '2018-01-01');
      const latest = addDays(POPULATION_REFERENCE_DATE, -daysOverdue - 1);
      if (earliest >= latest) continue;
      overdueFrom = rng.dateBetween(earliest, latest);
      settledOn = addDays(overdueFrom, daysOverdue);
    }
    // Lenders report monthly, so the record appears within a month of the first missed day.
    const reportedOn = addDays(overdueFrom, rng.int(1, Math.min(daysOverdue, 30)));
    const lender = lenderFor(rng, product);
    out.push({
      ...baseRecord(person, 'LOAN_OVERDUE', reportedOn, k),
      decisionNumber: reportNumber(rng, lender, reportedOn),
      authority: lender.name,
      lender: lender.name,
      product,
      amountYuan: yuan(rng, OVERDUE_YUAN[product]),
      daysOverdue,
      overdueFrom,
      settledOn,
      actEndedOn: settledOn,
      legalBasis: LEGAL_BASIS_LOAN_RECORD,
    });
  }
  return out;
}

function loanDefaults(person: SyntheticPerson, seed: number, accounts: CreditAccounts): FinancialRecordDoc[] {
  const rng = Rng.forKey(seed, 'pboc', 'defaults', person.index);
  const firstOpened = accounts.summary.oldestAccountOpenedOn;
  if (!firstOpened || !rng.chance(DEFAULT_SHARE)) return [];
  let product = productForAge(weighted(rng, DEFAULT_PRODUCTS), person);
  const earliest = later(addMonths(firstOpened, 6), '2017-01-01');
  const latest = addDays(POPULATION_REFERENCE_DATE, -30);
  if (earliest >= latest) return [];
  const defaultedOn = rng.dateBetween(earliest, latest);
  const settleAfter = rng.int(60, 1200);
  let settledOn: string | null = rng.chance(0.35) && addDays(defaultedOn, settleAfter) < POPULATION_REFERENCE_DATE ? addDays(defaultedOn, settleAfter) : null;
  // An unsettled default is an open account; without one the debt has since been settled.
  if (settledOn === null && !accounts.openProducts.includes(product)) {
    if (accounts.openProducts.length > 0) product = rng.pick(accounts.openProducts);
    else settledOn = rng.dateBetween(addDays(defaultedOn, 30), POPULATION_REFERENCE_DATE);
  }
  const reportedOn = addDays(defaultedOn, rng.int(1, 30));
  const lender = lenderFor(rng, product);
  return [
    {
      ...baseRecord(person, 'LOAN_DEFAULT', reportedOn, 0),
      decisionNumber: reportNumber(rng, lender, reportedOn),
      authority: lender.name,
      lender: lender.name,
      product,
      amountYuan: yuan(rng, DEFAULT_YUAN[product]),
      defaultedOn,
      settledOn,
      actEndedOn: settledOn,
      legalBasis: LEGAL_BASIS_LOAN_RECORD,
    },
  ];
}

function debtEvasion(person: SyntheticPerson, seed: number, adult: string): FinancialRecordDoc[] {
  const rng = Rng.forKey(seed, 'pboc', 'debt-evasion', person.index);
  if (!rng.chance(DEBT_EVASION_SHARE)) return [];
  const earliest = later(addMonths(adult, 24), '2018-01-01');
  if (earliest >= POPULATION_REFERENCE_DATE) return [];
  const decisionDate = rng.dateBetween(earliest, POPULATION_REFERENCE_DATE);
  const lender = lenderFor(rng, rng.pick(['MORTGAGE', 'BUSINESS'] as const));
  return [
    {
      ...baseRecord(person, 'MALICIOUS_DEBT_EVASION', decisionDate, 0),
      decisionNumber: `绵银发〔${decisionDate.slice(0, 4)}〕${rng.int(10, 199)}号`,
      authority: PBOC_BRANCH,
      lender: lender.name,
      amountYuan: yuan(rng, [200_000, 5_000_000]),
      description: rng.pick(EVASION_DESCRIPTIONS),
      actEndedOn: decisionDate,
      legalBasis: LEGAL_BASIS_DEBT_EVASION,
    },
  ];
}

function fundRaising(person: SyntheticPerson, seed: number, adult: string): FinancialRecordDoc[] {
  const rng = Rng.forKey(seed, 'pboc', 'fund-raising', person.index);
  if (!rng.chance(FUND_RAISING_SHARE)) return [];
  const earliest = later(addMonths(adult, 24), '2016-01-01');
  if (earliest >= POPULATION_REFERENCE_DATE) return [];
  const decisionDate = rng.dateBetween(earliest, POPULATION_REFERENCE_DATE);
  const year = decisionDate.slice(0, 4);
  // Either a criminal judgment or the administrative determination of the city's anti-fund-raising office.
  const judged = rng.chance(0.5);
  return [
    {
      ...baseRecord(person, 'ILLEGAL_FUND_RAISING', decisionDate, 0),
      decisionNumber: judged ? `(${year})川07刑初${rng.int(10, 120)}号` : `绵处非办认〔${year}〕${rng.int(1, 60)}号`,
      authority: judged ? '绵阳市中级人民法院' : '绵阳市防范和处置非法集资工作领导小组办公室',
      scheme: rng.pick(FUND_RAISING_SCHEMES),
      amountYuan: rng.int(1_000_000, 80_000_000),
      victims: rng.int(30, 2000),
      actEndedOn: decisionDate,
      legalBasis: LEGAL_BASIS_FUND_RAISING,
    },
  ];
}

/** All financial negative records of one person, consistent with their accounts. */
export function financialRecordsFor(person: SyntheticPerson, seed: number): FinancialRecordDoc[] {
  const adult = adultFrom(person);
  if (!adult) return [];
  const accounts = creditAccounts(person, seed);
  const bankRecords = accounts ? [...overdueRecords(person, seed, accounts), ...loanDefaults(person, seed, accounts), ...debtEvasion(person, seed, adult)] : [];
  return [...bankRecords, ...fundRaising(person, seed, adult)];
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => ({
  loans_summaries: await insertNewDocuments(
    models.LoansSummary,
    people.flatMap((p) => loansSummaryFor(p, seedValue) ?? []),
  ),
  financial_records: await insertNewDocuments(
    models.FinancialRecord,
    people.flatMap((p) => financialRecordsFor(p, seedValue)),
  ),
});
