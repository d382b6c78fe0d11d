import {
  addMonths,
  addNegativeRecordIndexes,
  ageOn,
  categoriesOfKind,
  CitizenIdError,
  negativeRecordFields,
  parseCitizenId,
  policy,
  type NegativeRecordDoc,
} from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { nonEmpty } from './validators';

export const DISHONESTY_GROUNDS = [
  'REFUSING_WITH_ABILITY',
  'OBSTRUCTING_ENFORCEMENT',
  'EVADING_WITH_FALSE_LITIGATION',
  'EVADING_BY_FALSE_TRANSFERS',
  'VIOLATING_PROPERTY_REPORTING',
  'VIOLATING_CONSUMPTION_RESTRICTION',
  'BREACHING_SETTLEMENT_AGREEMENT',
] as const;
export type DishonestyGround = (typeof DISHONESTY_GROUNDS)[number];

export const DEBTOR_REMOVAL_REASONS = [
  'PERFORMED',
  'SETTLEMENT_PERFORMED',
  'CREDITOR_APPLIED',
  'ENFORCEMENT_ENDED',
  'REVOKED',
  'EXPIRED_EXTENSION_DENIED',
] as const;
export type DebtorRemovalReason = (typeof DEBTOR_REMOVAL_REASONS)[number];

/**
 * An entry on the list of dishonest judgment debtors. `decisionDate` is the
 * listing day and `displayUntil` the end of the listing period the court set,
 * so the shared display window follows the court's period.
 */
export interface DebtorListingDoc extends NegativeRecordDoc {
  caseNumbers: string[];
  court: string;
  grounds: DishonestyGround[];
  obligation: string;
  removalReason?: DebtorRemovalReason | null;
}

/** Last day of the default listing period that starts on `listedOn`. */
export function defaultListedUntil(listedOn: string): string {
  return addMonths(listedOn, 12 * policy().debtorListing.defaultYears);
}

/** Why `personId` may not be listed on `listedOn`, or null when they may. */
export function listingAgeProblem(personId: string, listedOn: string): string | null {
  let birthDate: string;
  try {
    birthDate = parseCitizenId(personId).birthDate;
  } catch (err) {
    if (err instanceof CitizenIdError) return err.message;
    throw err;
  }
  const adultAge = policy().minors.adultAge;
  const age = ageOn(birthDate, listedOn);
  return age < adultAge ? `a minor (aged ${age} on ${listedOn}, adult at ${adultAge}) may not be listed as a dishonest judgment debtor` : null;
}

const debtorListingSchema = new Schema<DebtorListingDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('COURTS', 'DEBTOR_LISTING') },
    removalReason: { type: String, default: null, enum: DEBTOR_REMOVAL_REASONS },
    caseNumbers: { type: [String], validate: nonEmpty },
    court: { type: String, required: true },
    grounds: { type: [{ type: String, enum: DISHONESTY_GROUNDS }], validate: nonEmpty },
    obligation: { type: String, required: true },
  },
  { collection: 'debtor_listings', versionKey: false },
);
addNegativeRecordIndexes(debtorListingSchema);

// Checked here rather than per path because the rules relate several fields,
// and the policy is read at validation time so a policy change applies
// without re-registering the model.
debtorListingSchema.pre('validate', function () {
  if (!this.personId || !this.decisionDate) return;
  const minorProblem = listingAgeProblem(this.personId, this.decisionDate);
  if (minorProblem) this.invalidate('personId', minorProblem, this.personId);

  const { defaultYears, extensionYearsMax } = policy().debtorListing;
  this.displayUntil ??= defaultListedUntil(this.decisionDate);
  const latest = addMonths(this.decisionDate, 12 * (defaultYears + extensionYearsMax));
  if (this.displayUntil <= this.decisionDate || this.displayUntil > latest) {
    this.invalidate(
      'displayUntil',
      `listing period must end after ${this.decisionDate} and by ${latest} (${defaultYears} years plus at most ${extensionYearsMax} of extension)`,
      this.displayUntil,
    );
  }
  if (Boolean(this.removedOn) !== Boolean(this.removalReason)) {
    this.invalidate('removalReason', 'a removal needs both removedOn and removalReason', this.removalReason);
  }
});

export function debtorListingModel(conn: Connection) {
  return conn.model<DebtorListingDoc>('DebtorListing', debtorListingSchema);
}
