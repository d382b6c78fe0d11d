import { Schema, type Connection } from 'mongoose';

/**
 * One bucket-day of the 双公示 feed (disclosure/feed-index.ts), under the
 * feed's key (`PENALTY/areaCode:510703/2026-12-01`, the bucket of all
 * records also with its shard): the rows of the published-records index it
 * holds, each packed as one JSON string under a field named by the row's
 * id. A page reads a few of these by id instead of a few dozen rows: the
 * embedded FerretDB spends its time decoding what it returns, about 0.02 ms
 * a field, and a packed row is one field where the row is twenty.
 *
 * Written (each row's field set or unset) before the row itself, so that a
 * bucket is never behind the rows: a re-derivation that finds a row
 * unchanged finds its buckets so too. Never removed; a bucket whose rows
 * all left is an empty lookup.
 */
export interface FeedBucketDoc {
  _id: string;
  rows: Record<string, string>;
}

const feedBucketSchema = new Schema<FeedBucketDoc>(
  {
    _id: { type: String, required: true },
    rows: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'feed_buckets', versionKey: false, minimize: false },
);

export function feedBucketModel(conn: Connection) {
  return conn.model<FeedBucketDoc>('FeedBucket', feedBucketSchema);
}
