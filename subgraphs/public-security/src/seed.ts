import {
  addDays,
  addMonths,
  insertNewDocuments,
  MIANYANG_AREAS,
  opaqueId,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from './models';
import type { ResidencePermitDoc, ResidentDoc } from './models/Resident';
import type { ViolationDoc } from './models/Violation';

const LEGAL_BASIS_POPULATION = '《中华人民共和国居民身份证法》; 《户口登记条例》';
const SECTORS = ['TRANSPORT', 'DANGEROUS_GOODS', 'INTERNET', 'POSTAL', 'TELECOM', 'FINANCIAL_ACCOUNT', 'EMPLOYMENT_SOCIAL_SECURITY'];
const STREETS = ['临园路', '涪城路', '剑南路', '绵兴路', '长虹大道', '跃进路', '御营坝', '花园路'];
// Streets of a migrant's household registration elsewhere.
const ORIGIN_STREETS = ['人民路', '建设路', '解放路', '中山路', '和平路'];

// Shares per person of each kind of violation; most people have none.
const VIOLATION_KINDS: { category: string; grade: 'MINOR' | 'GENERAL' | 'SERIOUS'; share: number; description: string; penalty: string; basis: string }[] = [
  {
    category: 'TRAFFIC_VIOLATION',
    grade: 'MINOR',
    share: 0.12,
    description: '机动车违反禁止标线指示',
    penalty: '罚款200元, 记3分',
    basis: '《中华人民共和国道路交通安全法》第90条',
  },
  {
    category: 'PUBLIC_ORDER_VIOLATION',
    grade: 'GENERAL',
    share: 0.03,
    description: '扰乱公共秩序',
    penalty: '行政拘留5日',
    basis: '《中华人民共和国治安管理处罚法》第23条',
  },
  {
    category: 'SERIOUS_TRAFFIC_VIOLATION',
    grade: 'SERIOUS',
    share: 0.015,
    description: '醉酒驾驶机动车',
    penalty: '吊销机动车驾驶证, 五年内不得重新取得',
    basis: '《中华人民共和国道路交通安全法》第91条',
  },
  {
    category: 'FRAUD',
    grade: 'SERIOUS',
    share: 0.004,
    description: '电信网络诈骗',
    penalty: '行政拘留15日并处罚款',
    basis: '《中华人民共和国治安管理处罚法》第49条',
  },
  {
    category: 'DEFRAUDING_SOCIAL_INSURANCE',
    grade: 'SERIOUS',
    share: 0.002,
    description: '骗取社会保险待遇',
    penalty: '责令退回并处骗取金额二倍罚款',
    basis: '《中华人民共和国社会保险法》第88条',
  },
  {
    category: 'FRAUDULENT_MARRIAGE_REGISTRATION',
    grade: 'SERIOUS',
    share: 0.001,
    description: '以虚假材料骗取婚姻登记',
    penalty: '撤销婚姻登记',
    basis: '《婚姻登记条例》',
  },
];

/** A migrant's residence permit in the county they live in: issued some years ago, renewed yearly, lapsed for some. */
function residencePermitFor(person: SyntheticPerson, seed: number): ResidencePermitDoc {
  const rng = Rng.forKey(seed, 'public-security', 'residence-permit', person.index);
  const issuedOn = rng.dateBetween('2016-01-01', addMonths(POPULATION_REFERENCE_DATE, -1));
  // Most renew each year; about one in six let it lapse.
  const renewed = rng.chance(5 / 6) ? addMonths(POPULATION_REFERENCE_DATE, -rng.int(0, 11)) : addMonths(issuedOn, 12 * rng.int(0, 2));
  return {
    areaCode: person.areaCode,
    address: `${rng.pick(STREETS)}${rng.int(1, 300)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元`,
    issuedOn,
    validUntil: addDays(addMonths(renewed > issuedOn ? renewed : issuedOn, 12), -1),
    issuingAuthority: `绵阳市公安局${MIANYANG_AREAS[person.areaCode]}分局`,
  };
}

export function residentFor(person: SyntheticPerson, seed: number): ResidentDoc {
  const rng = Rng.forKey(seed, 'public-security', 'resident', person.index);
  return {
    _id: person.id,
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    mobile: `1${rng.pick(['38', '39', '50', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    registeredResidence: {
      areaCode: person.id.slice(0, 6),
      address: `${rng.pick(person.migrant ? ORIGIN_STREETS : STREETS)}${rng.int(1, 300)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元`,
    },
    residencePermit: person.migrant ? residencePermitFor(person, seed) : null,
    realNameRegistrations: SECTORS.map((sector) => {
      const registered = rng.chance(0.9);
      return { sector, registered, verifiedOn: registered ? rng.dateBetween('2015-01-01', POPULATION_REFERENCE_DATE) : null };
    }),
    legalBasis: LEGAL_BASIS_POPULATION,
    collectedAt: new Date(`${POPULATION_REFERENCE_DATE}T00:00:00Z`),
  };
}

export function violationsFor(person: SyntheticPerson, seed: number): ViolationDoc[] {
  const rng = Rng.forKey(seed, 'public-security', 'violations', person.index);
  const adultFrom = addMonths(person.birthDate, 12 * 18);
  if (adultFrom >= POPULATION_REFERENCE_DATE) return [];
  const out: ViolationDoc[] = [];
  for (const kind of VIOLATION_KINDS) {
    if (!rng.chance(kind.share)) continue;
    const decisionDate = rng.dateBetween(adultFrom > '2019-01-01' ? adultFrom : '2019-01-01', POPULATION_REFERENCE_DATE);
    out.push({
      _id: opaqueId('PSB', person.id, kind.category, decisionDate),
      personId: person.id,
      category: kind.category,
      grade: kind.grade,
      description: kind.description,
      penalty: kind.penalty,
      decisionDate,
      decisionNumber: `绵公(${decisionDate.slice(0, 4)})行罚决字〔${rng.int(1000, 9999)}〕号`,
      authority: '绵阳市公安局',
      legalBasis: kind.basis,
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    });
  }
  return out;
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => ({
  residents: await insertNewDocuments(
    models.Resident,
    people.map((p) => residentFor(p, seedValue)),
  ),
  violations: await insertNewDocuments(
    models.Violation,
    people.flatMap((p) => violationsFor(p, seedValue)),
  ),
});
