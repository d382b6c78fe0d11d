import { keyProfessionCodes } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { positiveRecordSourceFields, type PositiveRecordSourceFields } from './positive-record';

/** A key profession (重点职业人群): a code of the policy's `keyProfessions`. */
export type KeyProfession = string;

/** A period of practice in a key profession, reported by its regulator or association. */
export interface PracticeRecordDoc extends PositiveRecordSourceFields {
  _id: string;
  personId: string;
  profession: KeyProfession;
  licenceNumber: string;
  organisation: string;
  from: string;
  /** Null while practising. */
  to?: string | null;
  conductNotes?: string | null;
}

/** Display order of a person's practice records: most recent start first. */
export const PRACTICE_RECORD_ORDER = { personId: 1, from: -1, _id: 1 } as const;

const practiceRecordSchema = new Schema<PracticeRecordDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    profession: { type: String, required: true, enum: keyProfessionCodes() },
    licenceNumber: { type: String, required: true },
    organisation: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, default: null },
    conductNotes: { type: String, default: null },
    ...positiveRecordSourceFields,
  },
  { collection: 'practice_records', versionKey: false },
);
practiceRecordSchema.index(PRACTICE_RECORD_ORDER);

export function practiceRecordModel(conn: Connection) {
  return conn.model<PracticeRecordDoc>('PracticeRecord', practiceRecordSchema);
}
