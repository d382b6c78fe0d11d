import { addDays, addMonths, policy, POPULATION_REFERENCE_DATE, startOfCityDay, type Rng, type SyntheticPerson } from '@credit/shared';

// What the domains' seeds share: the reference date, the plan they cite,
// and when seeded records were made and gathered. The query log, the
// joint-punishment status and the credit evaluation are not seeded: they
// are derived from real reads and from the bureaus' records by their
// workflows, and invented values would contradict those records.

export const REF = POPULATION_REFERENCE_DATE;
export const SEED_PLAN = '《绵阳市人民政府办公室关于印发加强个人诚信体系建设实施方案的通知》(绵府办发〔2018〕32号)';

export const later = (a: string, b: string) => (a > b ? a : b);
export const earlier = (a: string, b: string) => (a < b ? a : b);

/** An instant during office hours of a city day. */
export function officeTime(isoDate: string, rng: Rng): Date {
  return new Date(startOfCityDay(isoDate).getTime() + rng.int(8 * 60 + 30, 18 * 60) * 60_000);
}

// Records older than the platform were gathered when it started collecting.
export const PLATFORM_GATHERING_FROM = '2019-01-01';

/** When a reported record reached the platform: a few days after the fact or after gathering began, never after the reference date. */
export function collectedAfter(isoDate: string, rng: Rng): Date {
  return officeTime(earlier(addDays(later(isoDate, PLATFORM_GATHERING_FROM), rng.int(1, 14)), REF), rng);
}

export const adulthood = (person: SyntheticPerson) => addMonths(person.birthDate, 12 * policy().minors.adultAge);
export const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
