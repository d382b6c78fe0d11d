import type { Connection } from 'mongoose';

import { educationRecordModel } from './EducationRecord';
import { researchMisconductModel } from './ResearchMisconduct';
import { studentIntegrityRecordModel } from './StudentIntegrityRecord';

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

export function createModels(conn: Connection) {
  return {
    EducationRecord: educationRecordModel(conn),
    StudentIntegrityRecord: studentIntegrityRecordModel(conn),
    ResearchMisconduct: researchMisconductModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
