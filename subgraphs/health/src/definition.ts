import path from 'node:path';

import { defineDepartment, seedDoublePublicity } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels } from './models';
import { publicity } from './publicity';
import { resolvers } from './resolvers';

/** The health subgraph: the Health Commission's administrative penalties and licences. */
export const definition = defineDepartment({
  name: 'health',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  // Its records are the double-publicity ones, which defineDepartment adds.
  ingestKinds: () => ({}),
  createModels,
  createLoaders,
  resolvers,
  seed: (models, people, seed) => seedDoublePublicity('health', publicity, models, people, seed),
});
