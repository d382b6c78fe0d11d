import { policy, socialCreditCodeProblem, todayInCity } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const CONSENT_PURPOSES = [
  'LOAN',
  'CREDIT_CARD',
  'EMPLOYMENT_SCREENING',
  'TENANCY',
  'LICENSING',
  'INSURANCE',
  'GUARANTEE',
  'SPECIAL_INDUSTRY_EMPLOYMENT',
  'COMPANY_OFFICE_APPOINTMENT',
  'OUTBOUND_TOUR',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED' | 'NOT_YET_VALID';

/**
 * A person's consent to one institution (MISSION rule 3). The status is not
 * stored: it follows from the dates, so it cannot go stale at midnight.
 * Revocation is one atomic update filtered on `revokedAt: null` and
 * `version`, so two revocations, or a revocation racing an amendment, cannot
 * both apply.
 */
export interface ConsentDoc {
  _id: string;
  subjectId: string;
  granteeInstitutionId: string;
  granteeInstitutionName: string;
  purpose: ConsentPurpose;
  /** Field-group names of the credit policy. */
  scopes: string[];
  validFrom: string;
  /** Last valid day, inclusive. */
  validUntil: string;
  grantedAt: Date;
  revokedAt?: Date | null;
  version: number;
}

/** Display order of a person's consents: newest grant first. */
export const CONSENT_ORDER = { subjectId: 1, grantedAt: -1, _id: 1 } as const;

/** Where a consent stands on `today` (Asia/Shanghai calendar). */
export function consentStatus(doc: Pick<ConsentDoc, 'validFrom' | 'validUntil' | 'revokedAt'>, today: string = todayInCity()): ConsentStatus {
  // A revocation is recorded when it happens, so it is never in the future.
  if (doc.revokedAt) return 'REVOKED';
  if (today < doc.validFrom) return 'NOT_YET_VALID';
  if (today > doc.validUntil) return 'EXPIRED';
  return 'ACTIVE';
}

const consentSchema = new Schema<ConsentDoc>(
  {
    _id: { type: String, required: true },
    subjectId: { type: String, required: true },
    granteeInstitutionId: {
      type: String,
      required: true,
      validate: {
        validator: (code: string) => socialCreditCodeProblem(code) === null,
        message: (props: { value: unknown }) => `granteeInstitutionId ${String(props.value)}: ${socialCreditCodeProblem(props.value)}`,
      },
    },
    granteeInstitutionName: { type: String, required: true },
    purpose: { type: String, required: true, enum: [...CONSENT_PURPOSES] },
    scopes: {
      type: [String],
      required: true,
      // Scopes are checked against the policy in force when the consent is written, so a consent can never name a group the gateway does not know.
      validate: {
        validator: (scopes: string[]) => scopes.length > 0 && scopes.every((group) => Object.hasOwn(policy().fieldGroups, group)),
        message: (props: { value: unknown }) =>
          `scopes ${JSON.stringify(props.value)} must be a non-empty list of field groups of credit policy ${policy().version}`,
      },
    },
    validFrom: { type: String, required: true },
    validUntil: { type: String, required: true },
    grantedAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'consents', versionKey: false },
);
consentSchema.index(CONSENT_ORDER);
// The authorised-query check looks up the consents one institution holds for one person.
consentSchema.index({ granteeInstitutionId: 1, subjectId: 1 });

export function consentModel(conn: Connection) {
  return conn.model<ConsentDoc>('Consent', consentSchema);
}
