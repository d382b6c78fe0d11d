import type { Bureau } from '@credit/shared';

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
 * A person's credit evaluation (MISSION rule 11). It is not stored: it is
 * computed when read (evaluation.ts) from the facts the platform holds, so a
 * record leaving its display period stops counting without a batch job.
 */
export interface CreditEvaluationDoc {
  /** Citizen ID. */
  _id: string;
  grade: CreditGrade;
  score: number;
  factors: EvaluationFactorDoc[];
  evaluatedAt: Date;
  policyVersion: string;
}
