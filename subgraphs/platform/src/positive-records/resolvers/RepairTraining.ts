import type { RepairTrainingResolvers } from '../../generated/graphql';
import { positiveRecordSource } from '../models/positive-record';

export const RepairTraining: RepairTrainingResolvers = {
  id: (doc) => doc._id,
  source: (doc) => positiveRecordSource(doc),
};
