import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const TAX_TYPES = ['INDIVIDUAL_INCOME_TAX', 'VALUE_ADDED_TAX', 'PROPERTY_TAX', 'URBAN_LAND_USE_TAX', 'DEED_TAX', 'STAMP_DUTY'] as const;
export type TaxType = (typeof TAX_TYPES)[number];

/**
 * Tax due and not paid by its deadline (欠税). Paying in full ends its
 * display: `removedOn` is set to `settledOn`.
 */
export interface TaxArrearsDoc extends NegativeRecordDoc {
  category: 'TAX_ARREARS';
  taxType: TaxType;
  amountYuan: number;
  periodFrom: string;
  periodTo: string;
  settledOn: string | null;
}

const taxArrearsSchema = new Schema<TaxArrearsDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('TAX', 'TAX_ARREARS') },
    taxType: { type: String, required: true, enum: TAX_TYPES },
    amountYuan: { type: Number, required: true, min: 0.01 },
    periodFrom: { type: String, required: true },
    periodTo: { type: String, required: true },
    settledOn: { type: String, default: null },
  },
  { collection: 'tax_arrears', versionKey: false },
);
addNegativeRecordIndexes(taxArrearsSchema);

export function taxArrearsModel(conn: Connection) {
  return conn.model<TaxArrearsDoc>('TaxArrears', taxArrearsSchema);
}
