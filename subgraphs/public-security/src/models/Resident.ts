import { Schema, type Connection } from 'mongoose';

/** A person in the population base (人口基础信息库), keyed by citizen ID. */
export interface ResidentDoc {
  _id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  mobile?: string | null;
  registeredResidence: { areaCode: string; address: string };
  realNameRegistrations: { sector: string; registered: boolean; verifiedOn?: string | null }[];
  legalBasis: string;
  collectedAt: Date;
}

const residentSchema = new Schema<ResidentDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    gender: { type: String, required: true, enum: ['MALE', 'FEMALE'] },
    birthDate: { type: String, required: true },
    mobile: { type: String, default: null },
    registeredResidence: {
      areaCode: { type: String, required: true },
      address: { type: String, required: true },
    },
    realNameRegistrations: [
      {
        _id: false,
        sector: { type: String, required: true },
        registered: { type: Boolean, required: true },
        verifiedOn: { type: String, default: null },
      },
    ],
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'residents', versionKey: false },
);
residentSchema.index({ 'registeredResidence.areaCode': 1 });
// The public search by name (Query.residentsNamed).
residentSchema.index({ name: 1 });

export function residentModel(conn: Connection) {
  return conn.model<ResidentDoc>('Resident', residentSchema);
}
