import { companyOfficeObjectionFields, unifiedSocialCreditCodeField } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const COMPANY_ROLES = ['LEGAL_REPRESENTATIVE', 'PRINCIPAL', 'DIRECTLY_RESPONSIBLE'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/** A company the person represents or is responsible for, as the court's enforcement system knows it. */
export interface CompanyRepresentationDoc {
  _id: string;
  personId: string;
  companyName: string;
  unifiedSocialCreditCode: string;
  role: CompanyRole;
  since: string;
  companyDishonest: boolean;
  legalBasis: string;
  collectedAt: Date;
  /** An open objection to the office (companyOfficeObjectionFields). */
  underObjection?: string | null;
  /** The day an objection's decision took the office off. */
  removedOn?: string | null;
}

/** Display order of a person's representations: most recent first, then id. */
export const COMPANY_REPRESENTATION_ORDER = { personId: 1, since: -1, _id: 1 } as const;

const companyRepresentationSchema = new Schema<CompanyRepresentationDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    companyName: { type: String, required: true },
    unifiedSocialCreditCode: unifiedSocialCreditCodeField,
    role: { type: String, required: true, enum: COMPANY_ROLES },
    since: { type: String, required: true },
    companyDishonest: { type: Boolean, required: true, default: false },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
    ...companyOfficeObjectionFields,
  },
  { collection: 'company_representations', versionKey: false },
);
companyRepresentationSchema.index(COMPANY_REPRESENTATION_ORDER);
companyRepresentationSchema.index({ unifiedSocialCreditCode: 1 });

export function companyRepresentationModel(conn: Connection) {
  return conn.model<CompanyRepresentationDoc>('CompanyRepresentation', companyRepresentationSchema);
}
