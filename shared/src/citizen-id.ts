/**
 * The 18-digit citizen ID number of GB 11643-1999: a 6-digit administrative
 * area code, an 8-digit birth date (YYYYMMDD), a 3-digit sequence number whose
 * parity gives the gender (odd = male), and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'MALE' | 'FEMALE';

export interface ParsedCitizenId {
  id: string;
  areaCode: string;
  /** ISO date `YYYY-MM-DD`. */
  birthDate: string;
  sequence: string;
  gender: Gender;
}

export class CitizenIdError extends Error {
  constructor(
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Invalid citizen ID "${value}": ${reason}`);
    this.name = 'CitizenIdError';
  }
}

/** ISO 7064 MOD 11-2 check character over the first 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether year, month (1–12) and day name a day of the calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses and validates a citizen ID. Lower-case `x` is accepted and
 * normalised to `X`. Throws {@link CitizenIdError} with a human reason.
 * `today` bounds the birth date (an ID cannot be born in the future).
 */
export function parseCitizenId(raw: unknown, today: Date = new Date()): ParsedCitizenId {
  if (typeof raw !== 'string') throw new CitizenIdError(String(raw), 'must be a string');
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) throw new CitizenIdError(raw, `must be 18 characters, got ${id.length}`);
  if (!/^\d{17}[\dX]$/.test(id)) throw new CitizenIdError(raw, 'must be 17 digits followed by a digit or X');
  const areaCode = id.slice(0, 6);
  if (!/^[1-8]\d{5}$/.test(areaCode)) throw new CitizenIdError(raw, `area code ${areaCode} is not a valid administrative division code`);
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isCalendarDate(y, m, d)) {
    throw new CitizenIdError(raw, `birth date ${id.slice(6, 14)} is not a valid date`);
  }
  if (Date.UTC(y, m - 1, d) > today.getTime()) throw new CitizenIdError(raw, `birth date ${id.slice(6, 14)} is in the future`);
  const sequence = id.slice(14, 17);
  const expected = citizenIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) throw new CitizenIdError(raw, `check digit is ${id[17]}, expected ${expected}`);
  return {
    id,
    areaCode,
    birthDate: birthDateOf(id),
    sequence,
    gender: Number(sequence) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/** True when `raw` is a valid citizen ID. */
export function isValidCitizenId(raw: unknown): boolean {
  try {
    parseCitizenId(raw);
    return true;
  } catch {
    return false;
  }
}

/** Builds a valid ID from its parts, computing the check character. */
export function makeCitizenId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`cannot build a citizen ID from ${areaCode}/${birthDate}/${sequence}`);
  return first17 + citizenIdCheckChar(first17);
}

/** The birth date (`YYYY-MM-DD`) a citizen ID carries; the ID is one already checked. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Age in whole years of the holder of an already checked citizen ID on `date`, from the birth date in the ID. */
export function ageOfPersonOn(personId: string, date: string): number {
  return ageOn(birthDateOf(personId), date);
}

/** Age in whole years on `onDate` (ISO dates). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = onDate.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}
