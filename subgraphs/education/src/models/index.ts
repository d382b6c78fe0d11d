import type { Connection } from 'mongoose';

import { educationRecordModel } from './EducationRecord';
import { researchMisconductModel } from './ResearchMisconduct';
import { studentIntegrityRecordModel } from './StudentIntegrityRecord';

export function createModels(conn: Connection) {
  return {
    EducationRecord: educationRecordModel(conn),
    StudentIntegrityRecord: studentIntegrityRecordModel(conn),
    ResearchMisconduct: researchMisconductModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
