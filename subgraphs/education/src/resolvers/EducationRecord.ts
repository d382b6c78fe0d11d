import type { EducationRecordResolvers } from '../generated/graphql';

export const EducationRecord: EducationRecordResolvers = {
  id: (doc) => doc._id,
};
