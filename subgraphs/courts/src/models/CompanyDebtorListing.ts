import { calendarDateField, COMPANY_LISTING_ORDER, unifiedSocialCreditCodeField } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * A company listed as a dishonest judgment debtor (失信被执行人, a unit), keyed
 * by the court's record id. While it is shown, the people the court records
 * as the company's legal representative, principal or directly responsible
 * person (CompanyRepresentation) are under joint punishment as its
 * responsible people, with this listing as the ground; removing it takes
 * them off. No record is written per person.
 */
/** The category a listing grounds the company's responsible people in (and whose display period it has). */
export const COMPANY_LISTING_CATEGORY = 'DISHONEST_COMPANY_RESPONSIBLE_PERSON';

export interface CompanyDebtorListingDoc {
  _id: string;
  unifiedSocialCreditCode: string;
  companyName: string;
  caseNumber: string;
  court: string;
  listedOn: string;
  removedOn?: string | null;
  legalBasis: string;
  collectedAt: Date;
}

const companyDebtorListingSchema = new Schema<CompanyDebtorListingDoc>(
  {
    _id: { type: String, required: true },
    unifiedSocialCreditCode: unifiedSocialCreditCodeField,
    companyName: { type: String, required: true },
    caseNumber: { type: String, required: true },
    court: { type: String, required: true },
    listedOn: calendarDateField(true),
    removedOn: calendarDateField(false),
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'company_debtor_listings', versionKey: false },
);
// The responsible people's grounds read a company's listings by its code.
companyDebtorListingSchema.index(COMPANY_LISTING_ORDER);

export function companyDebtorListingModel(conn: Connection) {
  return conn.model<CompanyDebtorListingDoc>('CompanyDebtorListing', companyDebtorListingSchema);
}
