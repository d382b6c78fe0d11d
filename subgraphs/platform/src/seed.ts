import {
  addDays,
  addMonths,
  addWorkingDays,
  displayWindow,
  insertNewDocuments,
  makeSocialCreditCode,
  opaqueId,
  policy,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

// The platform's demo objections and repairs are about the penalties public-security seeds.
import { violationsFor } from '../../public-security/dist/seed';
import type { Models } from './models';
import type { CharityRecordDoc } from './models/CharityRecord';
import type { ConsentDoc, ConsentPurpose } from './models/Consent';
import type { InstitutionDoc } from './models/Institution';
import type { ObjectionDoc } from './models/Objection';
import type { KeyProfession, PracticeRecordDoc } from './models/PracticeRecord';
import type { RedListEntryDoc } from './models/RedListEntry';
import type { RepairDoc } from './models/Repair';
import type { VolunteerRecordDoc } from './models/VolunteerRecord';

// The query log, the joint-punishment status and the credit evaluation are
// not seeded: they are derived from real reads and from the bureaus' records
// by their workflows, and invented values would contradict those records.

const REF = POPULATION_REFERENCE_DATE;
const SEED_PLAN = '《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)';

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Working days after `isoDate`: weekends and the policy's holidays do not count. */
/** An instant during office hours of a city day. */
function officeTime(isoDate: string, rng: Rng): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+08:00`) + rng.int(8 * 60 + 30, 18 * 60) * 60_000);
}

// Records older than the platform were gathered when it started collecting.
const PLATFORM_GATHERING_FROM = '2019-01-01';

/** When a reported record reached the platform: a few days after the fact or after gathering began, never after the reference date. */
function collectedAfter(isoDate: string, rng: Rng): Date {
  return officeTime(earlier(addDays(later(isoDate, PLATFORM_GATHERING_FROM), rng.int(1, 14)), REF), rng);
}

const adulthood = (person: SyntheticPerson) => addMonths(person.birthDate, 12 * policy().minors.adultAge);
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

const INSTITUTIONS: { id: string; name: string; purposes: ConsentPurpose[] }[] = [
  { id: makeSocialCreditCode('91510700MA62T4K8X'), name: '绵州银行股份有限公司', purposes: ['LOAN', 'CREDIT_CARD', 'GUARANTEE'] },
  { id: makeSocialCreditCode('91510703MA6AB2R51'), name: '绵阳涪城农村商业银行股份有限公司', purposes: ['LOAN', 'GUARANTEE'] },
  { id: makeSocialCreditCode('91510700MA68K3WQ2'), name: '川北消费金融股份有限公司', purposes: ['LOAN', 'CREDIT_CARD'] },
  { id: makeSocialCreditCode('91510700205463287'), name: '绵阳科技城电子科技有限公司', purposes: ['EMPLOYMENT_SCREENING'] },
  { id: makeSocialCreditCode('91510704MA6B1PL3N'), name: '绵阳长安精密制造有限公司', purposes: ['EMPLOYMENT_SCREENING'] },
  { id: makeSocialCreditCode('91510703MA64RT7N0'), name: '绵阳安居房屋租赁有限公司', purposes: ['TENANCY'] },
  { id: makeSocialCreditCode('91510700MA6CQ8J4E'), name: '绵阳城投住房租赁有限公司', purposes: ['TENANCY'] },
  { id: makeSocialCreditCode('91510700MA6D3F9K1'), name: '涪江财产保险股份有限公司绵阳中心支公司', purposes: ['INSURANCE'] },
  { id: makeSocialCreditCode('51510700MJQ4N7K2X'), name: '绵阳市注册会计师协会', purposes: ['LICENSING'] },
];

// What each purpose needs to see; every name is a field group of the credit policy.
const PURPOSE_SCOPES: Record<ConsentPurpose, string[]> = {
  LOAN: ['identity', 'financial', 'court_records', 'dishonest_debtors', 'tax'],
  CREDIT_CARD: ['identity', 'financial', 'dishonest_debtors'],
  GUARANTEE: ['identity', 'financial', 'court_records', 'dishonest_debtors'],
  EMPLOYMENT_SCREENING: ['identity', 'education', 'student_integrity', 'administrative_penalties'],
  TENANCY: ['dishonest_debtors', 'court_records'],
  INSURANCE: ['identity', 'administrative_penalties'],
  LICENSING: ['identity', 'education', 'administrative_penalties', 'positive_records'],
};

function consentsFor(person: SyntheticPerson, seed: number): ConsentDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'consents', person.index);
  const adultFrom = adulthood(person);
  if (adultFrom >= REF || !rng.chance(0.1)) return [];
  const count = rng.int(1, 3);
  const out: ConsentDoc[] = [];
  for (let n = 1; n <= count; n++) {
    const institution = rng.pick(INSTITUTIONS);
    const purpose = rng.pick(institution.purposes);
    const grantedOn = rng.dateBetween(later(adultFrom, '2024-01-01'), REF);
    // Most consents start on the day they are given; some are given ahead of a dated application.
    const validFrom = rng.chance(0.85) ? grantedOn : addDays(grantedOn, rng.int(3, 30));
    const validUntil = addDays(addMonths(validFrom, rng.pick([6, 12, 24, 36])), -1);
    const revocableUntil = earlier(validUntil, REF);
    const revoked = rng.chance(0.12) && addDays(grantedOn, 1) < revocableUntil;
    out.push({
      _id: opaqueId('PLT-CNS', person.id, n),
      subjectId: person.id,
      granteeInstitutionId: institution.id,
      granteeInstitutionName: institution.name,
      purpose,
      scopes: PURPOSE_SCOPES[purpose],
      validFrom,
      validUntil,
      grantedAt: officeTime(grantedOn, rng),
      revokedAt: revoked ? officeTime(rng.dateBetween(addDays(grantedOn, 1), revocableUntil), rng) : null,
      version: revoked ? 1 : 0,
    });
  }
  return out;
}

const VOLUNTEER_ACTIVITIES = [
  { organisation: '绵阳市志愿服务联合会', activity: '绵阳科技城马拉松赛事保障' },
  { organisation: '涪城区城厢街道社区志愿服务站', activity: '社区独居老人探访与助餐' },
  { organisation: '游仙区富乐街道新时代文明实践站', activity: '垃圾分类宣传引导' },
  { organisation: '绵阳市红十字会', activity: '无偿献血现场引导' },
  { organisation: '绵阳市图书馆', activity: '少儿阅读推广' },
  { organisation: '安州区应急管理局', activity: '汛期防汛值守' },
  { organisation: '绵阳市中心医院', activity: '门诊导诊服务' },
  { organisation: '涪江河长制志愿服务队', activity: '涪江河道巡护与清洁' },
];

function volunteerRecordsFor(person: SyntheticPerson, seed: number): VolunteerRecordDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'volunteer', person.index);
  const adultFrom = adulthood(person);
  if (adultFrom >= REF || !rng.chance(0.08)) return [];
  const count = rng.int(1, 6);
  const out: VolunteerRecordDoc[] = [];
  for (let n = 1; n <= count; n++) {
    const { organisation, activity } = rng.pick(VOLUNTEER_ACTIVITIES);
    const servedOn = rng.dateBetween(later(adultFrom, '2019-01-01'), REF);
    out.push({
      _id: opaqueId('PLT-VOL', person.id, n),
      personId: person.id,
      organisation,
      activity,
      hours: rng.int(2, 16) / 2,
      servedOn,
      sourceOrganisation: '绵阳市民政局',
      legalBasis: '《志愿服务条例》第十九条',
      collectedAt: collectedAfter(servedOn, rng),
    });
  }
  return out;
}

const CHARITIES = ['绵阳市慈善总会', '绵阳市红十字会', '四川省青少年发展基金会', '绵阳市老年事业发展基金会'];

function charityRecordsFor(person: SyntheticPerson, seed: number): CharityRecordDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'charity', person.index);
  const adultFrom = adulthood(person);
  if (adultFrom >= REF || !rng.chance(0.04)) return [];
  const count = rng.int(1, 3);
  const out: CharityRecordDoc[] = [];
  for (let n = 1; n <= count; n++) {
    const recipientOrganisation = rng.pick(CHARITIES);
    const donatedOn = rng.dateBetween(later(adultFrom, '2019-01-01'), REF);
    out.push({
      _id: opaqueId('PLT-CHA', person.id, n),
      personId: person.id,
      recipientOrganisation,
      amountYuan: rng.pick([100, 200, 300, 500, 800, 1000, 2000, 5000, 10000, 20000]),
      donatedOn,
      // 公益事业捐赠统一票据: an 8-digit bill code, then a 10-digit bill number.
      receiptNumber: `510601${donatedOn.slice(2, 4)}-${digits(rng, 10)}`,
      sourceOrganisation: recipientOrganisation,
      legalBasis: `《中华人民共和国慈善法》; ${SEED_PLAN}`,
      collectedAt: collectedAfter(donatedOn, rng),
    });
  }
  return out;
}

const HONOURS: { title: string; awardingBody: string; validYears: number | null }[] = [
  { title: '绵阳市道德模范', awardingBody: '中共绵阳市委宣传部、绵阳市精神文明建设委员会办公室', validYears: null },
  { title: '四川省劳动模范', awardingBody: '四川省人民政府', validYears: null },
  { title: '绵阳市优秀志愿者', awardingBody: '绵阳市志愿服务联合会', validYears: 3 },
  { title: '全国无偿献血奉献奖金奖', awardingBody: '国家卫生健康委员会、中国红十字会总会', validYears: 5 },
  { title: '绵阳市见义勇为先进个人', awardingBody: '绵阳市见义勇为基金会', validYears: 3 },
  { title: '绵阳市诚信个人', awardingBody: '绵阳市社会信用体系建设领导小组办公室', validYears: 2 },
];

function redListEntriesFor(person: SyntheticPerson, seed: number): RedListEntryDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'red-list', person.index);
  const adultFrom = adulthood(person);
  if (adultFrom >= REF || !rng.chance(0.005)) return [];
  const count = rng.chance(0.15) ? 2 : 1;
  const out: RedListEntryDoc[] = [];
  for (let n = 1; n <= count; n++) {
    const honour = rng.pick(HONOURS);
    const awardedOn = rng.dateBetween(later(adultFrom, '2016-01-01'), REF);
    out.push({
      _id: opaqueId('PLT-RED', person.id, n),
      personId: person.id,
      title: honour.title,
      awardingBody: honour.awardingBody,
      awardedOn,
      validUntil: honour.validYears === null ? null : addDays(addMonths(awardedOn, 12 * honour.validYears), -1),
      sourceOrganisation: honour.awardingBody,
      legalBasis: SEED_PLAN,
      collectedAt: collectedAfter(awardedOn, rng),
    });
  }
  return out;
}

const RETIREMENT_AGE = 60;
const CONDUCT_NOTES = ['年度考核合格, 执业期间无投诉记录', '年度考核优秀', '获评年度优秀从业人员', '年度考核合格', null];

const PRACTICE_KINDS: {
  profession: KeyProfession;
  minAge: number;
  organisations: string[];
  source: string;
  basis: string;
  licence: (rng: Rng, from: string) => string;
}[] = [
  {
    profession: 'LAWYER',
    minAge: 24,
    organisations: ['四川涪城律师事务所', '四川科城律师事务所', '四川富乐律师事务所'],
    source: '绵阳市司法局',
    basis: '《中华人民共和国律师法》; 《律师执业管理办法》',
    licence: (rng, from) => `15107${from.slice(0, 4)}1${digits(rng, 7)}`,
  },
  {
    profession: 'DOCTOR',
    minAge: 25,
    organisations: ['绵阳市中心医院', '绵阳市第三人民医院', '绵阳市中医医院', '涪城区人民医院'],
    source: '绵阳市卫生健康委员会',
    basis: '《中华人民共和国医师法》',
    licence: (rng) => `1105107${digits(rng, 8)}`,
  },
  {
    profession: 'TEACHER',
    minAge: 22,
    organisations: ['四川省绵阳中学', '绵阳东辰国际学校', '绵阳市涪城区实验小学', '绵阳职业技术学院'],
    source: '绵阳市教育和体育局',
    basis: '《中华人民共和国教师法》; 《教师资格条例》',
    licence: (rng, from) => `${from.slice(0, 4)}5107${digits(rng, 9)}`,
  },
  {
    profession: 'ACCOUNTANT',
    minAge: 23,
    organisations: ['四川科城会计师事务所有限公司', '绵阳天信会计师事务所', '四川华涪会计师事务所'],
    source: '四川省注册会计师协会',
    basis: '《中华人民共和国注册会计师法》',
    licence: (rng) => `510700${digits(rng, 6)}`,
  },
  {
    profession: 'CERTIFIED_ENGINEER',
    minAge: 26,
    organisations: ['绵阳市建筑设计研究院有限公司', '绵阳市城乡规划设计研究院', '四川涪江建设工程有限公司'],
    source: '绵阳市住房和城乡建设委员会',
    basis: '《勘察设计注册工程师管理规定》; 《注册建造师管理规定》',
    licence: (rng) => `川151${digits(rng, 9)}`,
  },
  {
    profession: 'NOTARY',
    minAge: 25,
    organisations: ['四川省绵阳市涪城公证处', '四川省绵阳市科学城公证处'],
    source: '绵阳市司法局',
    basis: '《中华人民共和国公证法》; 《公证员执业管理办法》',
    licence: (rng, from) => `5107${from.slice(0, 4)}${digits(rng, 5)}`,
  },
  {
    profession: 'PHARMACIST',
    minAge: 23,
    organisations: ['绵阳科伦大药房连锁有限公司', '绵阳百信药房有限公司'],
    source: '绵阳市市场监督管理局',
    basis: '《执业药师注册管理办法》',
    licence: (rng, from) => `51${from.slice(0, 4)}${digits(rng, 6)}`,
  },
  {
    profession: 'TOUR_GUIDE',
    minAge: 20,
    organisations: ['绵阳光大国际旅行社有限公司', '绵阳中国青年旅行社有限公司'],
    source: '绵阳市文化广播电视和旅游局',
    basis: '《导游人员管理条例》; 《导游管理办法》',
    licence: (rng) => `D-5107-${digits(rng, 6)}`,
  },
];

function practiceRecordsFor(person: SyntheticPerson, seed: number): PracticeRecordDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'practice', person.index);
  if (!rng.chance(0.024)) return [];
  const kind = rng.pick(PRACTICE_KINDS);
  const qualifiedFrom = later(addMonths(person.birthDate, 12 * kind.minAge), '2005-01-01');
  const retiresOn = addMonths(person.birthDate, 12 * RETIREMENT_AGE);
  const practiceEnd = earlier(retiresOn, REF);
  if (qualifiedFrom >= practiceEnd) return [];
  const licenceNumber = kind.licence(rng, qualifiedFrom);
  const out: PracticeRecordDoc[] = [];
  // A practitioner may have moved once: the second period starts the day after the first ends.
  let from = rng.dateBetween(qualifiedFrom, practiceEnd);
  const count = rng.chance(0.25) ? 2 : 1;
  for (let n = 1; n <= count && from < practiceEnd; n++) {
    const retired = practiceEnd < REF;
    let to: string | null = null;
    if (n < count || retired || rng.chance(0.2)) {
      if (addDays(from, 365) < practiceEnd) to = rng.dateBetween(addDays(from, 365), practiceEnd);
      else if (retired) to = addDays(practiceEnd, -1);
    }
    out.push({
      _id: opaqueId('PLT-PRA', person.id, n),
      personId: person.id,
      profession: kind.profession,
      licenceNumber,
      organisation: rng.pick(kind.organisations),
      from,
      to,
      conductNotes: rng.pick(CONDUCT_NOTES),
      sourceOrganisation: kind.source,
      legalBasis: kind.basis,
      collectedAt: collectedAfter(from, rng),
    });
    if (!to) break;
    from = addDays(to, 1);
  }
  return out;
}

// Objections and repairs concern real records: the person's public-security
// records, regenerated by that bureau's pure seeder. Seeded ones are open or
// decided without changing the record (upheld, rejected), since a correction,
// removal or approved repair would have to be written to the bureau's own
// database.

const OBJECTION_REASONS = [
  '该机动车已于违法发生前过户, 违法行为人并非本人, 附车辆转让登记证明。',
  '处罚决定已被行政复议决定撤销, 信用记录未同步更新。',
  '记录载明的决定日期与处罚决定书不一致。',
  '本人身份证件曾挂失, 该记录系他人冒用本人身份所致。',
];
const OBJECTION_UPHELD_REASONS = ['经核查, 原处罚决定书与信用记录一致, 异议不成立。', '经调取执法记录, 违法行为人身份确认无误, 维持原记录。'];
const REPAIR_REJECTED_REASONS = ['所附缴款凭证与处罚决定书载明金额不一致, 请补正后重新申请。', '申请材料不完整, 未提交信用修复承诺书原件。'];
// Objections and repairs seeded are recent, so that open ones exist at the reference date.
const RECENT_DAYS = 30;

interface ShownSpan {
  recordId: string;
  decisionDate: string;
  grade: 'MINOR' | 'GENERAL' | 'SERIOUS';
  /** First day after the record stops being shown. */
  until: string;
}

function shownSpans(person: SyntheticPerson, seed: number): ShownSpan[] {
  return violationsFor(person, seed).map((v) => ({ recordId: v._id, decisionDate: v.decisionDate, grade: v.grade, until: displayWindow(v, REF).until }));
}

function objectionsFor(person: SyntheticPerson, seed: number, spans: readonly ShownSpan[]): ObjectionDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'objections', person.index);
  const recentFrom = addDays(REF, -RECENT_DAYS);
  const candidates = spans.filter((s) => later(s.decisionDate, recentFrom) < earlier(s.until, REF));
  if (candidates.length === 0 || !rng.chance(0.15)) return [];
  const span = rng.pick(candidates);
  const filedOn = rng.dateBetween(later(span.decisionDate, recentFrom), earlier(span.until, REF));
  const dueOn = addWorkingDays(filedOn, policy().deadlines.objectionDecisionWorkingDays);
  const decided = dueOn < REF;
  const status = decided ? 'UPHELD' : rng.pick(['FILED', 'UNDER_REVIEW'] as const);
  return [
    {
      _id: opaqueId('PLT-OBJ', person.id, 1),
      personId: person.id,
      bureau: 'PUBLIC_SECURITY',
      recordId: span.recordId,
      reason: rng.pick(OBJECTION_REASONS),
      status,
      filedAt: officeTime(filedOn, rng),
      dueOn,
      decidedAt: decided ? officeTime(rng.dateBetween(addDays(filedOn, 1), addDays(dueOn, 1)), rng) : null,
      decisionReason: decided ? rng.pick(OBJECTION_UPHELD_REASONS) : null,
      // One atomic update per step: review started, then decided.
      version: { FILED: 0, UNDER_REVIEW: 1, UPHELD: 2 }[status],
    },
  ];
}

function repairsFor(
  person: SyntheticPerson,
  seed: number,
  spans: readonly ShownSpan[],
  disputed: ReadonlySet<string>,
  volunteering: readonly VolunteerRecordDoc[],
  donations: readonly CharityRecordDoc[],
): RepairDoc[] {
  const rng = Rng.forKey(seed, 'platform', 'repairs', person.index);
  const recentFrom = addDays(REF, -RECENT_DAYS);
  // Repair may be applied for once the grade's minimum display period has run, while the record is still shown.
  const eligibleFrom = (s: ShownSpan) => later(addMonths(s.decisionDate, policy().severityGrades[s.grade].minDisplayMonths), recentFrom);
  const candidates = spans.filter((s) => !disputed.has(s.recordId) && eligibleFrom(s) < earlier(s.until, REF));
  if (candidates.length === 0 || !rng.chance(0.17)) return [];
  const span = rng.pick(candidates);
  const appliedOn = rng.dateBetween(eligibleFrom(span), earlier(span.until, REF));
  const served = volunteering.filter((v) => v.servedOn >= span.decisionDate && v.servedOn < appliedOn);
  const donated = donations.filter((d) => d.donatedOn >= span.decisionDate && d.donatedOn < appliedOn);
  const options: RepairDoc['correction'][] = ['OBLIGATION_PERFORMED'];
  if (served.length > 0) options.push('VOLUNTEER_SERVICE');
  if (donated.length > 0) options.push('CHARITY');
  const correction = rng.pick(options);
  let statement: string;
  let evidenceRefs: string[];
  if (correction === 'VOLUNTEER_SERVICE') {
    const hours = served.reduce((sum, v) => sum + v.hours, 0);
    statement = `本人在违法行为发生后主动参加志愿服务共${hours}小时, 已深刻认识错误, 承诺今后遵纪守法, 申请信用修复。`;
    evidenceRefs = served.map((v) => v._id);
  } else if (correction === 'CHARITY') {
    const total = donated.reduce((sum, d) => sum + d.amountYuan, 0);
    statement = `本人在违法行为发生后向${donated[0]!.recipientOrganisation}等慈善组织捐款共${total}元, 已深刻认识错误, 承诺今后遵纪守法, 申请信用修复。`;
    evidenceRefs = donated.map((d) => d._id);
  } else {
    const paidOn = rng.dateBetween(span.decisionDate, appliedOn);
    statement = `本人已于${paidOn}缴清罚款, 履行了行政处罚决定书确定的全部义务, 承诺今后遵纪守法, 申请信用修复。`;
    evidenceRefs = [`非税收入一般缴款书 No.${digits(rng, 10)}`];
  }
  const dueOn = addWorkingDays(appliedOn, policy().deadlines.repairDecisionWorkingDays);
  // Past its deadline an application is either rejected or still waiting (an overdue case for the reviewers' queue).
  const rejected = dueOn < REF && rng.chance(0.5);
  return [
    {
      _id: opaqueId('PLT-REP', person.id, 1),
      personId: person.id,
      bureau: 'PUBLIC_SECURITY',
      recordId: span.recordId,
      correction,
      statement,
      evidenceRefs,
      status: rejected ? 'REJECTED' : 'APPLIED',
      appliedAt: officeTime(appliedOn, rng),
      dueOn,
      decidedAt: rejected ? officeTime(rng.dateBetween(addDays(appliedOn, 1), addDays(dueOn, 1)), rng) : null,
      decisionReason: rejected ? rng.pick(REPAIR_REJECTED_REASONS) : null,
      reviewerId: rejected ? `PLT-REV-${String(rng.int(1, 12)).padStart(3, '0')}` : null,
      version: rejected ? 1 : 0,
    },
  ];
}

/** Every seeded platform record of one person; a pure function of (seed, person). */
export function platformRecordsFor(person: SyntheticPerson, seed: number) {
  const volunteerRecords = volunteerRecordsFor(person, seed);
  const charityRecords = charityRecordsFor(person, seed);
  const spans = shownSpans(person, seed);
  const objections = objectionsFor(person, seed, spans);
  const repairs = repairsFor(person, seed, spans, new Set(objections.map((o) => o.recordId)), volunteerRecords, charityRecords);
  return {
    consents: consentsFor(person, seed),
    volunteerRecords,
    charityRecords,
    redListEntries: redListEntriesFor(person, seed),
    practiceRecords: practiceRecordsFor(person, seed),
    objections,
    repairs,
  };
}

/** The partner institutions the seeded consents name, as registered with the platform. */
export function registeredInstitutions(): InstitutionDoc[] {
  return INSTITUTIONS.map(({ id, name }) => ({ _id: id, name, registeredAt: new Date(`${PLATFORM_GATHERING_FROM}T09:00:00+08:00`), registeredBy: 'seed' }));
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => {
  const records = people.map((p) => platformRecordsFor(p, seedValue));
  return {
    institutions: await insertNewDocuments(models.Institution, registeredInstitutions()),
    consents: await insertNewDocuments(
      models.Consent,
      records.flatMap((r) => r.consents),
    ),
    volunteer_records: await insertNewDocuments(
      models.VolunteerRecord,
      records.flatMap((r) => r.volunteerRecords),
    ),
    charity_records: await insertNewDocuments(
      models.CharityRecord,
      records.flatMap((r) => r.charityRecords),
    ),
    red_list_entries: await insertNewDocuments(
      models.RedListEntry,
      records.flatMap((r) => r.redListEntries),
    ),
    practice_records: await insertNewDocuments(
      models.PracticeRecord,
      records.flatMap((r) => r.practiceRecords),
    ),
    objections: await insertNewDocuments(
      models.Objection,
      records.flatMap((r) => r.objections),
    ),
    repairs: await insertNewDocuments(
      models.Repair,
      records.flatMap((r) => r.repairs),
    ),
  };
};
