import { addNegativeRecordIndexes, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * A broken credit commitment as a negative record of the platform
 * (category BROKEN_CREDIT_COMMITMENT): shown, disputed, repaired, used in
 * the evaluation and deleted past retention like any department's record.
 * The platform writes it when the commitment's receiver reports the
 * commitment broken.
 */
export interface BrokenCommitmentRecordDoc extends NegativeRecordDoc {
  commitmentId: string;
  /** The day the commitment was broken. */
  brokenOn: string;
  /** The receiver's account of the breach, in its words. */
  reason: string;
}

const brokenCommitmentRecordSchema = new Schema<BrokenCommitmentRecordDoc>(
  {
    ...negativeRecordFields,
    commitmentId: { type: String, required: true },
    brokenOn: { type: String, required: true },
    reason: { type: String, required: true },
  },
  { collection: 'broken_commitment_records', versionKey: false },
);
addNegativeRecordIndexes(brokenCommitmentRecordSchema);

export function brokenCommitmentRecordModel(conn: Connection) {
  return conn.model<BrokenCommitmentRecordDoc>('BrokenCommitmentRecord', brokenCommitmentRecordSchema);
}
