import type { Connection } from 'mongoose';

import { jointPunishmentStatusModel } from './JointPunishmentStatus';
import { standingChangeModel, standingFeedHeadModel } from './StandingChange';

export function createStandingModels(conn: Connection) {
  return {
    JointPunishmentStatus: jointPunishmentStatusModel(conn),
    StandingChange: standingChangeModel(conn),
    StandingFeedHead: standingFeedHeadModel(conn),
  };
}

export type StandingModels = ReturnType<typeof createStandingModels>;
