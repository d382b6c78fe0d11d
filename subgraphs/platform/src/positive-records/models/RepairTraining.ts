import { calendarDateField } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { positiveRecordSourceFields, type PositiveRecordSourceFields } from './positive-record';

/**
 * A completed credit-repair course (信用修复培训, seed 二(三)三: 教育培训), as
 * the training provider reports it. A repair of a record of the grades the
 * policy names (`repair.trainingRequiredGrades`) needs one completed on or
 * after the record's decision, as Credit China asks for serious dishonesty.
 */
export interface RepairTrainingDoc extends PositiveRecordSourceFields {
  _id: string;
  personId: string;
  course: string;
  provider: string;
  completedOn: string;
  certificateNumber: string;
}

/** Display order of a person's courses: most recent first. */
export const REPAIR_TRAINING_ORDER = { personId: 1, completedOn: -1, _id: 1 } as const;

const repairTrainingSchema = new Schema<RepairTrainingDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    course: { type: String, required: true },
    provider: { type: String, required: true },
    completedOn: calendarDateField(true),
    certificateNumber: { type: String, required: true },
    ...positiveRecordSourceFields,
  },
  { collection: 'repair_trainings', versionKey: false },
);
repairTrainingSchema.index(REPAIR_TRAINING_ORDER);

export function repairTrainingModel(conn: Connection) {
  return conn.model<RepairTrainingDoc>('RepairTraining', repairTrainingSchema);
}
