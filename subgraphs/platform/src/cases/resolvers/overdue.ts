import { paginate, todayInCity, type Page, type PageArgs } from '@credit/shared';
import type { Model } from 'mongoose';

import type { Context } from '../../context';
import { recordReads } from '../../query-log/record-reads';

/**
 * Undecided cases of one kind (objections, repair applications, appeals)
 * past their deadline, oldest deadline first, for reviewers to chase. The
 * cases name people's records and their own words: the reviewer's read of
 * them is logged.
 */
export async function overdueCases<T extends { _id: string; personId: string }>(
  model: Model<T>,
  openStatuses: readonly string[],
  args: PageArgs,
  ctx: Context,
): Promise<Page<T>> {
  const overdue = await model
    .find({ status: { $in: [...openStatuses] }, dueOn: { $lt: todayInCity() } })
    .sort({ dueOn: 1, _id: 1 })
    .lean<T[]>()
    .exec();
  const page = paginate(overdue, args, (c) => c._id);
  await recordReads(
    ctx,
    page.nodes.map((c) => c.personId),
    ['objections_repairs'],
  );
  return page;
}
