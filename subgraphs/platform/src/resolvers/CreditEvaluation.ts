import type { CreditEvaluationResolvers } from '../generated/graphql';

export const CreditEvaluation: CreditEvaluationResolvers = {
  // Largest effect first, so the reasons that decided the grade are read first.
  factors: (doc) => [...doc.factors].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)),
};
