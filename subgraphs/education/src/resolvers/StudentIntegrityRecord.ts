import { ageOfPersonOn, negativeRecordResolvers } from '@credit/shared';

import type { StudentIntegrityRecordResolvers } from '../generated/graphql';
import type { StudentIntegrityRecordDoc } from '../models/StudentIntegrityRecord';

export const StudentIntegrityRecord: StudentIntegrityRecordResolvers = {
  ...negativeRecordResolvers<StudentIntegrityRecordDoc>('EDUCATION'),
  ageAtAct: (doc) => ageOfPersonOn(doc.personId, doc.actDate),
};
