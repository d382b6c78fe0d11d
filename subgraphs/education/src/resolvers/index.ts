import type { Resolvers } from '../generated/graphql';
import { Degree } from './Degree';
import { EducationRecord } from './EducationRecord';
import { Person } from './Person';
import { ResearchMisconduct } from './ResearchMisconduct';
import { StudentIntegrityRecord } from './StudentIntegrityRecord';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  EducationRecord,
  Degree,
  StudentIntegrityRecord,
  ResearchMisconduct,
};
