import type { Connection } from 'mongoose';

import { financialRecordModel } from './FinancialRecord';
import { loansSummaryModel } from './LoansSummary';

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

export function createModels(conn: Connection) {
  return {
    LoansSummary: loansSummaryModel(conn),
    FinancialRecord: financialRecordModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
