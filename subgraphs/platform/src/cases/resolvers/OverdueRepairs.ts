import { paginate, todayInCity } from '@credit/shared';

import type { QueryResolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';
import { OPEN_REPAIR_STATUSES } from '../models/Repair';

/** Undecided repair applications past their deadline, for reviewers to chase. */
export const overdueRepairs: QueryResolvers['overdueRepairs'] = async (_parent, args, ctx) => {
  const overdue = await ctx.models.Repair.find({ status: { $in: [...OPEN_REPAIR_STATUSES] }, dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean()
    .exec();
  const page = paginate(overdue, args, (r) => r._id);
  // The cases name people's records and their own words: the reviewer's read of them is logged.
  await recordReads(
    ctx,
    page.nodes.map((r) => r.personId),
    ['objections_repairs'],
  );
  return page;
};
