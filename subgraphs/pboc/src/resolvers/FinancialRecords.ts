import { negativeRecordResolvers, todayInCity } from '@credit/shared';

import type {
  IllegalFundRaisingRecordResolvers,
  LoanDefaultResolvers,
  MaliciousDebtEvasionRecordResolvers,
  OverdueRecordResolvers,
} from '../generated/graphql';
import type { FinancialRecordDoc, IllegalFundRaisingDoc, LoanDefaultDoc, MaliciousDebtEvasionDoc, OverdueRecordDoc } from '../models/FinancialRecord';

// PBoC art. 16 keeps a record 5 years from the day the act ends. While an
// overdue or default is unsettled the act goes on, so the 5 years count from
// today and the record stays shown until it is settled.
export function financialDisplayFacts(doc: FinancialRecordDoc): { actEndedOn: string } {
  return { actEndedOn: doc.actEndedOn ?? todayInCity() };
}

function financialRecordResolvers<T extends FinancialRecordDoc>() {
  return {
    ...negativeRecordResolvers<T>('PBOC', financialDisplayFacts),
  };
}

export const OverdueRecord: OverdueRecordResolvers = financialRecordResolvers<OverdueRecordDoc>();

export const LoanDefault: LoanDefaultResolvers = financialRecordResolvers<LoanDefaultDoc>();

export const MaliciousDebtEvasionRecord: MaliciousDebtEvasionRecordResolvers = financialRecordResolvers<MaliciousDebtEvasionDoc>();

export const IllegalFundRaisingRecord: IllegalFundRaisingRecordResolvers = financialRecordResolvers<IllegalFundRaisingDoc>();
