import { calendarDateField, companyOfficeObjectionFields, unifiedSocialCreditCodeField } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/** The offices the market regulator registers (企业登记), the 实际控制人 included. */
export const COMPANY_OFFICER_ROLES = ['LEGAL_REPRESENTATIVE', 'PRINCIPAL', 'ACTUAL_CONTROLLER', 'DIRECTOR', 'SUPERVISOR', 'SENIOR_MANAGER'] as const;
export type CompanyOfficerRole = (typeof COMPANY_OFFICER_ROLES)[number];

/** A person's office in a company, from the market regulator's registration data. */
export interface CompanyOfficerDoc {
  _id: string;
  personId: string;
  companyName: string;
  unifiedSocialCreditCode: string;
  role: CompanyOfficerRole;
  since: string;
  /** Last day in the office; null while the person holds it. */
  until?: string | null;
  legalBasis: string;
  collectedAt: Date;
  /** An open objection to the office (companyOfficeObjectionFields). */
  underObjection?: string | null;
  /** The day an objection's decision took the office off. */
  removedOn?: string | null;
}

/** Display order of a person's offices: most recent first, then id. */
export const COMPANY_OFFICER_ORDER = { personId: 1, since: -1, _id: 1 } as const;

const companyOfficerSchema = new Schema<CompanyOfficerDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    companyName: { type: String, required: true },
    unifiedSocialCreditCode: unifiedSocialCreditCodeField,
    role: { type: String, required: true, enum: COMPANY_OFFICER_ROLES },
    since: calendarDateField(true),
    until: calendarDateField(false),
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
    ...companyOfficeObjectionFields,
  },
  { collection: 'company_officers', versionKey: false },
);
companyOfficerSchema.index(COMPANY_OFFICER_ORDER);
// A company's listing finds its officers by its code.
companyOfficerSchema.index({ unifiedSocialCreditCode: 1 });

export function companyOfficerModel(conn: Connection) {
  return conn.model<CompanyOfficerDoc>('CompanyOfficer', companyOfficerSchema);
}
