import { Schema, type Connection } from 'mongoose';

import { positiveRecordSourceFields, type PositiveRecordSourceFields } from './positive-record';

/** A charitable donation, as receipted by the recipient. */
export interface CharityRecordDoc extends PositiveRecordSourceFields {
  _id: string;
  personId: string;
  recipientOrganisation: string;
  amountYuan: number;
  donatedOn: string;
  receiptNumber: string;
}

/** Display order of a person's donations: most recent first. */
export const CHARITY_RECORD_ORDER = { personId: 1, donatedOn: -1, _id: 1 } as const;

const charityRecordSchema = new Schema<CharityRecordDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    recipientOrganisation: { type: String, required: true },
    amountYuan: { type: Number, required: true, min: 0 },
    donatedOn: { type: String, required: true },
    receiptNumber: { type: String, required: true },
    ...positiveRecordSourceFields,
  },
  { collection: 'charity_records', versionKey: false },
);
charityRecordSchema.index(CHARITY_RECORD_ORDER);

export function charityRecordModel(conn: Connection) {
  return conn.model<CharityRecordDoc>('CharityRecord', charityRecordSchema);
}
