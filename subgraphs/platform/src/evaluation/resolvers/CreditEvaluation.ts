import { shownRecordId } from '@credit/shared';

import type { CreditEvaluationResolvers } from '../../generated/graphql';

export const CreditEvaluation: CreditEvaluationResolvers = {
  // Largest effect first, so the reasons that decided the grade are read
  // first. Record ids gathered before ids had to be opaque may name the
  // person: masked as the record itself shows them.
  factors: (doc, _args, ctx) =>
    [...doc.factors]
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
      .map((f) => (f.recordId ? { ...f, recordId: shownRecordId(f.recordId, doc._id, ctx.forwarded) } : f)),
};
