import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const POSTPONEMENT_STATUSES = ['APPLIED', 'UNDER_REVIEW', 'GRANTED', 'REFUSED'] as const;
export type PostponementStatus = (typeof POSTPONEMENT_STATUSES)[number];
/** Applications still waiting for a decision. */
export const OPEN_POSTPONEMENT_STATUSES = ['APPLIED', 'UNDER_REVIEW'] as const;

/**
 * An application for more time to perform the obligation behind one record
 * (申请延期, seed 二(三)三), decided by the department that recorded it. The
 * decision is claimed once (DecisionClaim), so two operators cannot both
 * decide it.
 */
export interface PostponementDoc {
  _id: string;
  personId: string;
  bureau: Bureau;
  recordId: string;
  /** The record's credit category (it decides whether a postponement suspends measures). */
  category: string;
  /** Why the person needs more time, in their words. */
  reason: string;
  /** The last day the person asked for. */
  requestedUntil: string;
  /** The last day the department granted (at most the one asked for); null unless GRANTED. */
  grantedUntil: string | null;
  status: PostponementStatus;
  appliedAt: Date;
  dueOn: string;
  reviewStartedAt?: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  reviewerId: string | null;
  version: number;
}

/** Display order of a person's applications: newest first. */
export const POSTPONEMENT_ORDER = { personId: 1, appliedAt: -1, _id: 1 } as const;

const postponementSchema = new Schema<PostponementDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    bureau: { type: String, required: true, enum: [...BUREAUS] },
    recordId: { type: String, required: true },
    category: { type: String, required: true },
    reason: { type: String, required: true },
    requestedUntil: { type: String, required: true },
    grantedUntil: { type: String, default: null },
    status: { type: String, required: true, enum: [...POSTPONEMENT_STATUSES], default: 'APPLIED' },
    appliedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    reviewStartedAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    reviewerId: { type: String, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'postponements', versionKey: false },
);
postponementSchema.index(POSTPONEMENT_ORDER);
// An application is looked up by its record: a record has at most one open application.
postponementSchema.index({ bureau: 1, recordId: 1 });
// Reviewers chase the open applications by deadline.
postponementSchema.index({ status: 1, dueOn: 1 });

export function postponementModel(conn: Connection) {
  return conn.model<PostponementDoc>('Postponement', postponementSchema);
}
