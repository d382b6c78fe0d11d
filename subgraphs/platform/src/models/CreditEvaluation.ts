import { BUREAUS, type Bureau } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/** One factor of an evaluation; `bureau` and `recordId` are null for a rule not tied to one record. */
export interface EvaluationFactorDoc {
  factor: string;
  bureau?: Bureau | null;
  recordId?: string | null;
  effect: number;
  explanation: string;
}

/**
 * A person's current credit evaluation (MISSION rule 11), keyed by citizen
 * ID. A re-evaluation replaces it with one atomic update filtered on
 * `version`, so a slower, older computation cannot overwrite a newer one.
 */
export interface CreditEvaluationDoc {
  /** Citizen ID. */
  _id: string;
  grade: CreditGrade;
  score: number;
  factors: EvaluationFactorDoc[];
  evaluatedAt: Date;
  policyVersion: string;
  version: number;
}

const creditEvaluationSchema = new Schema<CreditEvaluationDoc>(
  {
    _id: { type: String, required: true },
    grade: { type: String, required: true, enum: [...CREDIT_GRADES] },
    score: { type: Number, required: true },
    factors: [
      {
        _id: false,
        factor: { type: String, required: true },
        bureau: { type: String, default: null, enum: [...BUREAUS, null] },
        recordId: { type: String, default: null },
        effect: { type: Number, required: true },
        explanation: { type: String, required: true },
      },
    ],
    evaluatedAt: { type: Date, required: true },
    policyVersion: { type: String, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'credit_evaluations', versionKey: false },
);

export function creditEvaluationModel(conn: Connection) {
  return conn.model<CreditEvaluationDoc>('CreditEvaluation', creditEvaluationSchema);
}
