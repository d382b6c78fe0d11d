import { ingestionResolver, recordActionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { IllegalFundRaisingRecord, LoanDefault, MaliciousDebtEvasionRecord, OverdueRecord } from './FinancialRecords';
import { Person } from './Person';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Mutation: { applyPbocRecordAction: recordActionResolver(ingestKinds) as never, ingestPbocRecords: ingestionResolver('PBOC', ingestKinds) as never },
  Person,
  OverdueRecord,
  LoanDefault,
  MaliciousDebtEvasionRecord,
  IllegalFundRaisingRecord,
};
