import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, unifiedSocialCreditCodeField, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { COMPANY_ROLES, type CompanyRole } from './CompanyRepresentation';

/** A record of the person as responsible person of a company listed as a dishonest judgment debtor. */
export interface CompanyDishonestyRecordDoc extends NegativeRecordDoc {
  companyName: string;
  unifiedSocialCreditCode: string;
  role: CompanyRole;
  caseNumber: string;
}

const companyDishonestyRecordSchema = new Schema<CompanyDishonestyRecordDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('COURTS', 'COMPANY_DISHONESTY_RECORD') },
    companyName: { type: String, required: true },
    unifiedSocialCreditCode: unifiedSocialCreditCodeField,
    role: { type: String, required: true, enum: COMPANY_ROLES },
    caseNumber: { type: String, required: true },
  },
  { collection: 'company_dishonesty_records', versionKey: false },
);
addNegativeRecordIndexes(companyDishonestyRecordSchema);

export function companyDishonestyRecordModel(conn: Connection) {
  return conn.model<CompanyDishonestyRecordDoc>('CompanyDishonestyRecord', companyDishonestyRecordSchema);
}
