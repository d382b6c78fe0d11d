import type { Connection } from 'mongoose';

import { charityRecordModel } from './CharityRecord';
import { practiceRecordModel } from './PracticeRecord';
import { redListEntryModel } from './RedListEntry';
import { repairTrainingModel } from './RepairTraining';
import { volunteerRecordModel } from './VolunteerRecord';

export function createPositiveRecordModels(conn: Connection) {
  return {
    RedListEntry: redListEntryModel(conn),
    PracticeRecord: practiceRecordModel(conn),
    VolunteerRecord: volunteerRecordModel(conn),
    CharityRecord: charityRecordModel(conn),
    RepairTraining: repairTrainingModel(conn),
  };
}

export type PositiveRecordModels = ReturnType<typeof createPositiveRecordModels>;
