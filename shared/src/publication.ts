import { addDays, displayWindow, todayInCity } from './display-window';
import type { AdministrativeLicenceDoc, AdministrativePenaltyDoc } from './double-publicity';
import { allowedGrades, categoryPolicy, shieldedAsMinor, type SeverityGrade } from './policy';

/**
 * A department's administrative penalties and licences as it gathers them to
 * the platform (归集 to the sharing platform, 二(二)): the platform keeps them
 * in its published-records index, from which 信用中国（四川绵阳）'s 双公示
 * feed is read without asking every department for every page. They travel
 * with the department's credit facts, so every change that re-derives a
 * person's standing re-publishes the person's records too, through the same
 * durable notes (the department's outbox).
 */
export interface Publication {
  kind: 'PENALTY' | 'LICENCE';
  recordId: string;
  category: string | null;
  grade: SeverityGrade | null;
  decisionDate: string;
  /** First day no longer published; null for a licence without end. */
  publishedUntil: string | null;
  /** Never published (a minor's record). */
  withheld: boolean;
  underObjection: boolean;
  counterpartName: string;
  authority: string;
  documentNumber: string;
  title: string;
  content: string;
  /** The person's statement (本人声明, seed 二(三)三) on the record, shown with it wherever it is published; null when none. */
  statement: string | null;
  /**
   * The record as the department keeps it (dates as JSON strings once sent):
   * the platform serves it in Person.administrativePenalties and
   * administrativeLicences, shown by the same rules as in the department.
   */
  record: Record<string, unknown>;
}

/** The earliest of some dates (ISO strings sort as dates); null when none is given. */
function earliest(...dates: (string | null | undefined)[]): string | null {
  const given = dates.filter((d): d is string => Boolean(d)).sort();
  return given[0] ?? null;
}

/** A penalty as published: for its publicity period, ended early by a removal or a repair. */
export function penaltyPublication(doc: AdministrativePenaltyDoc, today: string = todayInCity()): Publication {
  const grade = allowedGrades(doc.category).includes(doc.grade) ? doc.grade : categoryPolicy(doc.category).grade;
  const window = displayWindow({ ...doc, grade }, today);
  return {
    kind: 'PENALTY',
    recordId: doc._id,
    category: doc.category,
    grade,
    decisionDate: doc.decisionDate,
    publishedUntil: earliest(window.until, doc.removedOn, doc.repairedOn),
    withheld: shieldedAsMinor(doc),
    underObjection: Boolean(doc.underObjection),
    counterpartName: doc.counterpartName,
    authority: doc.authority,
    documentNumber: doc.decisionNumber,
    title: doc.violationType,
    content: doc.penaltyContent,
    statement: doc.personalStatement ?? null,
    record: { ...doc },
  };
}

/** A licence as published: while it is valid, up to its withdrawal. */
export function licencePublication(doc: AdministrativeLicenceDoc): Publication {
  return {
    kind: 'LICENCE',
    recordId: doc._id,
    category: null,
    grade: null,
    decisionDate: doc.decisionDate,
    publishedUntil: earliest(doc.validUntil ? addDays(doc.validUntil, 1) : null, doc.withdrawnOn),
    withheld: false,
    underObjection: false,
    counterpartName: doc.counterpartName,
    authority: doc.authority,
    documentNumber: doc.documentNumber,
    title: doc.certificateName,
    content: doc.content,
    statement: null,
    record: { ...doc },
  };
}
