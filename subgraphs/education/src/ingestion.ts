import type { IngestKind } from '@credit/shared';

import type { Models } from './models';

/** The kinds of records the EDUCATION bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    EDUCATION_RECORD: { model: models.EducationRecord },
    STUDENT_INTEGRITY_RECORD: { model: models.StudentIntegrityRecord, negative: true },
    RESEARCH_MISCONDUCT: { model: models.ResearchMisconduct, negative: true },
  };
}
