import { Schema, type Connection } from 'mongoose';

/**
 * A credit report the platform issued: the log of its issue (who, when) and
 * what verifying a file needs — never the document, which the person keeps.
 * The signature covers the number, the issue time, the subject and the
 * file's SHA-256 (signing.ts), so a record written into the database
 * without the platform's key is not taken for an issued report.
 */
export interface CreditReportDoc {
  /** The report number printed on it. */
  _id: string;
  subjectId: string;
  issuedAt: Date;
  /** SHA-256 (hex) of the verification code printed on the report; the code itself is not kept. */
  verificationCodeHash: string;
  /** SHA-256 (hex) of the PDF file as issued. */
  sha256: string;
  bytes: number;
  keyId: string;
  signature: string;
}

export const CREDIT_REPORT_ORDER = { subjectId: 1, issuedAt: -1, _id: 1 } as const;

const creditReportSchema = new Schema<CreditReportDoc>(
  {
    _id: { type: String, required: true },
    subjectId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    verificationCodeHash: { type: String, required: true },
    sha256: { type: String, required: true },
    bytes: { type: Number, required: true },
    keyId: { type: String, required: true },
    signature: { type: String, required: true },
  },
  { collection: 'credit_reports', versionKey: false },
);
creditReportSchema.index(CREDIT_REPORT_ORDER);

export function creditReportModel(conn: Connection) {
  return conn.model<CreditReportDoc>('CreditReport', creditReportSchema);
}
