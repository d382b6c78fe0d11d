import { paginate } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { decideAppeal, fileAppeal } from '../appeals';
import { OPEN_POSTPONEMENT_STATUSES } from '../models/Postponement';
import { OPEN_REPAIR_STATUSES } from '../models/Repair';
import { decideObjection, fileObjection, startObjectionReview } from '../objections';
import { applyForPostponement, decidePostponement, startPostponementReview } from '../postponements';
import { applyForRepair, decideRepair, startRepairReview } from '../repairs';
import { attachStatement, withdrawStatement } from '../statements';
import { Appeal } from './Appeal';
import { Notification } from './Notification';
import { Objection } from './Objection';
import { overdueCases } from './overdue';
import { Postponement } from './Postponement';
import { Repair } from './Repair';

const byId = (doc: { _id: string }) => doc._id;

export const resolvers: Resolvers = {
  Query: {
    overdueObjections: (_parent, args, ctx) => overdueCases(ctx.models.Objection, ['FILED', 'UNDER_REVIEW'], args, ctx),
    overdueRepairs: (_parent, args, ctx) => overdueCases(ctx.models.Repair, OPEN_REPAIR_STATUSES, args, ctx),
    overdueAppeals: (_parent, args, ctx) => overdueCases(ctx.models.Appeal, ['FILED'], args, ctx),
    overduePostponements: (_parent, args, ctx) => overdueCases(ctx.models.Postponement, OPEN_POSTPONEMENT_STATUSES, args, ctx),
  },
  Mutation: {
    applyForRepair: (_parent, args, ctx) => applyForRepair(ctx, args),
    startRepairReview: (_parent, args, ctx) => startRepairReview(ctx, args),
    decideRepair: (_parent, args, ctx) => decideRepair(ctx, args),
    fileObjection: (_parent, args, ctx) => fileObjection(ctx, args),
    startObjectionReview: (_parent, args, ctx) => startObjectionReview(ctx, args),
    decideObjection: (_parent, args, ctx) => decideObjection(ctx, args),
    attachStatement: (_parent, args, ctx) => attachStatement(ctx, args),
    withdrawStatement: (_parent, args, ctx) => withdrawStatement(ctx, args),
    fileAppeal: (_parent, args, ctx) => fileAppeal(ctx, args),
    decideAppeal: (_parent, args, ctx) => decideAppeal(ctx, args),
    applyForPostponement: (_parent, args, ctx) => applyForPostponement(ctx, args),
    startPostponementReview: (_parent, args, ctx) => startPostponementReview(ctx, args),
    decidePostponement: (_parent, args, ctx) => decidePostponement(ctx, args),
  },
  Person: {
    objections: async ({ id }, args, { loaders }) => paginate(await loaders.objectionsByPerson.load(id), args, byId),
    notifications: async ({ id }, args, { loaders }) => paginate(await loaders.notificationsByPerson.load(id), args, byId),
    repairs: async ({ id }, args, { loaders }) => paginate(await loaders.repairsByPerson.load(id), args, byId),
    appeals: async ({ id }, args, { loaders }) => paginate(await loaders.appealsByPerson.load(id), args, byId),
    postponements: async ({ id }, args, { loaders }) => paginate(await loaders.postponementsByPerson.load(id), args, byId),
  },
  Objection,
  Repair,
  Postponement,
  Appeal,
  Notification,
};
