import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/** A violation of law or discipline and its administrative penalty. */
export interface ViolationDoc extends NegativeRecordDoc {
  description: string;
  penalty: string;
}

const violationSchema = new Schema<ViolationDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('PUBLIC_SECURITY', 'VIOLATION') },
    description: { type: String, required: true },
    penalty: { type: String, required: true },
  },
  { collection: 'violations', versionKey: false },
);
addNegativeRecordIndexes(violationSchema);

export function violationModel(conn: Connection) {
  return conn.model<ViolationDoc>('Violation', violationSchema);
}
