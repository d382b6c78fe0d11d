import type { RedListEntryResolvers } from '../../generated/graphql';
import { positiveRecordSource } from '../models/positive-record';
import { redListEntryInForce } from '../models/RedListEntry';

export const RedListEntry: RedListEntryResolvers = {
  id: (doc) => doc._id,
  inForce: (doc) => redListEntryInForce(doc),
  source: (doc) => positiveRecordSource(doc),
};
