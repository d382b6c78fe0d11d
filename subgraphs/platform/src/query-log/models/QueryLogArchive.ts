import { Schema, type Connection } from 'mongoose';

import { checkpointDatabaseName, forbidChanges } from './QueryLogEntry';

/**
 * A segment of the query log past its retention period (policy
 * `queryLog.retentionYears`): consecutive entries, as they were stored,
 * gzipped JSON in one document, keyed by the first position. The chain runs
 * on through it: `prevHash` is the hash of the entry before `from`, and the
 * first live entry after `to` links to `lastHash`, so `verify-log` walks the
 * archive and the live log as one chain. Kept in the audit database, beside
 * the checkpoints, apart from the live log.
 */
export interface QueryLogArchiveSegmentDoc {
  /** The first position (`from`). */
  _id: number;
  from: number;
  to: number;
  count: number;
  prevHash: string | null;
  lastHash: string;
  /** gzip of the JSON array of the entries, in order. */
  entries: Buffer;
  archivedAt: Date;
}

const segmentSchema = new Schema<QueryLogArchiveSegmentDoc>(
  {
    _id: { type: Number, required: true },
    from: { type: Number, required: true },
    to: { type: Number, required: true },
    count: { type: Number, required: true },
    prevHash: { type: String, default: null },
    lastHash: { type: String, required: true },
    entries: { type: Buffer, required: true },
    archivedAt: { type: Date, required: true },
  },
  { collection: 'query_log_archive', versionKey: false },
);
forbidChanges(segmentSchema, 'query_log_archive');

/** How far the archive reaches: the last archived position and its hash (moved forward only). */
export interface QueryLogArchiveHeadDoc {
  _id: 'head';
  to: number;
  lastHash: string | null;
}

const archiveHeadSchema = new Schema<QueryLogArchiveHeadDoc>(
  {
    _id: { type: String, required: true },
    to: { type: Number, required: true },
    lastHash: { type: String, default: null },
  },
  { collection: 'query_log_archive_head', versionKey: false },
);

export function queryLogArchiveModels(conn: Connection) {
  const audit = conn.useDb(checkpointDatabaseName(conn.name), { useCache: true });
  return {
    QueryLogArchiveSegment: audit.model<QueryLogArchiveSegmentDoc>('QueryLogArchiveSegment', segmentSchema),
    QueryLogArchiveHead: audit.model<QueryLogArchiveHeadDoc>('QueryLogArchiveHead', archiveHeadSchema),
  };
}
