import path from 'node:path';

import { defineDepartment, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The kinds of records the EDUCATION bureau writes, and how each is keyed. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    EDUCATION_RECORD: { model: models.EducationRecord },
    STUDENT_INTEGRITY_RECORD: { model: models.StudentIntegrityRecord, negative: true },
    RESEARCH_MISCONDUCT: { model: models.ResearchMisconduct, negative: true },
  };
}

/** The education subgraph: education history, degrees, student integrity files, research misconduct. */
export const definition = defineDepartment({
  name: 'education',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed,
});
