import { Schema, type Connection } from 'mongoose';

/** Summary of a person's credit accounts from the latest credit report, keyed by citizen ID. */
export interface LoansSummaryDoc {
  _id: string;
  openLoans: number;
  totalBalanceYuan: number;
  creditCards: number;
  oldestAccountOpenedOn?: string | null;
  reportedOn: string;
  legalBasis: string;
  collectedAt: Date;
}

const loansSummarySchema = new Schema<LoansSummaryDoc>(
  {
    _id: { type: String, required: true },
    openLoans: { type: Number, required: true, min: 0 },
    totalBalanceYuan: { type: Number, required: true, min: 0 },
    creditCards: { type: Number, required: true, min: 0 },
    // A person with any account in use has an oldest account.
    oldestAccountOpenedOn: {
      type: String,
      default: null,
      required: function (this: LoansSummaryDoc) {
        return this.openLoans > 0 || this.creditCards > 0;
      },
    },
    reportedOn: { type: String, required: true },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'loans_summaries', versionKey: false },
);

export function loansSummaryModel(conn: Connection) {
  return conn.model<LoansSummaryDoc>('LoansSummary', loansSummarySchema);
}
