import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const OBJECTION_STATUSES = ['FILED', 'UNDER_REVIEW', 'CORRECTED', 'REMOVED', 'UPHELD'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/**
 * A person's dispute of one bureau record (MISSION rule 7). Each step
 * (review starts, decision) is one atomic update filtered on the expected
 * `status` and `version`, so a decision cannot be taken twice or on a
 * withdrawn objection.
 */
export interface ObjectionDoc {
  _id: string;
  personId: string;
  bureau: Bureau;
  recordId: string;
  reason: string;
  status: ObjectionStatus;
  filedAt: Date;
  dueOn: string;
  /** The bureau operator who took it up (UNDER_REVIEW), and when. */
  reviewer?: string | null;
  reviewStartedAt?: Date | null;
  decidedAt?: Date | null;
  decisionReason?: string | null;
  version: number;
}

/** Display order of a person's objections: newest first. */
export const OBJECTION_ORDER = { personId: 1, filedAt: -1, _id: 1 } as const;

const objectionSchema = new Schema<ObjectionDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    bureau: { type: String, required: true, enum: [...BUREAUS] },
    recordId: { type: String, required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true, enum: [...OBJECTION_STATUSES], default: 'FILED' },
    filedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    reviewer: { type: String, default: null },
    reviewStartedAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'objections', versionKey: false },
);
objectionSchema.index(OBJECTION_ORDER);
// Wherever a record is shown it must be flagged while an objection to it is open.
objectionSchema.index({ bureau: 1, recordId: 1 });
// Bureaus and reviewers work through open objections by deadline.
objectionSchema.index({ status: 1, dueOn: 1 });

export function objectionModel(conn: Connection) {
  return conn.model<ObjectionDoc>('Objection', objectionSchema);
}
