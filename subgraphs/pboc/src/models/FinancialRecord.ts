import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const FINANCIAL_CATEGORIES = ['LOAN_OVERDUE', 'LOAN_DEFAULT', 'MALICIOUS_DEBT_EVASION', 'ILLEGAL_FUND_RAISING'] as const;
export type FinancialCategory = (typeof FINANCIAL_CATEGORIES)[number];

export const LOAN_PRODUCTS = ['MORTGAGE', 'CONSUMER', 'CREDIT_CARD', 'BUSINESS', 'STUDENT'] as const;
export type LoanProduct = (typeof LOAN_PRODUCTS)[number];

/**
 * A financial negative record. The four categories share one collection so
 * that all of a person's records are one command; the fields each category
 * needs are required by category. `actEndedOn` is the day the dishonest act
 * ended, from which PBoC art. 16 counts the 5 years of retention: the
 * settlement for overdue and default records (null while unsettled), the
 * decision date for the others.
 */
export interface FinancialRecordDoc extends NegativeRecordDoc {
  category: FinancialCategory;
  amountYuan: number;
  actEndedOn?: string | null;
  lender?: string | null;
  product?: LoanProduct | null;
  daysOverdue?: number | null;
  overdueFrom?: string | null;
  defaultedOn?: string | null;
  settledOn?: string | null;
  description?: string | null;
  scheme?: string | null;
  victims?: number | null;
}

export type OverdueRecordDoc = FinancialRecordDoc & {
  category: 'LOAN_OVERDUE';
  lender: string;
  product: LoanProduct;
  daysOverdue: number;
  overdueFrom: string;
};
export type LoanDefaultDoc = FinancialRecordDoc & { category: 'LOAN_DEFAULT'; lender: string; product: LoanProduct; defaultedOn: string };
export type MaliciousDebtEvasionDoc = FinancialRecordDoc & { category: 'MALICIOUS_DEBT_EVASION'; lender: string; description: string; actEndedOn: string };
export type IllegalFundRaisingDoc = FinancialRecordDoc & { category: 'ILLEGAL_FUND_RAISING'; scheme: string; victims: number; actEndedOn: string };

/** The document type of each category. */
export interface FinancialRecordsByCategory {
  LOAN_OVERDUE: OverdueRecordDoc;
  LOAN_DEFAULT: LoanDefaultDoc;
  MALICIOUS_DEBT_EVASION: MaliciousDebtEvasionDoc;
  ILLEGAL_FUND_RAISING: IllegalFundRaisingDoc;
}

/** The records of one category, in their original order. */
export function ofCategory<C extends FinancialCategory>(records: readonly FinancialRecordDoc[], category: C): FinancialRecordsByCategory[C][] {
  return records.filter((r): r is FinancialRecordsByCategory[C] => r.category === category);
}

function requiredFor(...categories: FinancialCategory[]) {
  return function (this: FinancialRecordDoc) {
    return categories.includes(this.category);
  };
}

const financialRecordSchema = new Schema<FinancialRecordDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('PBOC', 'FINANCIAL_RECORD') },
    amountYuan: { type: Number, required: true, min: 0 },
    actEndedOn: { type: String, default: null, required: requiredFor('MALICIOUS_DEBT_EVASION', 'ILLEGAL_FUND_RAISING') },
    lender: { type: String, default: null, required: requiredFor('LOAN_OVERDUE', 'LOAN_DEFAULT', 'MALICIOUS_DEBT_EVASION') },
    product: { type: String, default: null, enum: LOAN_PRODUCTS, required: requiredFor('LOAN_OVERDUE', 'LOAN_DEFAULT') },
    daysOverdue: { type: Number, default: null, min: 1, required: requiredFor('LOAN_OVERDUE') },
    overdueFrom: { type: String, default: null, required: requiredFor('LOAN_OVERDUE') },
    defaultedOn: { type: String, default: null, required: requiredFor('LOAN_DEFAULT') },
    settledOn: { type: String, default: null },
    description: { type: String, default: null, required: requiredFor('MALICIOUS_DEBT_EVASION') },
    scheme: { type: String, default: null, required: requiredFor('ILLEGAL_FUND_RAISING') },
    victims: { type: Number, default: null, min: 1, required: requiredFor('ILLEGAL_FUND_RAISING') },
  },
  { collection: 'financial_records', versionKey: false },
);
addNegativeRecordIndexes(financialRecordSchema);

// A settled overdue or default ends on its settlement; keeping the two equal
// here means the retention period cannot drift from the repayment.
financialRecordSchema.pre('validate', function () {
  if ((this.category === 'LOAN_OVERDUE' || this.category === 'LOAN_DEFAULT') && (this.actEndedOn ?? null) !== (this.settledOn ?? null)) {
    this.invalidate('actEndedOn', `the act of a ${this.category} record ends when it is settled (settledOn ${this.settledOn ?? 'null'})`, this.actEndedOn);
  }
});

export function financialRecordModel(conn: Connection) {
  return conn.model<FinancialRecordDoc>('FinancialRecord', financialRecordSchema);
}
