import { rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { IllegalFundRaisingRecord, LoanDefault, MaliciousDebtEvasionRecord, OverdueRecord } from './FinancialRecords';
import { Person } from './Person';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Person,
  OverdueRecord,
  LoanDefault,
  MaliciousDebtEvasionRecord,
  IllegalFundRaisingRecord,
};
