import { Schema, type Connection } from 'mongoose';

export const ENFORCEMENT_STATUSES = ['PENDING', 'CONCLUDED', 'TERMINATED'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/** An enforcement case in which the person is the judgment debtor. */
export interface EnforcementCaseDoc {
  _id: string;
  personId: string;
  caseNumber: string;
  court: string;
  cause: string;
  filedOn: string;
  amountYuan: number;
  status: EnforcementStatus;
  concludedOn?: string | null;
  legalBasis: string;
  collectedAt: Date;
}

/** Display order of a person's cases: newest filing first, then id. */
export const ENFORCEMENT_CASE_ORDER = { personId: 1, filedOn: -1, _id: 1 } as const;

const enforcementCaseSchema = new Schema<EnforcementCaseDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    court: { type: String, required: true },
    cause: { type: String, required: true },
    filedOn: { type: String, required: true },
    amountYuan: { type: Number, required: true, min: 0 },
    status: { type: String, required: true, enum: ENFORCEMENT_STATUSES },
    // A pending case has no end date; a closed one must have one.
    concludedOn: {
      type: String,
      default: null,
      required: function (this: EnforcementCaseDoc) {
        return this.status !== 'PENDING';
      },
    },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'enforcement_cases', versionKey: false },
);
enforcementCaseSchema.index(ENFORCEMENT_CASE_ORDER);
enforcementCaseSchema.index({ caseNumber: 1 });

export function enforcementCaseModel(conn: Connection) {
  return conn.model<EnforcementCaseDoc>('EnforcementCase', enforcementCaseSchema);
}
