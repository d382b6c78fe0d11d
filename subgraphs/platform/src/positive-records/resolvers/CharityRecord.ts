import type { CharityRecordResolvers } from '../../generated/graphql';
import { positiveRecordSource } from '../models/positive-record';

export const CharityRecord: CharityRecordResolvers = {
  id: (doc) => doc._id,
  source: (doc) => positiveRecordSource(doc),
};
