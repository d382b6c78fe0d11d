import { codedError } from '@credit/shared';
import { allow, rule } from 'graphql-shield';

import type { Context } from '../context';
import type { PlatformDomain } from '../domain';
import { createDishonestyReportsModels, type DishonestyReportsModels } from './models';
import { resolvers } from './resolvers';

// Department operators (of the department a report went to: the resolvers check) read and decide; platform reviewers read all.
const reportReader = rule('report-reader', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'bureau' || ctx.principal.role === 'reviewer'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only department operators and platform reviewers read reports'),
);
const reportDecider = rule('report-decider', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'bureau'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only an operator of the department a report went to decides it'),
);

/**
 * Reports of dishonest behaviour (举报, seed 二(五)三), routed to the
 * department that records the category (reports.ts).
 */
export const dishonestyReports: PlatformDomain<DishonestyReportsModels> = {
  name: 'dishonesty-reports',
  createModels: createDishonestyReportsModels,
  resolvers,
  permissions: {
    // Anyone reports and follows a report by its receipt; the gateway limits how often.
    Query: { dishonestyReportStatus: allow, dishonestyReports: reportReader },
    Mutation: { reportDishonesty: allow, startDishonestyReportReview: reportDecider, decideDishonestyReport: reportDecider },
  },
};
