import { paginate } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { issueCreditReport, verifyCreditReport } from '../issue';

export const resolvers: Resolvers = {
  Query: {
    verifyCreditReport: (_parent, args, ctx) => verifyCreditReport(ctx, args),
  },
  Mutation: {
    // The report is read from the platform's own schema as served, rules and all.
    issueCreditReport: (_parent, _args, ctx, info) => issueCreditReport(ctx, info.schema),
  },
  Person: {
    creditReports: async ({ id }, args, { loaders }) => paginate(await loaders.creditReportsBySubject.load(id), args, (doc) => doc._id),
  },
  CreditReport: {
    number: (doc) => doc._id,
  },
};
