import { Schema, type Connection } from 'mongoose';

/**
 * The version of the published-records index, one document (`_id: 'feed'`):
 * raised after every write that changes a row, read before every page of
 * the feed, so that a platform serving a page it read before knows that no
 * row changed since (disclosure/published-records.ts).
 */
export interface FeedVersionDoc {
  _id: string;
  version: number;
}

const feedVersionSchema = new Schema<FeedVersionDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'feed_version', versionKey: false },
);

export function feedVersionModel(conn: Connection) {
  return conn.model<FeedVersionDoc>('FeedVersion', feedVersionSchema);
}
