import path from 'node:path';

import { defineDepartment, seedDoublePublicity } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels } from './models';
import { publicity } from './publicity';
import { resolvers } from './resolvers';

/** The internet-information subgraph: the Cyberspace Administration Office's administrative penalties and licences. */
export const definition = defineDepartment({
  name: 'internet-information',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  // Its records are the double-publicity ones, which defineDepartment adds.
  ingestKinds: () => ({}),
  createModels,
  createLoaders,
  resolvers,
  seed: (models, people, seed) => seedDoublePublicity('internet-information', publicity, models, people, seed),
});
