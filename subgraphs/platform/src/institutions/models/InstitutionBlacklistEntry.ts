import { Schema, type Connection } from 'mongoose';

export const RESPONSIBLE_ROLES = ['LEGAL_REPRESENTATIVE', 'PRINCIPAL', 'DIRECTLY_RESPONSIBLE'] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

/** A person the blacklisting names as responsible for the institution's misconduct (seed 二(三)一: 机构及其相关责任人). */
export interface ResponsiblePersonDoc {
  personId: string;
  /** The name as the decision gives it. */
  name: string;
  role: ResponsibleRole;
}

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
  /** The people named responsible (absent on entries made before people were named). */
  responsible?: ResponsiblePersonDoc[];
}

const institutionBlacklistSchema = new Schema<InstitutionBlacklistEntryDoc>(
  {
    _id: { type: String, required: true },
    ground: { type: String, default: null },
    reason: { type: String, required: true },
    since: { type: Date, required: true },
    liftedAt: { type: Date, default: null },
    decidedBy: { type: String, required: true },
    responsible: {
      type: [
        {
          _id: false,
          personId: { type: String, required: true },
          name: { type: String, required: true },
          role: { type: String, required: true, enum: [...RESPONSIBLE_ROLES] },
        },
      ],
      default: [],
    },
  },
  { collection: 'institution_blacklist', versionKey: false },
);
// The published blacklist: the entries in force, most recent first.
institutionBlacklistSchema.index({ liftedAt: 1, since: -1 });
// The blacklistings that name a person, for their own record.
institutionBlacklistSchema.index({ 'responsible.personId': 1 });

export function institutionBlacklistModel(conn: Connection) {
  return conn.model<InstitutionBlacklistEntryDoc>('InstitutionBlacklistEntry', institutionBlacklistSchema);
}
