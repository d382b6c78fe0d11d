import type { Connection } from 'mongoose';

import { financialRecordModel } from './FinancialRecord';
import { loansSummaryModel } from './LoansSummary';

export function createModels(conn: Connection) {
  return {
    LoansSummary: loansSummaryModel(conn),
    FinancialRecord: financialRecordModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
