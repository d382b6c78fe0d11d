import { policy } from '@credit/shared';
import { Query, Schema, type Connection } from 'mongoose';

export const TAX_CREDIT_LEVELS = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditLevel = (typeof TAX_CREDIT_LEVELS)[number];

/** The tax-credit rating (纳税信用评价) of a taxpayer for one tax year. */
export interface TaxCreditRatingDoc {
  _id: string;
  personId: string;
  year: number;
  level: TaxCreditLevel;
  /** Null for level M: a new taxpayer has no score yet. */
  score: number | null;
  /** Set to D directly for a major tax-dishonesty case, whatever the score. */
  directD: boolean;
  ratedOn: string;
  legalBasis: string;
  collectedAt: Date;
}

/** A person's ratings, newest year first. */
export const TAX_CREDIT_ORDER = { personId: 1, year: -1, _id: 1 } as const;

/** The level a score earns under the credit policy's `taxCreditLevels`; no score means a new taxpayer (M). */
export function taxCreditLevelFor(score: number | null): TaxCreditLevel {
  if (score === null) return 'M';
  const bands = [...policy().taxCreditLevels].sort((a, b) => b.minScore - a.minScore);
  const band = bands.find((b) => score >= b.minScore) ?? bands[bands.length - 1];
  return (band?.level ?? 'D') as TaxCreditLevel;
}

type RatingFacts = { level?: unknown; score?: unknown; directD?: unknown };

/**
 * Level, score and direct-D flag of a rating under validation: the
 * document's own, or, when an update validator runs with the query as
 * `this`, what the update sets (a field it does not set is unknown).
 */
function ratingOf(context: unknown): RatingFacts {
  if (context instanceof Query) {
    const update = (context.getUpdate() ?? {}) as RatingFacts & { $set?: RatingFacts };
    const set = update.$set ?? {};
    return {
      level: 'level' in set ? set.level : update.level,
      score: 'score' in set ? set.score : update.score,
      directD: 'directD' in set ? set.directD : update.directD,
    };
  }
  const doc = (context ?? {}) as RatingFacts;
  return { level: doc.level, score: doc.score, directD: doc.directD };
}

// The level is derived from the score, never chosen, except that a major
// tax-dishonesty case sets D directly (State Taxation Administration rules).
// Checked on every path involved, so that an update of one alone is refused.
function consistentRating(this: unknown): boolean {
  const { level, score, directD } = ratingOf(this);
  if (level === undefined || score === undefined) return false;
  return level === taxCreditLevelFor(score as number | null) || (level === 'D' && directD === true);
}
const CONSISTENCY = {
  validator: consistentRating,
  message: 'tax-credit level must be the one the score earns under the credit policy (M when there is no score), or D set directly',
};

const taxCreditRatingSchema = new Schema<TaxCreditRatingDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    year: { type: Number, required: true, min: 1990 },
    level: { type: String, required: true, enum: TAX_CREDIT_LEVELS, validate: CONSISTENCY },
    score: {
      type: Number,
      default: null,
      min: 0,
      max: 100,
      validate: [{ validator: (score: number | null) => score === null || Number.isInteger(score), message: 'score must be a whole number' }, CONSISTENCY],
    },
    directD: { type: Boolean, required: true, default: false, validate: CONSISTENCY },
    ratedOn: { type: String, required: true },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'tax_credit_ratings', versionKey: false },
);
taxCreditRatingSchema.index(TAX_CREDIT_ORDER);
taxCreditRatingSchema.index({ personId: 1, year: 1 }, { unique: true });

export function taxCreditRatingModel(conn: Connection) {
  return conn.model<TaxCreditRatingDoc>('TaxCreditRating', taxCreditRatingSchema);
}
