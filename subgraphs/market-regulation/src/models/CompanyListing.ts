import { calendarDateField, COMPANY_LISTING_ORDER, unifiedSocialCreditCodeField } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * The lists of companies the market regulator keeps and publishes in the
 * enterprise credit publicity system: its own list of seriously illegal and
 * dishonest companies (严重违法失信名单), and the courts' dishonest judgment
 * debtors as published there.
 */
export const COMPANY_LISTS = ['SERIOUSLY_ILLEGAL_DISHONEST', 'DISHONEST_JUDGMENT_DEBTOR'] as const;

/**
 * A company on one of those lists. While it is shown, every person the
 * regulator registers as the company's officer (CompanyOfficer, the actual
 * controller included) is under joint punishment as its responsible person,
 * with this listing as the ground; removing it takes them off.
 */
export interface CompanyListingDoc {
  _id: string;
  unifiedSocialCreditCode: string;
  companyName: string;
  list: (typeof COMPANY_LISTS)[number];
  listedOn: string;
  removedOn?: string | null;
  decisionNumber: string;
  authority: string;
  legalBasis: string;
  collectedAt: Date;
}

const companyListingSchema = new Schema<CompanyListingDoc>(
  {
    _id: { type: String, required: true },
    unifiedSocialCreditCode: unifiedSocialCreditCodeField,
    companyName: { type: String, required: true },
    list: { type: String, required: true, enum: COMPANY_LISTS },
    listedOn: calendarDateField(true),
    removedOn: calendarDateField(false),
    decisionNumber: { type: String, required: true },
    authority: { type: String, required: true },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'company_listings', versionKey: false },
);
// The responsible people's grounds read a company's listings by its code.
companyListingSchema.index(COMPANY_LISTING_ORDER);

export function companyListingModel(conn: Connection) {
  return conn.model<CompanyListingDoc>('CompanyListing', companyListingSchema);
}
