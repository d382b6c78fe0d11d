import { allowedGrades, categoryPolicy, policy, type CreditPolicy, type SeverityGrade } from './policy';

/**
 * When a negative record may be shown and used. Records past their window, or
 * removed, or repaired, are kept but neither shown nor used (MISSION rule 5).
 */
export interface DisplayWindow {
  /** First day shown (the decision date). */
  from: string;
  /** First day no longer shown. */
  until: string;
  /** Whether the record is inside its window today and not ended early. */
  shown: boolean;
  /** Why the record is not shown, when it is not. */
  endedBy: 'EXPIRED' | 'REMOVED' | 'REPAIRED' | 'NOT_YET' | null;
  /** Version of the credit policy the window was computed with. */
  policyVersion: string;
}

/** The facts of a record the display window depends on. */
export interface DisplayFacts {
  category: string;
  grade: SeverityGrade;
  decisionDate: string;
  /** End date set by the deciding authority (e.g. a court's listing end), clamped to the grade's bounds. */
  displayUntil?: string | null;
  /** For financial records: the day the dishonest act ended (PBoC art. 16 counts from it). */
  actEndedOn?: string | null;
  removedOn?: string | null;
  repairedOn?: string | null;
}

/** Adds whole months to an ISO date, clamping to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  // Plain arithmetic on the calendar, no Date objects: the blacklist check runs it for every ID (green channel), up to 10,000 a call.
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The instant a day of the city's calendar begins (00:00 in Asia/Shanghai). */
export function startOfCityDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Today's date in Asia/Shanghai (the city's calendar decides display days). */
export function todayInCity(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Computes the display window of a negative record under the policy. */
export function displayWindow(facts: DisplayFacts, today: string = todayInCity(), p: CreditPolicy = policy()): DisplayWindow {
  const category = categoryPolicy(facts.category, p);
  // A grade the policy does not allow for the category (a record stored
  // before ingestion checked it) counts as the category's own grade.
  const bounds = p.severityGrades[allowedGrades(facts.category, p).includes(facts.grade) ? facts.grade : category.grade];
  const from = facts.decisionDate;
  let until: string;
  if (category.financial) {
    const actEnd = facts.actEndedOn ?? facts.decisionDate;
    until = addMonths(actEnd, 12 * p.financialNegativeRecords.deleteYearsAfterActEnds);
  } else {
    const earliest = addMonths(from, bounds.minDisplayMonths);
    const latest = addMonths(from, category.maxDisplayMonths ?? bounds.maxDisplayMonths);
    const defaultMonths = category.defaultDisplayMonths ?? bounds.defaultDisplayMonths;
    until = facts.displayUntil ?? addMonths(from, defaultMonths);
    if (until < earliest) until = earliest;
    if (until > latest) until = latest;
  }
  let endedBy: DisplayWindow['endedBy'] = null;
  if (facts.repairedOn && facts.repairedOn <= today) endedBy = 'REPAIRED';
  else if (facts.removedOn && facts.removedOn <= today) endedBy = 'REMOVED';
  else if (today >= until) endedBy = 'EXPIRED';
  else if (today < from) endedBy = 'NOT_YET';
  return { from, until, shown: endedBy === null, endedBy, policyVersion: p.version };
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date `days` working days after `isoDate`: weekends and the policy's
 * holidays (`deadlines.holidays`) do not count. Deadlines of objections and
 * repairs are set in working days.
 */
export function addWorkingDays(isoDate: string, days: number, holidays: readonly string[] = policy().deadlines.holidays): string {
  const skip = new Set(holidays);
  let date = isoDate;
  for (let left = days; left > 0;) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !skip.has(date)) left -= 1;
  }
  return date;
}
