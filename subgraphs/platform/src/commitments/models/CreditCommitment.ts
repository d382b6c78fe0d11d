import { Schema, type Connection } from 'mongoose';

export const COMMITMENT_KINDS = ['EMPLOYMENT', 'NOTIFICATION_COMMITMENT', 'MISSING_DOCUMENTS', 'REPAIR'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** What the receiver reported of a broken commitment, and the negative record the platform wrote for it. */
export interface BrokenCommitmentReport {
  /** The day the commitment was broken (within it). */
  on: string;
  reason: string;
  reportedAt: Date;
  /** Staff identifier (or organisation) of whoever reported it for the receiver. */
  reportedBy: string;
  /** The BROKEN_CREDIT_COMMITMENT record written for it. */
  recordId: string;
}

/**
 * A credit commitment (信用承诺, seed 二(一)四): what the person promised,
 * to whom, from when until when. Written once; its receiver may report it
 * broken once (the report is claimed by a DecisionClaim, then set).
 */
export interface CreditCommitmentDoc {
  _id: string;
  personId: string;
  kind: CommitmentKind;
  /** The receiver: an institution's unified social credit code (EMPLOYMENT) or a bureau code. */
  receiverId: string;
  /** The receiver's registered name, or the department's. */
  receiverName: string;
  content: string;
  signedOn: string;
  /** Last day it runs. */
  until: string;
  /** The repair application a REPAIR commitment follows; null otherwise. */
  repairId: string | null;
  broken: BrokenCommitmentReport | null;
  createdAt: Date;
}

/** Display order of a person's commitments: newest first. */
export const COMMITMENT_ORDER = { personId: 1, createdAt: -1, _id: 1 } as const;

const brokenReportSchema = new Schema<BrokenCommitmentReport>(
  {
    on: { type: String, required: true },
    reason: { type: String, required: true },
    reportedAt: { type: Date, required: true },
    reportedBy: { type: String, required: true },
    recordId: { type: String, required: true },
  },
  { _id: false },
);

const creditCommitmentSchema = new Schema<CreditCommitmentDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    kind: { type: String, required: true, enum: [...COMMITMENT_KINDS] },
    receiverId: { type: String, required: true },
    receiverName: { type: String, required: true },
    content: { type: String, required: true },
    signedOn: { type: String, required: true },
    until: { type: String, required: true },
    repairId: { type: String, default: null },
    broken: { type: brokenReportSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'credit_commitments', versionKey: false },
);
creditCommitmentSchema.index(COMMITMENT_ORDER);
// A receiver lists the commitments made to it.
creditCommitmentSchema.index({ receiverId: 1, signedOn: -1 });
// One commitment per approved repair.
creditCommitmentSchema.index({ repairId: 1 });

export function creditCommitmentModel(conn: Connection) {
  return conn.model<CreditCommitmentDoc>('CreditCommitment', creditCommitmentSchema);
}
