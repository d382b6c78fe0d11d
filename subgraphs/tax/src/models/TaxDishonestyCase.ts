import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const TAX_DISHONESTY_CASE_TYPES = [
  'TAX_EVASION',
  'EVADING_RECOVERY_OF_ARREARS',
  'EXPORT_REBATE_FRAUD',
  'TAX_RESISTANCE',
  'FALSE_VAT_INVOICES',
  'FALSE_ORDINARY_INVOICES',
] as const;
export type TaxDishonestyCaseType = (typeof TAX_DISHONESTY_CASE_TYPES)[number];

/** A major tax-dishonesty case (重大税收违法失信案件) and its penalty. */
export interface TaxDishonestyCaseDoc extends NegativeRecordDoc {
  category: 'TAX_DISHONESTY';
  caseType: TaxDishonestyCaseType;
  amountEvadedYuan: number;
  description: string;
  penalty: string;
}

const taxDishonestyCaseSchema = new Schema<TaxDishonestyCaseDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('TAX', 'TAX_DISHONESTY_CASE') },
    caseType: { type: String, required: true, enum: TAX_DISHONESTY_CASE_TYPES },
    amountEvadedYuan: { type: Number, required: true, min: 0 },
    description: { type: String, required: true },
    penalty: { type: String, required: true },
  },
  { collection: 'tax_dishonesty_cases', versionKey: false },
);
addNegativeRecordIndexes(taxDishonestyCaseSchema);

export function taxDishonestyCaseModel(conn: Connection) {
  return conn.model<TaxDishonestyCaseDoc>('TaxDishonestyCase', taxDishonestyCaseSchema);
}
