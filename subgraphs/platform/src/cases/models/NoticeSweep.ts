import { Schema, type Connection } from 'mongoose';

/** How far a time-driven sweep of notices has gone (window-ends.ts): the last city day swept. */
export interface NoticeSweepDoc {
  _id: string;
  through: string;
}

const noticeSweepSchema = new Schema<NoticeSweepDoc>(
  {
    _id: { type: String, required: true },
    through: { type: String, required: true },
  },
  { collection: 'notice_sweeps', versionKey: false },
);

export function noticeSweepModel(conn: Connection) {
  return conn.model<NoticeSweepDoc>('NoticeSweep', noticeSweepSchema);
}
