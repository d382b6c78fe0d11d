import path from 'node:path';

import { defineDepartment, serviceOnly, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The kinds of records the PUBLIC_SECURITY bureau writes, and how each is keyed. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    RESIDENT: { model: models.Resident, keyedByPerson: true },
    VIOLATION: { model: models.Violation, negative: true },
  };
}

/** The public-security subgraph: population base, real-name registrations, violations. */
export const definition = defineDepartment({
  name: 'public-security',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  // Names are looked up for the platform's public search only.
  permissions: { Query: { residentsNamed: serviceOnly } },
  seed,
});
