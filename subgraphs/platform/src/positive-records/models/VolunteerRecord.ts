import { Schema, type Connection } from 'mongoose';

import { positiveRecordSourceFields, type PositiveRecordSourceFields } from './positive-record';

/** Volunteer service, as recorded by the volunteer organisation. */
export interface VolunteerRecordDoc extends PositiveRecordSourceFields {
  _id: string;
  personId: string;
  organisation: string;
  activity: string;
  hours: number;
  servedOn: string;
}

/** Display order of a person's volunteer records: most recent service first. */
export const VOLUNTEER_RECORD_ORDER = { personId: 1, servedOn: -1, _id: 1 } as const;

const volunteerRecordSchema = new Schema<VolunteerRecordDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    organisation: { type: String, required: true },
    activity: { type: String, required: true },
    hours: { type: Number, required: true, min: 0 },
    servedOn: { type: String, required: true },
    ...positiveRecordSourceFields,
  },
  { collection: 'volunteer_records', versionKey: false },
);
volunteerRecordSchema.index(VOLUNTEER_RECORD_ORDER);

export function volunteerRecordModel(conn: Connection) {
  return conn.model<VolunteerRecordDoc>('VolunteerRecord', volunteerRecordSchema);
}
