import { groupedLoader, NEGATIVE_RECORD_ORDER, type DepartmentContext } from '@credit/shared';

import type { Models } from '../models';
import { EDUCATION_ORDER } from '../models/EducationRecord';

/** Per-request loaders: one command per collection for all people of a request. */
export function createLoaders(models: Models) {
  return {
    // History and degrees share this loader: degrees are the degree-bearing enrolments.
    educationByPerson: groupedLoader(models.EducationRecord, 'personId', EDUCATION_ORDER),
    studentIntegrityByPerson: groupedLoader(models.StudentIntegrityRecord, 'personId', NEGATIVE_RECORD_ORDER),
    researchMisconductByPerson: groupedLoader(models.ResearchMisconduct, 'personId', NEGATIVE_RECORD_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders>;
