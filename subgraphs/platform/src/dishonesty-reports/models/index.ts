import type { Connection } from 'mongoose';

import { dishonestyReportModel } from './DishonestyReport';

export function createDishonestyReportsModels(conn: Connection) {
  return { DishonestyReport: dishonestyReportModel(conn) };
}

export type DishonestyReportsModels = ReturnType<typeof createDishonestyReportsModels>;
