import type { Connection } from 'mongoose';

import { appealModel } from './Appeal';
import { decisionClaimModel } from './DecisionClaim';
import { noticeSweepModel } from './NoticeSweep';
import { notificationModel } from './Notification';
import { objectionModel } from './Objection';
import { postponementModel } from './Postponement';
import { repairModel } from './Repair';

export function createCasesModels(conn: Connection) {
  return {
    Objection: objectionModel(conn),
    Repair: repairModel(conn),
    Postponement: postponementModel(conn),
    Appeal: appealModel(conn),
    Notification: notificationModel(conn),
    DecisionClaim: decisionClaimModel(conn),
    NoticeSweep: noticeSweepModel(conn),
  };
}

export type CasesModels = ReturnType<typeof createCasesModels>;
