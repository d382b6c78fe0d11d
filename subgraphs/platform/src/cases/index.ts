import { codedError, groupedLoader } from '@credit/shared';
import { rule } from 'graphql-shield';

import type { Context } from '../context';
import type { PlatformDomain } from '../domain';
import { dataSubject, reviewer } from '../rules';
import { createCasesModels, type CasesModels } from './models';
import { APPEAL_ORDER } from './models/Appeal';
import { NOTIFICATION_ORDER } from './models/Notification';
import { OBJECTION_ORDER } from './models/Objection';
import { POSTPONEMENT_ORDER } from './models/Postponement';
import { REPAIR_ORDER } from './models/Repair';
import { resolvers } from './resolvers';
import { seedCases } from './seed';
import { startWindowEndSweeper } from './window-ends';

const bureauOperator = rule('bureau-operator', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'bureau'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only an operator of the owning bureau decides'),
);

function createCasesLoaders(models: CasesModels) {
  return {
    objectionsByPerson: groupedLoader(models.Objection, 'personId', OBJECTION_ORDER),
    notificationsByPerson: groupedLoader(models.Notification, 'personId', NOTIFICATION_ORDER),
    repairsByPerson: groupedLoader(models.Repair, 'personId', REPAIR_ORDER),
    appealsByPerson: groupedLoader(models.Appeal, 'personId', APPEAL_ORDER),
    postponementsByPerson: groupedLoader(models.Postponement, 'personId', POSTPONEMENT_ORDER),
  };
}

/**
 * A person's cases: objections to a record and credit-repair applications
 * (方案 二(三)三), their deadlines and decisions, and the notifications that
 * tell the person of each step.
 */
export const cases: PlatformDomain<CasesModels, ReturnType<typeof createCasesLoaders>> = {
  name: 'cases',
  createModels: createCasesModels,
  createLoaders: createCasesLoaders,
  resolvers,
  permissions: {
    Query: { overdueObjections: reviewer, overdueRepairs: reviewer, overdueAppeals: reviewer, overduePostponements: reviewer },
    Mutation: {
      fileObjection: dataSubject,
      attachStatement: dataSubject,
      withdrawStatement: dataSubject,
      applyForRepair: dataSubject,
      // The resolvers check the operator's bureau against the record's (谁认定、谁修复).
      decideRepair: bureauOperator,
      fileAppeal: dataSubject,
      decideAppeal: reviewer,
      startRepairReview: bureauOperator,
      // The resolver checks the operator's bureau against the objection's.
      decideObjection: bureauOperator,
      startObjectionReview: bureauOperator,
      applyForPostponement: dataSubject,
      // The resolvers check the operator's bureau against the record's.
      startPostponementReview: bureauOperator,
      decidePostponement: bureauOperator,
    },
  },
  seed: seedCases,
  // The end of a record's display period is told by a daily sweep (window-ends.ts).
  onReady: (models, log) => startWindowEndSweeper(models, log),
};
