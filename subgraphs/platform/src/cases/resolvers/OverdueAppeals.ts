import { paginate, todayInCity } from '@credit/shared';

import type { QueryResolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';

/** Undecided appeals past their deadline, for reviewers to chase. */
export const overdueAppeals: QueryResolvers['overdueAppeals'] = async (_parent, args, ctx) => {
  const overdue = await ctx.models.Appeal.find({ status: 'FILED', dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean()
    .exec();
  const page = paginate(overdue, args, (a) => a._id);
  // The cases name people's records and their own words: the reviewer's read of them is logged.
  await recordReads(
    ctx,
    page.nodes.map((a) => a.personId),
    ['objections_repairs'],
  );
  return page;
};
