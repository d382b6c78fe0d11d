import type { VolunteerRecordResolvers } from '../../generated/graphql';
import { positiveRecordSource } from '../models/positive-record';

export const VolunteerRecord: VolunteerRecordResolvers = {
  id: (doc) => doc._id,
  source: (doc) => positiveRecordSource(doc),
};
