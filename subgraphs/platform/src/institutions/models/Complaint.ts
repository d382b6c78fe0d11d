import { Schema, type Connection } from 'mongoose';

export const COMPLAINT_STATUSES = ['FILED', 'UPHELD', 'DISMISSED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * A person's complaint about an institution's use of their data (seed
 * 二(三)一; issue: a query they did not consent to, a purpose they
 * dispute). A platform reviewer decides it by `dueOn`, through the decision
 * claim (one decision wins); upheld, it counts towards the institution's
 * misconduct (misconduct.ts).
 */
export interface ComplaintDoc {
  _id: string;
  personId: string;
  institutionId: string;
  /** A ground of the policy's `institutionMisconduct.grounds`. */
  ground: string;
  reason: string;
  /** The query-log entry the person complains of, when they name one (it must be a read of them by this institution). */
  queryLogSequence: number | null;
  status: ComplaintStatus;
  filedAt: Date;
  dueOn: string;
  decidedAt: Date | null;
  decisionReason: string | null;
  reviewerId: string | null;
}

/** Display order of a person's complaints: newest first. */
export const COMPLAINT_ORDER = { personId: 1, filedAt: -1, _id: 1 } as const;

const complaintSchema = new Schema<ComplaintDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    institutionId: { type: String, required: true },
    ground: { type: String, required: true },
    reason: { type: String, required: true },
    queryLogSequence: { type: Number, default: null },
    status: { type: String, required: true, enum: [...COMPLAINT_STATUSES], default: 'FILED' },
    filedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    reviewerId: { type: String, default: null },
  },
  { collection: 'complaints', versionKey: false },
);
complaintSchema.index(COMPLAINT_ORDER);
// Reviewers work through open complaints by deadline.
complaintSchema.index({ status: 1, dueOn: 1, _id: 1 });
// An institution's upheld complaints of a period (misconduct.ts).
complaintSchema.index({ institutionId: 1, status: 1, decidedAt: -1 });

export function complaintModel(conn: Connection) {
  return conn.model<ComplaintDoc>('Complaint', complaintSchema);
}
