import path from 'node:path';

import { defineDepartment, seedDoublePublicity, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { publicity } from './publicity';
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

/**
 * The education subgraph: education history, degrees, student integrity
 * files, research misconduct; and, as the education and sports bureau, its
 * administrative penalties and licences (sport, off-campus training, teacher
 * qualifications) in the double-publicity format.
 */
export const definition = defineDepartment({
  name: 'education',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed: async (models, people, seedValue) => ({
    ...(await seed(models, people, seedValue)),
    ...(await seedDoublePublicity('education', publicity, models, people, seedValue)),
  }),
  publicity,
});
