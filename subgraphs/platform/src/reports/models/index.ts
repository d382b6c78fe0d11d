import type { Connection } from 'mongoose';

import { creditReportModel } from './CreditReport';

export function createReportModels(conn: Connection) {
  return { CreditReport: creditReportModel(conn) };
}

export type ReportModels = ReturnType<typeof createReportModels>;
