import type { Connection } from 'mongoose';

import { charityRecordModel } from './CharityRecord';
import { practiceRecordModel } from './PracticeRecord';
import { redListEntryModel } from './RedListEntry';
import { volunteerRecordModel } from './VolunteerRecord';

export function createPositiveRecordModels(conn: Connection) {
  return {
    RedListEntry: redListEntryModel(conn),
    PracticeRecord: practiceRecordModel(conn),
    VolunteerRecord: volunteerRecordModel(conn),
    CharityRecord: charityRecordModel(conn),
  };
}

export type PositiveRecordModels = ReturnType<typeof createPositiveRecordModels>;
