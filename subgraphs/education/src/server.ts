import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The education subgraph: education history, degrees, student integrity files, research misconduct. */
export const educationSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'education',
  bureau: 'EDUCATION',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
};
