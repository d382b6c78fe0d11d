import { paginate, todayInCity } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';
import { OPEN_REPAIR_STATUSES } from '../models/Repair';

/** Undecided repair applications past their deadline, for reviewers to chase. */
export const overdueRepairs: QueryResolvers['overdueRepairs'] = async (_parent, args, ctx) => {
  const overdue = await ctx.models.Repair.find({ status: { $in: [...OPEN_REPAIR_STATUSES] }, dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean()
    .exec();
  return paginate(overdue, args, (r) => r._id);
};
