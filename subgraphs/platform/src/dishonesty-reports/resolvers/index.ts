import type { Resolvers } from '../../generated/graphql';
import { decideDishonestyReport, dishonestyReports, dishonestyReportStatus, reportDishonesty, startDishonestyReportReview } from '../reports';

export const resolvers: Resolvers = {
  Query: {
    dishonestyReportStatus: (_parent, { receipt }, ctx) => dishonestyReportStatus(ctx, receipt),
    dishonestyReports: (_parent, args, ctx) => dishonestyReports(ctx, args),
  },
  Mutation: {
    reportDishonesty: (_parent, { report }, ctx) => reportDishonesty(ctx, report),
    startDishonestyReportReview: (_parent, { id }, ctx) => startDishonestyReportReview(ctx, id),
    decideDishonestyReport: (_parent, args, ctx) => decideDishonestyReport(ctx, args),
  },
  DishonestyReport: {
    id: (doc) => doc._id,
  },
  DishonestyReportStatus: {
    receivedAt: (doc) => doc.receivedAt,
  },
};
