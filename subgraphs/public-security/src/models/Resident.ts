import { isMianyangArea } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/** A person in the population base (人口基础信息库), keyed by citizen ID. */
export interface ResidentDoc {
  _id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  mobile?: string | null;
  /** 户籍: where the household is registered (in Mianyang, or elsewhere for a migrant). */
  registeredResidence: { areaCode: string; address: string };
  /** 居住证: a migrant's residence permit, where they live in Mianyang and until when it is valid; null for anyone else. */
  residencePermit?: ResidencePermitDoc | null;
  realNameRegistrations: { sector: string; registered: boolean; verifiedOn?: string | null }[];
  legalBasis: string;
  collectedAt: Date;
}

export interface ResidencePermitDoc {
  /** The Mianyang county of the residence. */
  areaCode: string;
  address: string;
  issuedOn: string;
  /** Last valid day; a permit is renewed each year (《居住证暂行条例》). */
  validUntil: string;
  issuingAuthority: string;
}

const residencePermitSchema = new Schema<ResidencePermitDoc>(
  {
    areaCode: {
      type: String,
      required: true,
      validate: {
        validator: (v: string) => isMianyangArea(v),
        message: 'residencePermit.areaCode must be a Mianyang county: a permit is issued where the person lives',
      },
    },
    address: { type: String, required: true },
    issuedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    validUntil: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    issuingAuthority: { type: String, required: true },
  },
  { _id: false },
);
residencePermitSchema.path('validUntil').validate(function (this: Partial<ResidencePermitDoc>, validUntil: string) {
  return !this.issuedOn || validUntil >= this.issuedOn;
}, 'residencePermit.validUntil is before its issuedOn');

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
    residencePermit: { type: residencePermitSchema, default: null },
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
