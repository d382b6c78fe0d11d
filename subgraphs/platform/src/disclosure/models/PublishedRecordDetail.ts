import { Schema, type Connection } from 'mongoose';

/**
 * The department's whole record behind a row of the published-records index
 * (same `_id`), as the department keeps it (its dates as JSON strings):
 * Person.administrativePenalties and administrativeLicences serve it with
 * the department's own rules (shared/src/double-publicity.ts). Written
 * before its row and removed after it, so a row always has its detail.
 */
export interface PublishedRecordDetailDoc {
  _id: string;
  record: Record<string, unknown>;
}

const publishedRecordDetailSchema = new Schema<PublishedRecordDetailDoc>(
  {
    _id: { type: String, required: true },
    record: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'published_record_details', versionKey: false, minimize: false },
);

export function publishedRecordDetailModel(conn: Connection) {
  return conn.model<PublishedRecordDetailDoc>('PublishedRecordDetail', publishedRecordDetailSchema);
}
