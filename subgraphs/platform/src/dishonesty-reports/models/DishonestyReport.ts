import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const DISHONESTY_REPORT_STATES = ['RECEIVED', 'UNDER_REVIEW', 'ACCEPTED', 'DISMISSED'] as const;
export type DishonestyReportState = (typeof DISHONESTY_REPORT_STATES)[number];
export const OPEN_REPORT_STATES: readonly DishonestyReportState[] = ['RECEIVED', 'UNDER_REVIEW'];

/**
 * A report of a person's dishonest behaviour (举报, seed 二(五)三), routed to
 * the department that records its category. The reporter is not kept with
 * it (their role only): they follow it by a receipt code, of which only the
 * digest is stored. Each step is one conditional update on `state`; the
 * decision goes through the decision claim (one decision wins).
 */
export interface DishonestyReportDoc {
  _id: string;
  /** SHA-256 of the receipt code the reporter holds. */
  receiptDigest: string;
  personId: string;
  category: string;
  bureau: Bureau;
  occurredOn: string;
  account: string;
  evidenceRefs: string[];
  reporterRole: string;
  state: DishonestyReportState;
  receivedAt: Date;
  dueOn: string;
  /** The operator who took it up (UNDER_REVIEW), and when. */
  reviewer: string | null;
  reviewStartedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** The record the department wrote for an accepted report. */
  recordId: string | null;
}

/** The order a department works through its reports: by deadline, oldest first. */
export const DISHONESTY_REPORT_ORDER = { bureau: 1, dueOn: 1, _id: 1 } as const;

const dishonestyReportSchema = new Schema<DishonestyReportDoc>(
  {
    _id: { type: String, required: true },
    receiptDigest: { type: String, required: true },
    personId: { type: String, required: true },
    category: { type: String, required: true },
    bureau: { type: String, required: true, enum: [...BUREAUS] },
    occurredOn: { type: String, required: true },
    account: { type: String, required: true },
    evidenceRefs: { type: [String], required: true },
    reporterRole: { type: String, required: true },
    state: { type: String, required: true, enum: [...DISHONESTY_REPORT_STATES], default: 'RECEIVED' },
    receivedAt: { type: Date, required: true },
    dueOn: { type: String, required: true },
    reviewer: { type: String, default: null },
    reviewStartedAt: { type: Date, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: null },
    recordId: { type: String, default: null },
  },
  { collection: 'dishonesty_reports', versionKey: false },
);
// A receipt names one report.
dishonestyReportSchema.index({ receiptDigest: 1 }, { unique: true });
dishonestyReportSchema.index(DISHONESTY_REPORT_ORDER);
// Reviewers across departments, by deadline.
dishonestyReportSchema.index({ dueOn: 1, _id: 1 });

export function dishonestyReportModel(conn: Connection) {
  return conn.model<DishonestyReportDoc>('DishonestyReport', dishonestyReportSchema);
}
