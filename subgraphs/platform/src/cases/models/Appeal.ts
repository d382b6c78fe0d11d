import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const APPEAL_CASE_KINDS = ['OBJECTION', 'REPAIR'] as const;
export type AppealCaseKind = (typeof APPEAL_CASE_KINDS)[number];
export const APPEAL_STATUSES = ['FILED', 'OVERTURNED', 'DISMISSED'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/**
 * A person's appeal (申诉, seed 四(二)) against the decision of one of their
 * cases: an objection UPHELD or a repair REJECTED, once per case. Its `_id`
 * is derived from the case, so a second appeal of the same case cannot be
 * stored; a platform reviewer decides it by `dueOn`, through the decision
 * claim (one decision wins).
 */
export interface AppealDoc {
  _id: string;
  personId: string;
  caseKind: AppealCaseKind;
  caseId: string;
  bureau: Bureau;
  recordId: string;
  reason: string;
  status: AppealStatus;
  filedAt: Date;
  dueOn: string;
  decidedAt: Date | null;
  decisionReason: string | null;
  reviewerId: string | null;
}

/** The appeal of a case: at most one. */
export const appealIdOf = (caseId: string) => `APL-${caseId}`;

/** Display order of a person's appeals: newest first. */
export const APPEAL_ORDER = { personId: 1, filedAt: -1, _id: 1 } as const;

const appealSchema = new Schema<AppealDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    caseKind: { type: String, required: true, enum: [...APPEAL_CASE_KINDS] },
    caseId: { type: String, required: true },
    bureau: { type: String, required: true, enum: [...BUREAUS] },
    recordId: { type: String, required: true },
    reason: { type: String, required: true },
    status: { type: String, required: true, enum: [...APPEAL_STATUSES], default: 'FILED' },
    filedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    reviewerId: { type: String, default: null },
  },
  { collection: 'appeals', versionKey: false },
);
appealSchema.index(APPEAL_ORDER);
// Reviewers work through open appeals by deadline.
appealSchema.index({ status: 1, dueOn: 1 });

export function appealModel(conn: Connection) {
  return conn.model<AppealDoc>('Appeal', appealSchema);
}
