import { Schema, type Connection } from 'mongoose';

/**
 * An institution registered with the platform (a bank, an employer, a
 * landlord, a credit agency), keyed by its unified social credit code
 * (GB 32100). Consents name the institution by code; its name in consents
 * and in the query log is the registered one, never text a data subject
 * typed. Registered by platform reviewers.
 */
export interface InstitutionDoc {
  _id: string;
  name: string;
  registeredAt: Date;
  registeredBy: string;
}

const institutionSchema = new Schema<InstitutionDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true, minlength: 2, maxlength: 100 },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
  },
  { collection: 'institutions', versionKey: false },
);

export function institutionModel(conn: Connection) {
  return conn.model<InstitutionDoc>('Institution', institutionSchema);
}
