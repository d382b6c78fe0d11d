import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const REPAIR_CORRECTIONS = ['OBLIGATION_PERFORMED', 'VOLUNTEER_SERVICE', 'CHARITY'] as const;
export type RepairCorrection = (typeof REPAIR_CORRECTIONS)[number];
export const REPAIR_STATUSES = ['APPLIED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED'] as const;
/** Applications still waiting for a decision. */
export const OPEN_REPAIR_STATUSES = ['APPLIED', 'UNDER_REVIEW'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/**
 * A credit-repair application for one bureau record (MISSION rule 6). The
 * reviewer's decision is one atomic update filtered on `status: 'APPLIED'`
 * and `version`, so two reviewers cannot both decide it.
 */
export interface RepairDoc {
  _id: string;
  personId: string;
  bureau: Bureau;
  recordId: string;
  correction: RepairCorrection;
  statement: string;
  /** Payment vouchers, or ids of the person's volunteer and charity records. */
  evidenceRefs: string[];
  status: RepairStatus;
  appliedAt: Date;
  dueOn: string;
  decidedAt?: Date | null;
  decisionReason?: string | null;
  reviewerId?: string | null;
  /** When a reviewer took the application up (UNDER_REVIEW). */
  reviewStartedAt?: Date | null;
  version: number;
}

/** Display order of a person's applications: newest first. */
export const REPAIR_ORDER = { personId: 1, appliedAt: -1, _id: 1 } as const;

const repairSchema = new Schema<RepairDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    bureau: { type: String, required: true, enum: [...BUREAUS] },
    recordId: { type: String, required: true },
    correction: { type: String, required: true, enum: [...REPAIR_CORRECTIONS] },
    statement: { type: String, required: true },
    evidenceRefs: { type: [String], required: true },
    status: { type: String, required: true, enum: [...REPAIR_STATUSES], default: 'APPLIED' },
    appliedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    reviewerId: { type: String, default: null },
    reviewStartedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'repairs', versionKey: false },
);
repairSchema.index(REPAIR_ORDER);
// Applications are looked up by record: a record should have at most one open application.
repairSchema.index({ bureau: 1, recordId: 1 });
// Reviewers work through open applications by deadline.
repairSchema.index({ status: 1, dueOn: 1 });

export function repairModel(conn: Connection) {
  return conn.model<RepairDoc>('Repair', repairSchema);
}
