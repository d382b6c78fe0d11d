import { Schema } from 'mongoose';

import { seesIdentityUnmasked, seesMinorsRecord, seesRecordsPastDisplay } from './access';
import type { ForwardedRequest } from './auth';
import { displayWindow, type DisplayWindow } from './display-window';
import { maskCitizenIdsIn, maskPersonalDataIn } from './masking';
import { paginate, type Page, type PageArgs } from './pagination';
import type { AccessContext } from './permissions';
import { allowedGrades, categoryPolicy, shieldedAsMinor, type SeverityGrade } from './policy';
import { containsCitizenId } from './record-id';
import { isoDateOrNull } from './scalars';
import type { Bureau } from './subgraph-registry';

/**
 * The fields every negative record carries, whichever bureau owns it: the
 * bureau's own record id as `_id` (so re-sending a record is idempotent),
 * the person, the category and grade from the credit policy, the decision,
 * and the legal basis the record was collected on (MISSION rule 1).
 */
export interface NegativeRecordDoc {
  _id: string;
  personId: string;
  category: string;
  grade: SeverityGrade;
  decisionDate: string;
  decisionNumber: string;
  authority: string;
  legalBasis: string;
  /** End of display set by the deciding authority, if any (clamped by policy). */
  displayUntil?: string | null;
  removedOn?: string | null;
  removalReason?: string | null;
  /** The objection whose decision removed the record (removedOn and removalReason are then the platform's, kept through a re-send). */
  removedByObjection?: string | null;
  repairedOn?: string | null;
  /** Id of the open objection against the record, if any (MISSION rule 7). */
  underObjection?: string | null;
  /**
   * 本人声明 (自主解释, seed 二(三)三): the person's own short text about the
   * record, shown with it to everyone who sees it and in a blacklist check
   * the record grounds. Written through the platform (attachStatement),
   * never by the department.
   */
  personalStatement?: string | null;
  /**
   * 申请延期 (seed 二(三)三): the last day of a postponement the department
   * granted the person to perform the obligation; the record says so, and
   * while it runs the measures of the categories the policy names
   * (`postponement.measuresSuspendedCategories`) are suspended. Written
   * through the platform (decidePostponement), never by the department's
   * ingestion.
   */
  postponedUntil?: string | null;
  collectedAt: Date;
}

/** A date field `YYYY-MM-DD` that must be a day of the calendar (2026-02-30 is refused). */
export function calendarDateField(required: boolean) {
  return {
    type: String,
    required,
    default: required ? undefined : null,
    validate: { validator: (v: string | null) => v === null || isoDateOrNull(v) !== null, message: '{PATH} must be a date of the calendar, YYYY-MM-DD' },
  };
}

/** Mongoose schema definition of {@link NegativeRecordDoc}, spread into each bureau's record schema. */
export const negativeRecordFields = {
  _id: { type: String, required: true },
  personId: { type: String, required: true },
  category: { type: String, required: true },
  grade: { type: String, required: true, enum: ['MINOR', 'GENERAL', 'SERIOUS'] },
  decisionDate: calendarDateField(true),
  decisionNumber: { type: String, required: true },
  authority: { type: String, required: true },
  legalBasis: { type: String, required: true },
  displayUntil: calendarDateField(false),
  removedOn: calendarDateField(false),
  removalReason: { type: String, default: null },
  removedByObjection: { type: String, default: null },
  repairedOn: calendarDateField(false),
  underObjection: { type: String, default: null },
  personalStatement: { type: String, default: null },
  postponedUntil: calendarDateField(false),
  collectedAt: { type: Date, required: true, default: () => new Date() },
} as const;

/** Indexes every negative-record collection needs: by person, in display order. */
export function addNegativeRecordIndexes(schema: Schema): void {
  schema.index({ personId: 1, decisionDate: -1, _id: 1 });
  schema.index({ category: 1, decisionDate: -1 });
}

/** Display order of a person's records: newest decision first, then id. */
export const NEGATIVE_RECORD_ORDER = { personId: 1, decisionDate: -1, _id: 1 } as const;

/**
 * A record id as this caller may see it. Ids are opaque (ingestion refuses
 * one that names a person), but records gathered before that rule may still
 * carry the person's citizen ID: it is masked for anyone who may not see the
 * person's identity unmasked.
 */
export function shownRecordId(recordId: string, personId: string, request: ForwardedRequest): string {
  if (!containsCitizenId(recordId)) return recordId;
  return seesIdentityUnmasked(request, personId) ? recordId : maskCitizenIdsIn(recordId);
}

/**
 * Free text about a person (their statement, a commitment, a receiver's
 * account) as this caller may see it: whole to whoever sees who the person
 * is, with personal data masked for everyone else.
 */
export function shownPersonalText(text: string, personId: string, request: ForwardedRequest): string {
  return seesIdentityUnmasked(request, personId) ? text : maskPersonalDataIn(text);
}

/** A record's personal statement as this caller may see it. */
function shownStatement(doc: NegativeRecordDoc, ctx: AccessContext): string | null {
  return doc.personalStatement ? shownPersonalText(doc.personalStatement, doc.personId, ctx.forwarded) : null;
}

