import { Schema, type Connection } from 'mongoose';

import { CONSENT_PURPOSES, type ConsentPurpose } from '../../consents/models/Consent';
import type { Seal } from '../seal';

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
  /** Field groups served. */
  fieldGroups: string[];
  /** Field groups asked for and refused (FORBIDDEN, CONSENT_REQUIRED). */
  deniedFieldGroups?: string[];
  outcome: QueryOutcome;
  at: Date;
  prevHash?: string | null;
  hash: string;
  /** Where the entry is found by each key it is read by (log-index.ts); not part of the hash. */
  pageKeys?: string[];
  /**
   * On the last entry of each batch the platform appended: its signature
   * over the batch's positions and this entry's hash (seal.ts).
   * Not part of the hash, which it signs.
   */
  seal?: Seal | null;
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
    deniedFieldGroups: { type: [String], default: [] },
    outcome: { type: String, required: true, enum: [...QUERY_OUTCOMES] },
    at: { type: Date, required: true },
    prevHash: { type: String, default: null },
    hash: { type: String, required: true },
    pageKeys: { type: [String], default: [] },
    seal: {
      type: new Schema(
        { from: { type: Number, required: true }, keyId: { type: String, required: true }, signature: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: 'query_log', versionKey: false },
);
queryLogEntrySchema.index({ sequence: 1 }, { unique: true });
// Every read by person, institution or of the whole log goes through this (log-index.ts).
queryLogEntrySchema.index({ pageKeys: 1 });
queryLogEntrySchema.index(QUERY_LOG_ORDER);
// No index on `subjects`: FerretDB indexes an array as one value, and a batch
// of thousands of IDs exceeds PostgreSQL's index row size (MongoDB would
// build a multikey index; add it there when running on MongoDB).
// Partners reconcile their own queries against the log, institution by institution.
queryLogEntrySchema.index({ 'institution.id': 1, sequence: -1 });
forbidChanges(queryLogEntrySchema, 'query_log');

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

/**
 * An update or a delete would silently break the chain: entries (and
 * checkpoints) are only ever inserted. The model refuses every other write,
 * so no code path of ours can change the log; `verify-log` catches changes
 * made around it, in the database itself. The one exception is the
 * retention archiver (archive.ts), which removes entries past the policy's
 * retention from the live collection through the driver, and only once
 * they are stored, verified, in the archive that continues the chain.
 */
export function forbidChanges(schema: Schema, collection: string): void {
  const refuse = () => {
    throw new Error(`${collection} is append-only: entries cannot be updated, replaced or deleted`);
  };
  schema.pre(['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteMany', 'findOneAndDelete'], refuse);
  schema.pre('deleteOne', { document: true, query: true }, refuse);
}

/** A signed checkpoint of the chain head, kept in a database apart from the chain. */
export interface QueryLogCheckpointDoc {
  /** The checkpointed position. */
  _id: number;
  sequence: number;
  hash: string;
  at: Date;
  keyId: string;
  signature: string;
}

const queryLogCheckpointSchema = new Schema<QueryLogCheckpointDoc>(
  {
    _id: { type: Number, required: true },
    sequence: { type: Number, required: true },
    hash: { type: String, required: true },
    at: { type: Date, required: true },
    keyId: { type: String, required: true },
    signature: { type: String, required: true },
  },
  { collection: 'query_log_checkpoints', versionKey: false },
);
forbidChanges(queryLogCheckpointSchema, 'query_log_checkpoints');

/** The database of the checkpoints: beside the platform's, never inside it. */
export function checkpointDatabaseName(platformDatabase: string): string {
  return `${platformDatabase}_audit`;
}

/**
 * The checkpoints model, on the platform connection's server but in the
 * audit database (in production, give the platform an account that may only
 * insert and read there).
 */
export function queryLogCheckpointModel(conn: Connection) {
  const audit = conn.useDb(checkpointDatabaseName(conn.name), { useCache: true });
  return audit.model<QueryLogCheckpointDoc>('QueryLogCheckpoint', queryLogCheckpointSchema);
}

/** One page of the log that holds entries of one key (log-index.ts). */
export interface QueryLogPageDoc {
  /** The page key (hash of key and page). */
  _id: string;
  /** The key's digest. */
  key: string;
  page: number;
}

const queryLogPageSchema = new Schema<QueryLogPageDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    page: { type: Number, required: true },
  },
  { collection: 'query_log_pages', versionKey: false },
);
queryLogPageSchema.index({ key: 1 });

export function queryLogPageModel(conn: Connection) {
  return conn.model<QueryLogPageDoc>('QueryLogPage', queryLogPageSchema);
}

/** Facts about the log itself: `indexedFrom`, the first position written with page keys. */
export interface QueryLogMetaDoc {
  _id: 'indexedFrom';
  sequence: number;
}

const queryLogMetaSchema = new Schema<QueryLogMetaDoc>(
  { _id: { type: String, required: true }, sequence: { type: Number, required: true } },
  { collection: 'query_log_meta', versionKey: false },
);

export function queryLogMetaModel(conn: Connection) {
  return conn.model<QueryLogMetaDoc>('QueryLogMeta', queryLogMetaSchema);
}
