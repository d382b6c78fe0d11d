import { Schema, type Connection } from 'mongoose';

/**
 * The directory of the 双公示 feed's buckets (disclosure/feed-index.ts), one
 * document per list: under a bucket's id (`PENALTY/bureau:TAX`), the months
 * that hold its records; under a bucket's month (`PENALTY/bureau:TAX#2026-11`),
 * the days. Read by id, written (an `$addToSet`) before the records it
 * announces; it never shrinks. Also holds the markers of the index's
 * one-time migrations (`migration:…`).
 */
export interface FeedDirectoryDoc {
  _id: string;
  /** Months (YYYY-MM) or days (YYYY-MM-DD), in no order. */
  at: string[];
}

const feedDirectorySchema = new Schema<FeedDirectoryDoc>(
  {
    _id: { type: String, required: true },
    at: { type: [String], required: true },
  },
  { collection: 'feed_directory', versionKey: false },
);

export function feedDirectoryModel(conn: Connection) {
  return conn.model<FeedDirectoryDoc>('FeedDirectory', feedDirectorySchema);
}
