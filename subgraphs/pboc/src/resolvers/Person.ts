import { pageOfShownRecords } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';
import { ofCategory } from '../models/FinancialRecord';
import { financialDisplayFacts } from './FinancialRecords';

export const Person: PersonResolvers = {
  loansSummary: async ({ id }, _args, { loaders }) => loaders.loansSummaryById.load(id),
  overdueRecords: async ({ id }, args, { loaders, forwarded }) =>
    pageOfShownRecords(ofCategory(await loaders.financialRecordsByPerson.load(id), 'LOAN_OVERDUE'), args, forwarded, financialDisplayFacts),
  defaults: async ({ id }, args, { loaders, forwarded }) =>
    pageOfShownRecords(ofCategory(await loaders.financialRecordsByPerson.load(id), 'LOAN_DEFAULT'), args, forwarded, financialDisplayFacts),
  maliciousDebtEvasion: async ({ id }, args, { loaders, forwarded }) =>
    pageOfShownRecords(ofCategory(await loaders.financialRecordsByPerson.load(id), 'MALICIOUS_DEBT_EVASION'), args, forwarded, financialDisplayFacts),
  illegalFundRaising: async ({ id }, args, { loaders, forwarded }) =>
    pageOfShownRecords(ofCategory(await loaders.financialRecordsByPerson.load(id), 'ILLEGAL_FUND_RAISING'), args, forwarded, financialDisplayFacts),
};
