import { paginate, todayInCity } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';

/** Undecided objections past their deadline, for reviewers to chase. */
export const overdueObjections: QueryResolvers['overdueObjections'] = async (_parent, args, ctx) => {
  const overdue = await ctx.models.Objection.find({ status: { $in: ['FILED', 'UNDER_REVIEW'] }, dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean()
    .exec();
  return paginate(overdue, args, (o) => o._id);
};
