import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/** A negative record of __label__; its category is one of the bureau's in the credit policy. */
export interface __Stem__RecordDoc extends NegativeRecordDoc {
  description: string;
}

const recordSchema = new Schema<__Stem__RecordDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('__CODE__', '__CODE___RECORD') },
    description: { type: String, required: true },
  },
  { collection: '__collection___records', versionKey: false },
);
addNegativeRecordIndexes(recordSchema);

export function recordModel(conn: Connection) {
  return conn.model<__Stem__RecordDoc>('__Stem__Record', recordSchema);
}
