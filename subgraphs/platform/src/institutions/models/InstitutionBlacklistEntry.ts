import { Schema, type Connection } from 'mongoose';

/**
 * An institution on the misconduct blacklist (MISSION rule 12), keyed by its
 * unified social credit code. Lifting keeps the entry (with `liftedAt`) so
 * the history stays; blacklisting again is an atomic upsert.
 */
export interface InstitutionBlacklistEntryDoc {
  _id: string;
  /** A ground of the policy's `institutionMisconduct.grounds` (absent on entries made before grounds were recorded). */
  ground?: string | null;
  reason: string;
  since: Date;
  liftedAt?: Date | null;
  decidedBy: string;
}

const institutionBlacklistSchema = new Schema<InstitutionBlacklistEntryDoc>(
  {
    _id: { type: String, required: true },
    ground: { type: String, default: null },
    reason: { type: String, required: true },
    since: { type: Date, required: true },
    liftedAt: { type: Date, default: null },
    decidedBy: { type: String, required: true },
  },
  { collection: 'institution_blacklist', versionKey: false },
);
// The published blacklist: the entries in force, most recent first.
institutionBlacklistSchema.index({ liftedAt: 1, since: -1 });

export function institutionBlacklistModel(conn: Connection) {
  return conn.model<InstitutionBlacklistEntryDoc>('InstitutionBlacklistEntry', institutionBlacklistSchema);
}