/** Field resolvers shared by every negative-record type, of the bureau that owns the record. */
export function negativeRecordResolvers<T extends NegativeRecordDoc>(owner: Bureau | ((doc: T) => Bureau), extraFacts?: ExtraDisplayFacts<T>) {
  const bureauOf = typeof owner === 'function' ? owner : () => owner;
  return {
    id: (doc: T, _args: unknown, ctx: AccessContext) => shownRecordId(doc._id, doc.personId, ctx.forwarded),
    provenance: (doc: T, _args: unknown, ctx: AccessContext) => ({
      bureau: bureauOf(doc),
      sourceRecordId: shownRecordId(doc._id, doc.personId, ctx.forwarded),
      legalBasis: doc.legalBasis,
      collectedAt: doc.collectedAt,
    }),
    displayWindow: (doc: T): DisplayWindow => displayWindow({ ...doc, ...extraFacts?.(doc) }),
    underObjection: (doc: T) => Boolean(doc.underObjection),
    // The person's own words, masked like any free text for whoever may not see who they are.
    personalStatement: (doc: T, _args: unknown, ctx: AccessContext) => shownStatement(doc, ctx),
    // A grade outside the policy's for the category (stored before ingestion
    // checked it) is shown as the category's grade, which the window uses too.
    grade: (doc: T) => (allowedGrades(doc.category).includes(doc.grade) ? doc.grade : categoryPolicy(doc.category).grade),
  };
}

/** Extra facts some bureaus' records add to the display-window computation (PBoC's act end). */
export type ExtraDisplayFacts<T> = (doc: T) => { actEndedOn?: string | null };

/**
 * The records a caller may be shown, paged. Records past their display
 * window, removed or repaired are kept but shown to nobody except auditors
 * (MISSION rule 5); everyone else sees only those inside their window.
 */
export function pageOfShownRecords<T extends NegativeRecordDoc>(
  rows: readonly T[],
  args: PageArgs,
  request: ForwardedRequest,
  extraFacts?: ExtraDisplayFacts<T>,
): Page<T> {
  return paginate(shownRecords(rows, request, extraFacts), args, (doc) => doc._id);
}

/** The records a caller may be shown (pageOfShownRecords, before its page). */
export function shownRecords<T extends NegativeRecordDoc>(rows: readonly T[], request: ForwardedRequest, extraFacts?: ExtraDisplayFacts<T>): T[] {
  const { principal } = request;
  return rows.filter(
    (doc) =>
      (seesRecordsPastDisplay(principal, doc) || displayWindow({ ...doc, ...extraFacts?.(doc) }).shown) &&
      (!shieldedAsMinor(doc) || seesMinorsRecord(principal, doc)),
  );
}

/** Measures in force on a person without a listing: an order's, or those of a record's category (see common.graphql). */
export interface CreditRestriction {
  recordId: string;
  measures: string[];
  since: string;
  /** First day the measures no longer apply; null while the order stands. */
  until: string | null;
}

/** An office a bureau records a person holding in a company (common.graphql, CompanyOfficeFact). */
export interface CompanyOfficeFact {
  officeId: string;
  unifiedSocialCreditCode: string;
  until: string | null;
  underObjection: boolean;
}

/** What one bureau's records mean for joint punishment and the green channel (see common.graphql). */
export interface BureauCreditFacts {
  bureau: Bureau;
  /** The companies the bureau records the person responsible for (absent: none). */
  offices?: CompanyOfficeFact[];
  grounds: {
    recordId: string;
    category: string;
    since: string;
    until: string;
    underObjection: boolean;
    statement?: string | null;
    /** Last day of a postponement granted on the record (申请延期); null when none. */
    postponedUntil?: string | null;
  }[];
  restrictions: CreditRestriction[];
  lastNegativeDecisionDate: string | null;
  negatives: { recordId: string; category: string; grade: SeverityGrade; since: string; until: string }[];
}

/**
 * Computes a bureau's credit facts about one person from its negative
 * records: only records shown today count (past their display period,
 * removed or repaired they are no longer used — MISSION rules 5 and 6).
 */
export function bureauCreditFacts<T extends NegativeRecordDoc>(bureau: Bureau, records: readonly T[], extraFacts?: ExtraDisplayFacts<T>): BureauCreditFacts {
  const grounds: BureauCreditFacts['grounds'] = [];
  const restrictions: CreditRestriction[] = [];
  const negatives: BureauCreditFacts['negatives'] = [];
  let lastNegativeDecisionDate: string | null = null;
  for (const doc of records) {
    const window = displayWindow({ ...doc, ...extraFacts?.(doc) });
    if (!window.shown || shieldedAsMinor(doc)) continue;
    if (!lastNegativeDecisionDate || doc.decisionDate > lastNegativeDecisionDate) lastNegativeDecisionDate = doc.decisionDate;
    negatives.push({ recordId: doc._id, category: doc.category, grade: doc.grade, since: doc.decisionDate, until: window.until });
    const category = categoryPolicy(doc.category);
    if (category.jointPunishment)
      grounds.push({
        recordId: doc._id,
        category: doc.category,
        since: doc.decisionDate,
        until: window.until,
        underObjection: Boolean(doc.underObjection),
        statement: doc.personalStatement ?? null,
        postponedUntil: doc.postponedUntil ?? null,
      });
    // A category with measures but no listing (a student's exam cheating): its measures apply while the record is shown.
    else if (category.measures?.length)
      restrictions.push({ recordId: doc._id, measures: [...category.measures], since: doc.decisionDate, until: window.until });
  }
  return { bureau, grounds, restrictions, lastNegativeDecisionDate, negatives };
}
