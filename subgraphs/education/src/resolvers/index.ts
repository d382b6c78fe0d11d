import { ingestionResolver, recordActionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { Degree } from './Degree';
import { EducationRecord } from './EducationRecord';
import { Person } from './Person';
import { ResearchMisconduct } from './ResearchMisconduct';
import { StudentIntegrityRecord } from './StudentIntegrityRecord';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Mutation: {
    applyEducationRecordAction: recordActionResolver(ingestKinds) as never,
    ingestEducationRecords: ingestionResolver('EDUCATION', ingestKinds) as never,
  },
  Person,
  EducationRecord,
  Degree,
  StudentIntegrityRecord,
  ResearchMisconduct,
};
