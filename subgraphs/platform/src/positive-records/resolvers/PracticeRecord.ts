import type { PracticeRecordResolvers } from '../../generated/graphql';
import { positiveRecordSource } from '../models/positive-record';

export const PracticeRecord: PracticeRecordResolvers = {
  id: (doc) => doc._id,
  source: (doc) => positiveRecordSource(doc),
};
