import { isDuplicateKeyError } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * One document per decision taken (an objection's or a repair's). Inserting
 * it is how a decider claims the decision: the unique `_id` lets exactly one
 * insert succeed, which holds on FerretDB too, where a conditional
 * findOneAndUpdate is not atomic against a concurrent one.
 */
export interface DecisionClaimDoc {
  _id: string;
  decidedBy: string;
  at: Date;
}

const decisionClaimSchema = new Schema<DecisionClaimDoc>(
  {
    _id: { type: String, required: true },
    decidedBy: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'decision_claims', versionKey: false },
);

export function decisionClaimModel(conn: Connection) {
  return conn.model<DecisionClaimDoc>('DecisionClaim', decisionClaimSchema);
}

/** Claims the decision `key`; false when someone else already has. */
export async function claimDecision(model: ReturnType<typeof decisionClaimModel>, key: string, decidedBy: string): Promise<boolean> {
  try {
    await model.create({ _id: key, decidedBy, at: new Date() });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
