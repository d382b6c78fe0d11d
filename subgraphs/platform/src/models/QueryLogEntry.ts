import { Schema, type Connection } from 'mongoose';

import { CONSENT_PURPOSES, type ConsentPurpose } from './Consent';

export const QUERY_ACTOR_ROLES = ['PUBLIC', 'PARTNER', 'INTERNAL', 'BUREAU', 'REVIEWER', 'AUDITOR', 'SUBJECT'] as const;
export type QueryActorRole = (typeof QUERY_ACTOR_ROLES)[number];
export const QUERY_OUTCOMES = ['SERVED', 'PARTLY_DENIED', 'DENIED'] as const;
export type QueryOutcome = (typeof QUERY_OUTCOMES)[number];

/**
 * One read of a person's data by someone other than the person (MISSION
 * rule 4). The log is one platform-wide chain: `sequence` is unique, so two
 * writers racing for the same position cannot both append (the loser gets
 * E11000 and retries on the new head), and `hash` covers `prevHash`, so an
 * altered or removed entry breaks every hash after it.
 */
export interface QueryLogEntryDoc {
  _id: string;
  sequence: number;
  /** The person read; null for a batch entry, whose people are in `subjects`. */
  personId: string | null;
  /**
   * The people of one batch read (a blacklist check of many IDs): one entry
   * for the whole call instead of one per person. Empty for single reads.
   */
  subjects?: string[];
  actorRole: QueryActorRole;
  actorId?: string | null;
  /** Institution the caller acted for; null for public and internal reads. */
  institution?: { id: string; name: string } | null;
  purpose?: ConsentPurpose | null;
  /** Why an internal system checked the blacklist (batch entries of checks only). */
  checkPurpose?: string | null;
  consentId?: string | null;
  fieldGroups: string[];
  outcome: QueryOutcome;
  at: Date;
  prevHash?: string | null;
  hash: string;
}

/** Display order of a person's log: newest first. */
export const QUERY_LOG_ORDER = { personId: 1, sequence: -1 } as const;

const queryLogEntrySchema = new Schema<QueryLogEntryDoc>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true, min: 0 },
    personId: { type: String, default: null },
    subjects: { type: [String], default: [] },
    actorRole: { type: String, required: true, enum: [...QUERY_ACTOR_ROLES] },
    actorId: { type: String, default: null },
    institution: { type: new Schema({ id: { type: String, required: true }, name: { type: String, required: true } }, { _id: false }), default: null },
    purpose: { type: String, default: null, enum: [...CONSENT_PURPOSES, null] },
    checkPurpose: { type: String, default: null },
    consentId: { type: String, default: null },
    fieldGroups: { type: [String], required: true },
    outcome: { type: String, required: true, enum: [...QUERY_OUTCOMES] },
    at: { type: Date, required: true },
    prevHash: { type: String, default: null },
    hash: { type: String, required: true },
  },
  { collection: 'query_log', versionKey: false },
);
queryLogEntrySchema.index({ sequence: 1 }, { unique: true });
queryLogEntrySchema.index(QUERY_LOG_ORDER);
// No index on `subjects`: FerretDB indexes an array as one value, and a batch
// of thousands of IDs exceeds PostgreSQL's index row size (MongoDB would
// build a multikey index; add it there when running on MongoDB).
// Partners reconcile their own queries against the log, institution by institution.
queryLogEntrySchema.index({ 'institution.id': 1, sequence: -1 });
// An update would silently break the hash chain; entries are only ever inserted
// (and, past the retention period, deleted).
queryLogEntrySchema.pre(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'], function rejectUpdate() {
  throw new Error('query_log is append-only: entries cannot be updated or replaced');
});

export function queryLogEntryModel(conn: Connection) {
  return conn.model<QueryLogEntryDoc>('QueryLogEntry', queryLogEntrySchema);
}

/**
 * The head of the chain: the sequence and hash of the last entry. Appenders
 * read it by `_id` (cheap on any backend) instead of sorting the whole log;
 * a head left behind by a crash is repaired by the next appender.
 */
export interface QueryLogHeadDoc {
  _id: 'head';
  sequence: number;
  hash: string | null;
}

const queryLogHeadSchema = new Schema<QueryLogHeadDoc>(
  {
    _id: { type: String, required: true },
    sequence: { type: Number, required: true },
    hash: { type: String, default: null },
  },
  { collection: 'query_log_head', versionKey: false },
);

export function queryLogHeadModel(conn: Connection) {
  return conn.model<QueryLogHeadDoc>('QueryLogHead', queryLogHeadSchema);
}
