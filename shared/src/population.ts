import { makeCitizenId } from './citizen-id';
import { MIANYANG_AREAS, MIGRANT_ORIGIN_AREAS } from './mianyang-areas';
import { Rng } from './random';

/**
 * The synthetic Mianyang population the seed command and tests build on.
 * Person `i` of seed `s` is always the same person, so every subgraph's own
 * seeder can generate its records for that person independently and
 * re-running the seed changes nothing.
 */
export interface SyntheticPerson {
  index: number;
  id: string;
  /** The Mianyang county the person lives in: their household registration's, or a migrant's residence permit's. */
  areaCode: string;
  /**
   * A migrant (外来人口): registered elsewhere (their ID and household
   * registration are of `MIGRANT_ORIGIN_AREAS`), living in the city on a
   * residence permit (居住证).
   */
  migrant: boolean;
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
  name: string;
}

const AREA_CODES = Object.keys(MIANYANG_AREAS);
const ORIGIN_CODES = Object.keys(MIGRANT_ORIGIN_AREAS);
/** The share of migrants in the synthetic population (a demo figure, not a census one). */
const MIGRANT_SHARE = 0.06;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '欧阳', '司马'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '建国',
  '晓东',
  '子涵',
  '雨桐',
  '浩然',
];

/** The reference date of the synthetic population (ages and record dates are relative to it). */
export const POPULATION_REFERENCE_DATE = '2026-11-01';

// Birth dates span 1941-01-01 .. 2020-05-23 (29,000 days), so the population
// holds minors as well as adults. Each index maps to a distinct
// (birth day, sequence number) slot through a multiplicative permutation of
// the 29,000,000 slots, so IDs never collide whatever the area code.
const DAYS = 29_000;
const SLOTS = DAYS * 1000;
const MULTIPLIER = 7_368_787; // prime, does not divide SLOTS: i -> i*M mod SLOTS is a bijection
const FIRST_BIRTH_DAY = Date.parse('1941-01-01');

/** Person `index` (0-based, below 29,000,000) of the population generated with `seed`. */
export function syntheticPerson(seed: number, index: number): SyntheticPerson {
  if (!Number.isInteger(index) || index < 0 || index >= SLOTS) throw new RangeError(`person index ${index} out of range`);
  const rng = Rng.forKey(seed, 'person', index);
  const areaCode = rng.pick(AREA_CODES);
  // Drawn apart from the person's other draws, so everyone else stays as they were.
  const origin = Rng.forKey(seed, 'migrant', index);
  const migrant = origin.chance(MIGRANT_SHARE);
  const idAreaCode = migrant ? origin.pick(ORIGIN_CODES) : areaCode;
  const slot = Number((BigInt(index) * BigInt(MULTIPLIER) + BigInt(seed % SLOTS)) % BigInt(SLOTS));
  const birthDate = new Date(FIRST_BIRTH_DAY + Math.floor(slot / 1000) * 86_400_000).toISOString().slice(0, 10);
  const sequence = slot % 1000;
  return {
    index,
    id: makeCitizenId(idAreaCode, birthDate, sequence),
    areaCode,
    migrant,
    birthDate,
    gender: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
    name: rng.pick(SURNAMES) + rng.pick(GIVEN),
  };
}

/** People `from` .. `to - 1` of the population. */
export function syntheticPeople(seed: number, from: number, to: number): SyntheticPerson[] {
  const out: SyntheticPerson[] = [];
  for (let i = from; i < to; i++) out.push(syntheticPerson(seed, i));
  return out;
}
