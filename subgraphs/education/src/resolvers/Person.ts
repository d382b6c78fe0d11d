import { pageOfShownRecords } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';
import { hasDegree } from '../models/EducationRecord';

export const Person: PersonResolvers = {
  educationHistory: async ({ id }, _args, { loaders }) => loaders.educationByPerson.load(id),
  degrees: async ({ id }, _args, { loaders }) => (await loaders.educationByPerson.load(id)).filter(hasDegree),
  studentIntegrityRecords: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.studentIntegrityByPerson.load(id), args, forwarded),
  researchMisconduct: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.researchMisconductByPerson.load(id), args, forwarded),
};
