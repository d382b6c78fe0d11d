import path from 'node:path';

import { defineDepartment, seedDoublePublicity } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels } from './models';
import { publicity } from './publicity';
import { resolvers } from './resolvers';

/** The culture-tourism subgraph: the Culture, Radio, Television and Tourism Bureau's administrative penalties and licences. */
export const definition = defineDepartment({
  name: 'culture-tourism',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  // Its records are the double-publicity ones, which defineDepartment adds.
  ingestKinds: () => ({}),
  createModels,
  createLoaders,
  resolvers,
  seed: (models, people, seed) => seedDoublePublicity('culture-tourism', publicity, models, people, seed),
});
