import type { QueryLogEntryResolvers } from '../generated/graphql';

export const QueryLogEntry: QueryLogEntryResolvers = {
  id: (doc) => doc._id,
  sequence: (doc) => String(doc.sequence),
};
