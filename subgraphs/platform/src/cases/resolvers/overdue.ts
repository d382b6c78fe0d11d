import { paginate, todayInCity, type Page, type PageArgs } from '@credit/shared';
import type { Model, QueryFilter } from 'mongoose';

import type { Context } from '../../context';
import { recordReads } from '../../query-log/record-reads';

/**
 * A page of cases (objections, repair applications, appeals, complaints,
 * reports of dishonest behaviour) by deadline, oldest first, for the people
 * who work through them. The cases name people's records and their own
 * words: the read of the page is logged for its people, as `fieldGroups`.
 */
export async function casesByDeadline<T extends { _id: string; personId: string }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  args: PageArgs,
  ctx: Context,
  fieldGroups: string[] = ['objections_repairs'],
): Promise<Page<T>> {
  const cases = await model.find(filter).sort({ dueOn: 1, _id: 1 }).lean<T[]>().exec();
  const page = paginate(cases, args, (c) => c._id);
  await recordReads(
    ctx,
    page.nodes.map((c) => c.personId),
    fieldGroups,
  );
  return page;
}

/** Undecided cases of one kind past their deadline, for reviewers to chase. */
export function overdueCases<T extends { _id: string; personId: string }>(
  model: Model<T>,
  openStatuses: readonly string[],
  args: PageArgs,
  ctx: Context,
): Promise<Page<T>> {
  return casesByDeadline(model, { status: { $in: [...openStatuses] }, dueOn: { $lt: todayInCity() } } as QueryFilter<T>, args, ctx);
}
