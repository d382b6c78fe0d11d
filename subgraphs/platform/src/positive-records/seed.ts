import {
  addDays,
  addMonths,
  doublePublicityRecordsFor,
  insertNewDocuments,
  loadSubgraphDefinition,
  opaqueId,
  practiceOfLicence,
  professionLicensedBy,
  Rng,
  SUBGRAPHS,
  type PublicityCatalogue,
  type SourceEntry,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from '../context';
import { adulthood, collectedAfter, digits, earlier, later, REF, SEED_PLAN } from '../seeding';
import type { CharityRecordDoc } from './models/CharityRecord';
import type { KeyProfession, PracticeRecordDoc } from './models/PracticeRecord';
import type { RedListEntryDoc } from './models/RedListEntry';
import type { VolunteerRecordDoc } from './models/VolunteerRecord';

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

export function volunteerRecordsFor(person: SyntheticPerson, seed: number): VolunteerRecordDoc[] {
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

export function charityRecordsFor(person: SyntheticPerson, seed: number): CharityRecordDoc[] {
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

/** Where practitioners of the professions licensed by a department's certificate work (others: the certificate's authority names none). */
const ORGANISATIONS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(PRACTICE_KINDS.map((k) => [k.profession, k.organisations])),
  FORENSIC_EXPERT: ['四川西南司法鉴定中心', '绵阳求实司法鉴定所'],
  PUBLIC_RESOURCES_TRADING_PARTICIPANT: ['绵阳市综合评标专家库'],
};

/**
 * The departments' catalogues that license a key profession's practice, and
 * those professions, loaded from the departments' definitions once.
 */
let licensing: { catalogues: { name: string; catalogue: PublicityCatalogue }[]; professions: Set<string> } | null = null;
function practiceLicensing() {
  if (!licensing) {
    const professionsOf = (name: string, catalogue: PublicityCatalogue) =>
      catalogue.licences.flatMap((l) => professionLicensedBy(name, l.certificateName) ?? []);
    const catalogues = (SUBGRAPHS as readonly SourceEntry[])
      .filter((entry) => entry.doublePublicity)
      .map((entry) => ({ name: entry.name, catalogue: loadSubgraphDefinition(entry.name).publicity }))
      .filter((c): c is { name: string; catalogue: PublicityCatalogue } => c.catalogue !== undefined && professionsOf(c.name, c.catalogue).length > 0);
    licensing = { catalogues, professions: new Set(catalogues.flatMap((c) => professionsOf(c.name, c.catalogue))) };
  }
  return licensing;
}

/**
 * A person's practice records of the professions a department licenses:
 * one per practising licence the department's seed gives them, with its
 * number, from its first valid day to its withdrawal or end. The department's
 * misconduct penalties name the same licence (double-publicity-seed.ts), so
 * the demo shows a practice, its licence and its misconduct for one person.
 */
function practiceRecordsFromLicences(person: SyntheticPerson, seed: number): PracticeRecordDoc[] {
  const out: PracticeRecordDoc[] = [];
  for (const { name, catalogue } of practiceLicensing().catalogues) {
    const { licences, penalties } = doublePublicityRecordsFor(name, catalogue, [person], seed);
    for (const licence of licences) {
      const practice = practiceOfLicence(name, licence);
      if (!practice) continue;
      const rng = Rng.forKey(seed, 'platform', 'practice', person.index, licence._id);
      const ended = licence.withdrawnOn ?? (licence.validUntil !== null && licence.validUntil < REF ? licence.validUntil : null);
      const misconduct = penalties.some((p) => p.practiceLicenceNumber === practice.practiceLicenceNumber);
      out.push({
        _id: opaqueId('PLT-PRA', person.id, licence._id),
        personId: person.id,
        profession: practice.profession,
        licenceNumber: practice.practiceLicenceNumber,
        organisation: rng.pick(ORGANISATIONS[practice.profession] ?? [licence.authority]),
        from: licence.validFrom,
        to: ended,
        // A regulator that penalised the practice reports no clean assessment for it.
        conductNotes: misconduct ? null : rng.pick(CONDUCT_NOTES),
        sourceOrganisation: licence.authority,
        legalBasis: licence.legalBasis,
        collectedAt: collectedAfter(licence.validFrom, rng),
      });
    }
  }
  return out;
}

/**
 * A person's practice records: those of the practising licences the
 * departments' seeds give them, and, for the professions no department
 * licenses by a certificate in its catalogue (an accountant's, reported by
 * the association), the platform's own synthetic ones.
 */
export function practiceRecordsFor(person: SyntheticPerson, seed: number): PracticeRecordDoc[] {
  const fromLicences = practiceRecordsFromLicences(person, seed);
  const rng = Rng.forKey(seed, 'platform', 'practice', person.index);
  if (!rng.chance(0.024)) return fromLicences;
  const licensed = new Set(fromLicences.map((r) => r.profession));
  const kinds = PRACTICE_KINDS.filter((k) => !practiceLicensing().professions.has(k.profession) && !licensed.has(k.profession));
  if (kinds.length === 0) return fromLicences;
  const kind = rng.pick(kinds);
  const qualifiedFrom = later(addMonths(person.birthDate, 12 * kind.minAge), '2005-01-01');
  const retiresOn = addMonths(person.birthDate, 12 * RETIREMENT_AGE);
  const practiceEnd = earlier(retiresOn, REF);
  if (qualifiedFrom >= practiceEnd) return fromLicences;
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
  return [...fromLicences, ...out];
}

export async function seedPositiveRecords(models: Models, people: readonly SyntheticPerson[], seed: number): Promise<Record<string, number>> {
  return {
    volunteer_records: await insertNewDocuments(
      models.VolunteerRecord,
      people.flatMap((p) => volunteerRecordsFor(p, seed)),
    ),
    charity_records: await insertNewDocuments(
      models.CharityRecord,
      people.flatMap((p) => charityRecordsFor(p, seed)),
    ),
    red_list_entries: await insertNewDocuments(
      models.RedListEntry,
      people.flatMap((p) => redListEntriesFor(p, seed)),
    ),
    practice_records: await insertNewDocuments(
      models.PracticeRecord,
      people.flatMap((p) => practiceRecordsFor(p, seed)),
    ),
  };
}
