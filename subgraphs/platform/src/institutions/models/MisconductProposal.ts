import { Schema, type Connection } from 'mongoose';

export const PROPOSAL_STATUSES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * The platform's proposal that reviewers blacklist an institution, made
 * when its upheld complaints or the reads refused to it for lack of consent
 * pass the policy's thresholds (`institutionMisconduct.proposal`). Its id is
 * the institution's and the day's: proposing twice a day is one proposal. A
 * reviewer confirms it by blacklisting the institution, or dismisses it.
 */
export interface MisconductProposalDoc {
  _id: string;
  institutionId: string;
  /** The ground proposed (policy `institutionMisconduct.grounds`). */
  ground: string;
  upheldComplaints: number;
  refusedReads: number;
  proposedAt: Date;
  status: ProposalStatus;
  decidedAt: Date | null;
  decisionReason: string | null;
}

const misconductProposalSchema = new Schema<MisconductProposalDoc>(
  {
    _id: { type: String, required: true },
    institutionId: { type: String, required: true },
    ground: { type: String, required: true },
    upheldComplaints: { type: Number, required: true },
    refusedReads: { type: Number, required: true },
    proposedAt: { type: Date, required: true },
    status: { type: String, required: true, enum: [...PROPOSAL_STATUSES], default: 'OPEN' },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
  },
  { collection: 'institution_misconduct_proposals', versionKey: false },
);
misconductProposalSchema.index({ institutionId: 1, status: 1 });
misconductProposalSchema.index({ status: 1, proposedAt: -1 });

export function misconductProposalModel(conn: Connection) {
  return conn.model<MisconductProposalDoc>('MisconductProposal', misconductProposalSchema);
}

/** Reads refused to an institution on one city day for lack of consent: one counter per institution and day. */
export interface RefusedReadCountDoc {
  _id: string;
  institutionId: string;
  day: string;
  count: number;
}

const refusedReadCountSchema = new Schema<RefusedReadCountDoc>(
  {
    _id: { type: String, required: true },
    institutionId: { type: String, required: true },
    day: { type: String, required: true },
    count: { type: Number, required: true },
  },
  { collection: 'institution_refused_reads', versionKey: false },
);
refusedReadCountSchema.index({ institutionId: 1, day: -1 });

export function refusedReadCountModel(conn: Connection) {
  return conn.model<RefusedReadCountDoc>('RefusedReadCount', refusedReadCountSchema);
}
