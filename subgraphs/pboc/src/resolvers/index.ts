import type { Resolvers } from '../generated/graphql';
import { IllegalFundRaisingRecord, LoanDefault, MaliciousDebtEvasionRecord, OverdueRecord } from './FinancialRecords';
import { Person } from './Person';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  OverdueRecord,
  LoanDefault,
  MaliciousDebtEvasionRecord,
  IllegalFundRaisingRecord,
};
