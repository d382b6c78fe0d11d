import { paginate, todayInCity } from '@credit/shared';

import type { QueryResolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';

/** Undecided objections past their deadline, for reviewers to chase. */
export const overdueObjections: QueryResolvers['overdueObjections'] = async (_parent, args, ctx) => {
  const overdue = await ctx.models.Objection.find({ status: { $in: ['FILED', 'UNDER_REVIEW'] }, dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean()
    .exec();
  const page = paginate(overdue, args, (o) => o._id);
  // The cases name people's records and their own words: the reviewer's read of them is logged.
  await recordReads(
    ctx,
    page.nodes.map((o) => o.personId),
    ['objections_repairs'],
  );
  return page;
};
