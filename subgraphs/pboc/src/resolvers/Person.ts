import { paginate } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';
import { ofCategory } from '../models/FinancialRecord';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  loansSummary: async ({ id }, _args, { loaders }) => loaders.loansSummaryById.load(id),
  overdueRecords: async ({ id }, args, { loaders }) =>
    paginate(ofCategory(await loaders.financialRecordsByPerson.load(id), 'LOAN_OVERDUE'), args, (r) => r._id),
  defaults: async ({ id }, args, { loaders }) => paginate(ofCategory(await loaders.financialRecordsByPerson.load(id), 'LOAN_DEFAULT'), args, (r) => r._id),
  maliciousDebtEvasion: async ({ id }, args, { loaders }) =>
    paginate(ofCategory(await loaders.financialRecordsByPerson.load(id), 'MALICIOUS_DEBT_EVASION'), args, (r) => r._id),
  illegalFundRaising: async ({ id }, args, { loaders }) =>
    paginate(ofCategory(await loaders.financialRecordsByPerson.load(id), 'ILLEGAL_FUND_RAISING'), args, (r) => r._id),
};
